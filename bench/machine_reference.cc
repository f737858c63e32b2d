#include "bench/machine_reference.h"

#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "bench/clock.h"

namespace passend::bench {
namespace {

// A fixed linear congruential sequence: the same work on every machine and every build.
struct Lcg {
  uint64_t state = 0x9e3779b97f4a7c15ULL;
  uint64_t Next() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return state >> 17;
  }
};

std::string Key(uint64_t n) { return "term" + std::to_string(n % 400000); }

// Returns a checksum so the compiler cannot drop the work.
uint64_t MapWork() {
  Lcg lcg;
  std::map<std::string, uint32_t> map;
  for (int i = 0; i < 400000; ++i) ++map[Key(lcg.Next())];
  uint64_t sum = 0;
  for (int i = 0; i < 800000; ++i) {
    auto it = map.find(Key(lcg.Next()));
    if (it != map.end()) sum += it->second;
  }
  return sum + map.size();
}

constexpr size_t kBlock = 8192, kBlocks = (256u << 20) / kBlock;

uint64_t CopyWork(const std::vector<char>& area) {
  std::vector<char> block(kBlock);
  Lcg lcg;
  uint64_t sum = 0;
  for (int i = 0; i < 400000; ++i) {
    std::memcpy(block.data(), area.data() + (lcg.Next() % kBlocks) * kBlock, kBlock);
    sum += static_cast<unsigned char>(block[i % kBlock]);
  }
  return sum;
}

MachineReference MeasureInThisProcess() {
  MachineReference r;
  volatile uint64_t sink = 0;
  auto t0 = Clock::now();
  sink = sink + MapWork();
  r.map_seconds = Seconds(t0);
  const std::vector<char> area(kBlocks * kBlock, 1);  // its page faults are not timed
  t0 = Clock::now();
  sink = sink + CopyWork(area);
  r.copy_seconds = Seconds(t0);
  return r;
}

}  // namespace

// In a child process, so its 256 MB do not count in the benchmark's own peak RSS.
MachineReference MeasureMachineReference() {
  MachineReference r;
  int fds[2];
  if (pipe(fds) != 0) return r;
  const pid_t child = fork();
  if (child == 0) {
    close(fds[0]);
    const MachineReference measured = MeasureInThisProcess();
    const bool written =
        write(fds[1], &measured, sizeof measured) == static_cast<ssize_t>(sizeof measured);
    _exit(written ? 0 : 1);
  }
  close(fds[1]);
  if (child > 0) {
    if (read(fds[0], &r, sizeof r) != static_cast<ssize_t>(sizeof r)) r = MachineReference{};
    waitpid(child, nullptr, 0);
  }
  close(fds[0]);
  return r;
}

std::string MachineReference::ToJson() const {
  char text[128];
  std::snprintf(text, sizeof text,
                "{\"seconds\": %.2f, \"map_seconds\": %.2f, \"copy_seconds\": %.2f}", Total(),
                map_seconds, copy_seconds);
  return text;
}

}  // namespace passend::bench
