// key=value log fields, for cron logs that are grepped.
#pragma once

#include <string>

namespace passend {

// Quotes a value for a key=value log field when it contains spaces or quotes.
std::string LogValue(const std::string& value);

}  // namespace passend
