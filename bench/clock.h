// The benchmarks' clock: steady, and seconds since a time point as a double.
#pragma once

#include <chrono>

namespace passend::bench {

using Clock = std::chrono::steady_clock;

inline double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

}  // namespace passend::bench
