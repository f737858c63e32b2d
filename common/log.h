// One-line key=value logging to stderr, for cron logs that are grepped.
#pragma once

#include <string>

namespace passend {

// Writes "level=<level> <fields>" as one line to stderr.
void LogLine(const char* level, const std::string& fields);
// Quotes a value for a key=value log field when it contains spaces or quotes.
std::string LogValue(const std::string& value);

}  // namespace passend
