// The vacancy as a compact binary record: what the index's record files hold
// (indexer/record_store.h). The matcher decodes one record per vacancy it checks, hundreds
// per candidate, so the record is read without a JSON parser and is about half the size of
// the JSON.
//
// Layout: the version byte, then every field of Vacancy in declaration order. Strings and
// lists are a varint length and their contents, integers zigzag varints, doubles their 8
// IEEE bytes little-endian, an optional a presence byte before the value.
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"
#include "model/vacancy.h"

namespace passend {

std::string EncodeVacancyRecord(const Vacancy& v);

// InvalidArgument naming `where` when the bytes are not a whole record of this version.
StatusOr<Vacancy> DecodeVacancyRecord(std::string_view bytes, const std::string& where);
// The same into `v`, every field overwritten: decoding many records into one Vacancy reuses
// its strings' and lists' memory. On failure `v` holds what was read.
Status DecodeVacancyRecordInto(std::string_view bytes, const std::string& where, Vacancy* v);

}  // namespace passend
