#include "common/json.h"

#include <memory>

#include <rapidjson/error/en.h>

namespace passend {

StatusOr<rapidjson::Document> ParseJson(std::string_view text, const std::string& where) {
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseStopWhenDoneFlag>(text.data(), text.size());
  if (doc.HasParseError()) {
    return Status::InvalidArgument(where + ": invalid JSON at byte " +
                                   std::to_string(doc.GetErrorOffset()) + ": " +
                                   rapidjson::GetParseError_En(doc.GetParseError()));
  }
  return doc;
}

FieldReader::FieldReader(const rapidjson::Value& object, std::string where, std::string path)
    : object_(object), where_(std::move(where)), path_(std::move(path)),
      error_(std::make_shared<Status>()) {}

std::string FieldReader::FieldPath(const std::string& field) const {
  return path_.empty() ? field : path_ + "." + field;
}

void FieldReader::Fail(const std::string& field, const std::string& what) {
  if (error_->ok()) *error_ = Status::InvalidArgument(where_ + ": " + FieldPath(field) + ": " + what);
}

Status FieldReader::status() const { return *error_; }

bool FieldReader::Has(const char* name) const { return Get(name) != nullptr; }

const rapidjson::Value* FieldReader::Get(const char* name) const {
  if (!object_.IsObject()) return nullptr;
  auto it = object_.FindMember(name);
  if (it == object_.MemberEnd() || it->value.IsNull()) return nullptr;
  return &it->value;
}

std::string FieldReader::String(const char* name, bool required) {
  const rapidjson::Value* v = Get(name);
  if (!v) {
    if (required) Fail(name, "missing (required)");
    return {};
  }
  if (!v->IsString()) {
    Fail(name, "expected a string");
    return {};
  }
  return std::string(v->GetString(), v->GetStringLength());
}

std::optional<double> FieldReader::Number(const char* name, bool required) {
  const rapidjson::Value* v = Get(name);
  if (!v) {
    if (required) Fail(name, "missing (required)");
    return std::nullopt;
  }
  if (!v->IsNumber()) {
    Fail(name, "expected a number");
    return std::nullopt;
  }
  return v->GetDouble();
}

std::optional<long> FieldReader::Int(const char* name, bool required) {
  const rapidjson::Value* v = Get(name);
  if (!v) {
    if (required) Fail(name, "missing (required)");
    return std::nullopt;
  }
  if (!v->IsInt64()) {
    Fail(name, "expected a whole number");
    return std::nullopt;
  }
  return static_cast<long>(v->GetInt64());
}

std::optional<bool> FieldReader::Bool(const char* name, bool required) {
  const rapidjson::Value* v = Get(name);
  if (!v) {
    if (required) Fail(name, "missing (required)");
    return std::nullopt;
  }
  if (!v->IsBool()) {
    Fail(name, "expected true or false");
    return std::nullopt;
  }
  return v->GetBool();
}

std::vector<std::string> FieldReader::StringArray(const char* name, bool required) {
  std::vector<std::string> out;
  const rapidjson::Value* v = Get(name);
  if (!v) {
    if (required) Fail(name, "missing (required)");
    return out;
  }
  if (!v->IsArray()) {
    Fail(name, "expected an array of strings");
    return out;
  }
  for (const auto& item : v->GetArray()) {
    if (!item.IsString()) {
      Fail(name, "expected an array of strings");
      return {};
    }
    out.emplace_back(item.GetString(), item.GetStringLength());
  }
  return out;
}

std::optional<FieldReader> FieldReader::Object(const char* name, bool required) {
  const rapidjson::Value* v = Get(name);
  if (!v) {
    if (required) Fail(name, "missing (required)");
    return std::nullopt;
  }
  if (!v->IsObject()) {
    Fail(name, "expected an object");
    return std::nullopt;
  }
  FieldReader nested(*v, where_, FieldPath(name));
  nested.error_ = error_;
  return nested;
}

void WriteOptString(JsonWriter& w, const char* key, const std::string& value) {
  if (value.empty()) return;
  w.Key(key);
  w.String(value.c_str(), static_cast<rapidjson::SizeType>(value.size()));
}

void WriteOptNumber(JsonWriter& w, const char* key, const std::optional<double>& value) {
  if (!value) return;
  w.Key(key);
  w.Double(*value);
}

void WriteStringArray(JsonWriter& w, const char* key, const std::vector<std::string>& values) {
  w.Key(key);
  w.StartArray();
  for (const auto& s : values) w.String(s.c_str(), static_cast<rapidjson::SizeType>(s.size()));
  w.EndArray();
}

}  // namespace passend
