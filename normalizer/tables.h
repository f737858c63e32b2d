// Everything the normalizer reads from the project's data/ directory, loaded once.
#pragma once

#include <memory>
#include <string>

#include "common/status.h"
#include "geo/gazetteer.h"
#include "model/fml.h"
#include "normalizer/demands.h"
#include "normalizer/normalizer.h"
#include "normalizer/occupations.h"

namespace passend {

struct NormalizerTables {
  FmlSchema schema;
  Gazetteer gazetteer;
  DemandLexicon lexicon;
  OccupationTable occupations;

  // Loads fml/items.json, gazetteer/nl_places.tsv, lexicon/demands.json and
  // occupations/occupations.json under `share_dir`; the error names the file.
  static StatusOr<std::unique_ptr<NormalizerTables>> Load(const std::string& share_dir);
  uint64_t files_hash = 0;  // of the four files' bytes

  NormalizerData data() const { return {&schema, &gazetteer, &lexicon, &occupations, files_hash}; }
};

}  // namespace passend
