// RawPosting from JSON: the input format of `passend normalize` (docs/formats.md).
#pragma once

#include <string>

#include "common/status.h"
#include "normalizer/normalizer.h"

namespace passend {

// Reads one raw posting from a JSON object. Strings are taken as given; numbers are
// accepted where a feed may give them (salary amounts, hours, coordinates). The error
// names `where` and the field.
StatusOr<RawPosting> RawPostingFromJson(const std::string& json_text, const std::string& where);

}  // namespace passend
