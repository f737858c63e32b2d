#include "model/fml.h"

#include "common/file.h"
#include "common/json.h"

namespace passend {

const FmlLevel* FmlItem::FindLevel(int level) const {
  for (const auto& l : levels) {
    if (l.level == level) return &l;
  }
  return nullptr;
}

StatusOr<FmlSchema> FmlSchema::Load(const std::string& path) {
  auto text = ReadFile(path);
  if (!text.ok()) return text.status();
  return Parse(*text, path);
}

StatusOr<FmlSchema> FmlSchema::Parse(const std::string& json_text, const std::string& where) {
  auto doc = ParseJson(json_text, where);
  if (!doc.ok()) return doc.status();
  const auto items = doc->IsObject() ? doc->FindMember("items") : doc->MemberEnd();
  if (!doc->IsObject() || items == doc->MemberEnd() || !items->value.IsArray()) {
    return Status::InvalidArgument(where + ": items: expected an array of FML items");
  }
  FmlSchema schema;
  for (const auto& v : items->value.GetArray()) {
    FieldReader r(v, where, "items[" + std::to_string(schema.items_.size()) + "]");
    FmlItem item;
    item.key = r.String("key", true);
    item.rubriek = item.key.substr(0, item.key.find('.'));
    item.name = r.String("name", true);
    item.unit = r.String("unit");
    const std::string kind = r.String("kind", true);
    if (kind == "codes") {
      item.kind = FmlKind::kCodes;
    } else if (kind != "graded" && r.status().ok()) {
      r.Fail("kind", "expected \"graded\" or \"codes\", got \"" + kind + "\"");
    }
    const rapidjson::Value* levels = r.Get("levels");
    if (!levels || !levels->IsArray()) r.Fail("levels", "expected an array");
    PASSEND_RETURN_IF_ERROR(r.status());
    for (const auto& lv : levels->GetArray()) {
      FieldReader lr(lv, where, "items[" + item.key + "].levels");
      FmlLevel level;
      level.level = static_cast<int>(lr.Int("level", true).value_or(0));
      level.label = lr.String("label", true);
      level.value = lr.Number("value");
      PASSEND_RETURN_IF_ERROR(lr.status());
      item.levels.push_back(std::move(level));
    }
    if (schema.index_.count(item.key)) {
      return Status::InvalidArgument(where + ": items: duplicate key " + item.key);
    }
    schema.index_[item.key] = schema.items_.size();
    schema.items_.push_back(std::move(item));
  }
  return schema;
}

const FmlItem* FmlSchema::Find(const std::string& key) const {
  auto it = index_.find(key);
  return it == index_.end() ? nullptr : &items_[it->second];
}

}  // namespace passend
