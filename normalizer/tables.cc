#include "normalizer/tables.h"

#include "common/file.h"
#include "common/text.h"

namespace passend {

StatusOr<std::unique_ptr<NormalizerTables>> NormalizerTables::Load(const std::string& share_dir) {
  auto t = std::make_unique<NormalizerTables>();
  auto schema = FmlSchema::Load(share_dir + "/fml/items.json");
  if (!schema.ok()) return schema.status();
  t->schema = std::move(*schema);
  auto gazetteer = Gazetteer::Load(share_dir + "/gazetteer/nl_places.tsv");
  if (!gazetteer.ok()) return gazetteer.status();
  t->gazetteer = std::move(*gazetteer);
  auto lexicon = DemandLexicon::Load(share_dir + "/lexicon/demands.json", t->schema);
  if (!lexicon.ok()) return lexicon.status();
  t->lexicon = std::move(*lexicon);
  auto occupations = OccupationTable::Load(share_dir + "/occupations/occupations.json", t->schema);
  if (!occupations.ok()) return occupations.status();
  t->occupations = std::move(*occupations);
  for (const char* file : {"/fml/items.json", "/gazetteer/nl_places.tsv", "/lexicon/demands.json",
                           "/occupations/occupations.json"}) {
    auto bytes = ReadFile(share_dir + file);
    if (!bytes.ok()) return bytes.status();
    t->files_hash = Fmix64(t->files_hash ^ StableHash64(*bytes));
  }
  return t;
}

}  // namespace passend
