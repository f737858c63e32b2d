// A fixed amount of single-threaded work of the kinds the ingest and the matcher spend their
// time on, timed: the speed of this machine varies from day to day by more than most changes
// to Passend, so each benchmark prints it beside its figures and runs of different days can
// be compared through it.
#pragma once

#include <string>

namespace passend::bench {

struct MachineReference {
  double map_seconds =
      0;  // string-keyed std::map inserts and lookups (Xapian's inverter, our maps)
  double copy_seconds = 0;  // 8 KB copies from random places in 256 MB (reading index blocks)
  double Total() const { return map_seconds + copy_seconds; }
  // {"seconds": …, "map_seconds": …, "copy_seconds": …}
  std::string ToJson() const;
};

// 1.5-1.9 s on 2026-12-03, a slow day; zeros if the child process could not run. The work never
// changes, so the figures of different days and builds compare.
MachineReference MeasureMachineReference();

}  // namespace passend::bench
