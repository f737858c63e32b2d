// JSON reading and writing of the model types (formats: docs/formats.md).
// Readers validate and reject bad input with one error naming where, record and field.
#pragma once

#include <string>

#include <rapidjson/document.h>

#include "common/json.h"
#include "common/status.h"
#include "model/candidate.h"
#include "model/fml.h"
#include "model/match.h"
#include "model/vacancy.h"

namespace passend {

std::string VacancyToJson(const Vacancy& v);
void WriteVacancy(JsonWriter& w, const Vacancy& v);
StatusOr<Vacancy> VacancyFromJson(const rapidjson::Value& value, const std::string& where);
StatusOr<Vacancy> VacancyFromJsonText(const std::string& text, const std::string& where);

// Validates FML keys and levels against `schema`; `where` is usually the file path.
StatusOr<CandidateProfile> CandidateFromJsonText(const std::string& text, const std::string& where,
                                                 const FmlSchema& schema);
std::string CandidateToJson(const CandidateProfile& c);

std::string MatchToJson(const Match& m);
void WriteMatch(JsonWriter& w, const Match& m);

}  // namespace passend
