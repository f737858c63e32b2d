#include "normalizer/tables.h"

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
  return t;
}

}  // namespace passend
