#include "model/vacancy_record.h"

#include <bit>
#include <cstdint>
#include <optional>
#include <vector>

namespace passend {
namespace {

constexpr char kRecordVersion = 1;

class RecordWriter {
 public:
  std::string out;

  void operator()(const std::string& s) {
    Varint(s.size());
    out += s;
  }
  void operator()(bool b) { out += static_cast<char>(b ? 1 : 0); }
  void operator()(int i) { Varint(Zigzag(i)); }
  void operator()(double d) {
    const uint64_t bits = std::bit_cast<uint64_t>(d);
    for (int shift = 0; shift < 64; shift += 8) out += static_cast<char>((bits >> shift) & 0xff);
  }
  template <class T>
  void operator()(const std::optional<T>& o) {
    (*this)(o.has_value());
    if (o) (*this)(*o);
  }
  template <class T, class Fields>
  void List(const std::vector<T>& items, Fields fields) {
    Varint(items.size());
    for (const T& item : items) fields(*this, item);
  }

 private:
  static uint64_t Zigzag(int64_t i) { return (static_cast<uint64_t>(i) << 1) ^ static_cast<uint64_t>(i >> 63); }
  void Varint(uint64_t n) {
    while (n >= 0x80) {
      out += static_cast<char>((n & 0x7f) | 0x80);
      n >>= 7;
    }
    out += static_cast<char>(n);
  }
};

// Reads what RecordWriter wrote. A read past the end or a bad byte sets `failed` and
// yields empty values, so the field functions need no checks of their own.
class RecordReader {
 public:
  explicit RecordReader(std::string_view in) : in_(in) {}
  bool failed = false;
  bool AtEnd() const { return pos_ == in_.size(); }

  void operator()(std::string& s) {
    const uint64_t n = Varint();
    if (n > in_.size() - pos_) return Fail();
    s.assign(in_.substr(pos_, n));
    pos_ += n;
  }
  void operator()(bool& b) {
    const int byte = Byte();
    if (byte > 1) return Fail();
    b = byte == 1;
  }
  void operator()(int& i) {
    const uint64_t z = Varint();
    const int64_t value = static_cast<int64_t>(z >> 1) ^ -static_cast<int64_t>(z & 1);
    if (value < INT32_MIN || value > INT32_MAX) return Fail();
    i = static_cast<int>(value);
  }
  void operator()(double& d) {
    uint64_t bits = 0;
    for (int shift = 0; shift < 64; shift += 8) bits |= static_cast<uint64_t>(Byte()) << shift;
    d = std::bit_cast<double>(bits);
  }
  template <class T>
  void operator()(std::optional<T>& o) {
    bool present = false;
    (*this)(present);
    o.reset();
    if (present) (*this)(o.emplace());
  }
  template <class T, class Fields>
  void List(std::vector<T>& items, Fields fields) {
    const uint64_t n = Varint();
    if (n > in_.size() - pos_) return Fail();  // every item takes at least a byte
    items.resize(n);
    for (T& item : items) fields(*this, item);
  }
  int Byte() {
    if (pos_ >= in_.size()) {
      Fail();
      return 0;
    }
    return static_cast<unsigned char>(in_[pos_++]);
  }

 private:
  void Fail() {
    failed = true;
    pos_ = in_.size();
  }
  uint64_t Varint() {
    uint64_t n = 0;
    for (int shift = 0; shift < 64 && !failed; shift += 7) {
      const int byte = Byte();
      n |= static_cast<uint64_t>(byte & 0x7f) << shift;
      if (!(byte & 0x80)) return n;
    }
    Fail();
    return 0;
  }

  std::string_view in_;
  size_t pos_ = 0;
};

// One list of the fields for writing and reading: `S` is the struct, const when writing.
template <class IO, class S>
void SourceFields(IO& io, S& s) {
  io(s.source), io(s.url), io(s.external_id);
}

template <class IO, class S>
void LocationFields(IO& io, S& l) {
  io(l.place), io(l.postcode), io(l.municipality), io(l.province), io(l.lat), io(l.lon), io(l.remote), io(l.hybrid);
}

template <class IO, class S>
void DemandFields(IO& io, S& d) {
  io(d.item), io(d.level), io(d.quantity), io(d.evidence), io(d.phrase), io(d.offset), io(d.confidence);
}

template <class IO, class S>
void StringFields(IO& io, S& s) {
  io(s);
}

template <class IO, class S>
void VacancyFields(IO& io, S& v) {
  io(v.key);
  io.List(v.sources, [](IO& i, auto& s) { SourceFields(i, s); });
  io(v.title), io(v.employer), io(v.description);
  LocationFields(io, v.location);
  io.List(v.more_locations, [](IO& i, auto& l) { LocationFields(i, l); });
  auto& o = v.occupation;
  io(o.key), io(o.name), io(o.isco), io(o.confidence), io(o.phrase), io(o.from_title);
  auto& s = v.salary;
  io(s.min), io(s.max), io(s.period), io(s.hourly_min), io(s.hourly_max), io(s.monthly_min), io(s.monthly_max);
  io(s.hours_basis), io(s.hours_assumed), io(s.phrase), io(s.scale);
  io(v.hours.min), io(v.hours.max), io(v.hours.phrase);
  io(v.contract), io(v.structural), io(v.education), io(v.education_soft);
  io(v.date_posted), io(v.valid_through), io(v.first_seen);
  io.List(v.demands, [](IO& i, auto& d) { DemandFields(i, d); });
  io.List(v.notes, [](IO& i, auto& n) { StringFields(i, n); });
}

}  // namespace

std::string EncodeVacancyRecord(const Vacancy& v) {
  RecordWriter w;
  w.out.reserve(512 + v.description.size());
  w.out += kRecordVersion;
  VacancyFields(w, v);
  return std::move(w.out);
}

Status DecodeVacancyRecordInto(std::string_view bytes, const std::string& where, Vacancy* v) {
  RecordReader r(bytes);
  const int version = r.Byte();
  if (r.failed || version != kRecordVersion) {
    return Status::InvalidArgument(where + ": vacancy record of version " + std::to_string(version) +
                                   ", expected " + std::to_string(kRecordVersion));
  }
  VacancyFields(r, *v);
  if (r.failed || !r.AtEnd()) {
    return Status::InvalidArgument(where + ": vacancy record: cut short or damaged (" +
                                   std::to_string(bytes.size()) + " bytes)");
  }
  return Status::Ok();
}

StatusOr<Vacancy> DecodeVacancyRecord(std::string_view bytes, const std::string& where) {
  Vacancy v;
  PASSEND_RETURN_IF_ERROR(DecodeVacancyRecordInto(bytes, where, &v));
  return v;
}

}  // namespace passend
