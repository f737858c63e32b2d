// The FML (Functionele Mogelijkhedenlijst) item table, loaded from data/fml/items.json.
//
// Items are keyed by a stable "rubriek.slug" key (e.g. "IV.tillen"), never by the
// form's number, which changes between versions. Level 0 is always "normaal".
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"

namespace passend {

enum class FmlKind {
  kGraded,  // one level; a higher level is more limited (IV.tillen 0..3)
  kCodes,   // a set of specific conditions (VI.etmaal 1 = no evenings, 2 = no nights)
};

struct FmlLevel {
  int level = 0;
  std::string label;            // Dutch text from the form
  std::optional<double> value;  // the capacity at this level (kg, hours, minutes…), if any
};

struct FmlItem {
  std::string key;      // "IV.tillen"
  std::string rubriek;  // "IV"
  std::string name;     // "tillen"
  FmlKind kind = FmlKind::kGraded;
  std::string unit;     // unit of FmlLevel::value ("kg", "uur/week"); empty if none
  std::vector<FmlLevel> levels;

  const FmlLevel* FindLevel(int level) const;
};

class FmlSchema {
 public:
  // Loads and validates the table; errors name the file and the item.
  static StatusOr<FmlSchema> Load(const std::string& path);
  static StatusOr<FmlSchema> Parse(const std::string& json_text, const std::string& where);

  const FmlItem* Find(const std::string& key) const;
  const std::vector<FmlItem>& items() const { return items_; }

 private:
  std::vector<FmlItem> items_;
  std::map<std::string, size_t> index_;
};

}  // namespace passend
