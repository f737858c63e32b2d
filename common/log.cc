#include "common/log.h"

#include <cstdio>

namespace passend {

void LogLine(const char* level, const std::string& fields) {
  std::fprintf(stderr, "level=%s %s\n", level, fields.c_str());
}

std::string LogValue(const std::string& value) {
  if (!value.empty() && value.find_first_of(" \"=\t\n") == std::string::npos) return value;
  std::string out = "\"";
  for (char ch : value) {
    if (ch == '"' || ch == '\\') out += '\\';
    out += (ch == '\n' || ch == '\t') ? ' ' : ch;
  }
  return out + "\"";
}

}  // namespace passend
