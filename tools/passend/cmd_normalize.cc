// passend normalize: raw postings (JSON Lines) → normalised vacancies (JSON Lines), through
// the same Normalizer the crawler uses.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "model/json_io.h"
#include "normalizer/raw_json.h"
#include "tools/passend/cli.h"

namespace passend::cli {
namespace {

constexpr const char* kHelp =
    "Usage: passend normalize --input FILE [--output FILE] [--source NAME] [--share-dir DIR]\n"
    "\n"
    "Reads raw postings, one JSON object per line (title, description as HTML or text,\n"
    "employer, location, salary, hours, employment_type, education, …: docs/formats.md),\n"
    "and writes one normalised vacancy per line to FILE or standard output: salary per hour\n"
    "and month, hours, contract, education, place, occupation and FML demands, each demand\n"
    "with its phrase, offset and confidence. --input - reads standard input.\n"
    "--source names the source of postings without a \"source\" field (default: the input\n"
    "file's name without extension, or \"stdin\").\n"
    "A bad line is reported as FILE:LINE: field: what, and skipped.\n"
    "Exit: 0 all lines normalised, 1 some lines rejected, 2 nothing normalised or bad input.\n";

struct Counts {
  long lines = 0, written = 0, rejected = 0;
};

Counts NormalizeStream(std::istream& in, const std::string& name, const std::string& source,
                       const Normalizer& normalizer, std::FILE* out) {
  Counts c;
  std::string line;
  while (std::getline(in, line)) {
    ++c.lines;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::string where = name + ":" + std::to_string(c.lines);
    auto raw = RawPostingFromJson(line, where);
    if (raw.ok() && raw->source.empty()) raw->source = source;
    auto vacancy = raw.ok() ? normalizer.Normalize(*raw) : StatusOr<Vacancy>(raw.status());
    if (!vacancy.ok()) {
      ++c.rejected;
      PrintError("normalize", raw.ok() ? where + ": " + vacancy.status().message() : vacancy.status().message());
      continue;
    }
    const std::string json = VacancyToJson(*vacancy);
    std::fwrite(json.data(), 1, json.size(), out);
    std::fputc('\n', out);
    ++c.written;
  }
  return c;
}

}  // namespace

int RunNormalize(const std::vector<std::string>& argv) {
  int exit_code = kExitOk;
  auto inv = Begin("normalize", kHelp, argv, {"input", "output", "source"}, {}, &exit_code);
  if (!inv) return exit_code;
  const auto input = inv->args.Get("input");
  if (!input) {
    PrintError("normalize", "--input FILE is required (- for standard input)");
    return kExitFailure;
  }
  std::ifstream file;
  if (*input != "-") {
    file.open(*input);
    if (!file) {
      PrintError("normalize", *input + ": cannot open");
      return kExitFailure;
    }
  }
  std::FILE* out = stdout;
  const auto output = inv->args.Get("output");
  if (output && !(out = std::fopen(output->c_str(), "w"))) {
    PrintError("normalize", *output + ": cannot write");
    return kExitFailure;
  }
  const Normalizer normalizer(inv->ctx.normalizer_data());
  const std::string name = *input == "-" ? "stdin" : *input;
  const std::string source = inv->args.GetOr("source", std::filesystem::path(name).stem().string());
  const Counts c = NormalizeStream(*input == "-" ? std::cin : file, name, source, normalizer, out);
  const bool write_failed = std::ferror(out) != 0;
  if (out != stdout && std::fclose(out) != 0) PrintError("normalize", *output + ": write failed");
  if (write_failed) PrintError("normalize", "write failed");
  std::fprintf(stderr, "summary lines=%ld normalized=%ld rejected=%ld\n", c.lines, c.written, c.rejected);
  if (write_failed || c.written == 0) return kExitFailure;
  return c.rejected == 0 ? kExitOk : kExitPartial;
}

}  // namespace passend::cli
