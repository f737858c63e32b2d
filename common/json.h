// RapidJSON helpers shared by the components that read and write JSON.
// FieldReader reads typed fields and records the first error with the full
// location ("file: record: field: expected a number"), so callers check once.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "common/status.h"

namespace passend {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

// Parses JSON text; the error names `where` and the byte offset.
StatusOr<rapidjson::Document> ParseJson(std::string_view text, const std::string& where);

class FieldReader {
 public:
  // `where` prefixes every error, e.g. "data/candidates/anna.json: candidate anna".
  FieldReader(const rapidjson::Value& object, std::string where, std::string path = "");

  bool IsObject() const { return object_.IsObject(); }
  bool Has(const char* name) const;
  const rapidjson::Value* Get(const char* name) const;

  std::string String(const char* name, bool required = false);
  std::optional<double> Number(const char* name, bool required = false);
  std::optional<long> Int(const char* name, bool required = false);
  std::optional<bool> Bool(const char* name, bool required = false);
  std::vector<std::string> StringArray(const char* name, bool required = false);
  // A nested object reader ("home" → errors say "home.place"); invalid when absent.
  std::optional<FieldReader> Object(const char* name, bool required = false);

  // Records an error for a field of this object.
  void Fail(const std::string& field, const std::string& what);
  std::string FieldPath(const std::string& field) const;
  const std::string& where() const { return where_; }
  Status status() const;

 private:
  const rapidjson::Value& object_;
  std::string where_;
  std::string path_;
  std::shared_ptr<Status> error_;  // shared with nested readers: first error wins
};

// Writes a string member only when it is not empty.
void WriteOptString(JsonWriter& w, const char* key, const std::string& value);
void WriteOptNumber(JsonWriter& w, const char* key, const std::optional<double>& value);
void WriteStringArray(JsonWriter& w, const char* key, const std::vector<std::string>& values);

}  // namespace passend
