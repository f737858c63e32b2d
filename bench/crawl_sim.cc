#include "bench/crawl_sim.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdio>

#include "common/date.h"
#include "common/text.h"
#include "crawler/mapping.h"

namespace passend::bench {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

constexpr long kPageSize = 50;  // items per page of the paginated JSON sites

// A realistic mix: most sites are Indeed-style XML or ATS JSON APIs.
constexpr SiteFormat kMix[20] = {
    SiteFormat::kIndeed,     SiteFormat::kIndeed,     SiteFormat::kIndeed,    SiteFormat::kIndeed,
    SiteFormat::kIndeed,     SiteFormat::kIndeed,     SiteFormat::kRecruitee, SiteFormat::kRecruitee,
    SiteFormat::kRecruitee,  SiteFormat::kPersonio,   SiteFormat::kPersonio,  SiteFormat::kRss,
    SiteFormat::kRss,        SiteFormat::kGreenhouse, SiteFormat::kGreenhouse, SiteFormat::kLever,
    SiteFormat::kPagedJson,  SiteFormat::kPagedJson,  SiteFormat::kSitemap,   SiteFormat::kSitemap};

std::string XmlText(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else out += c;
  }
  return out;
}

std::string Cdata(const std::string& s) { return "<![CDATA[" + s + "]]>"; }

void Field(Writer& w, const char* key, const std::string& value) {
  w.Key(key);
  w.String(value.c_str(), static_cast<rapidjson::SizeType>(value.size()));
}

std::string Day(int version) { return version == 1 ? "2026-11-10" : "2026-11-20"; }

std::string IndeedXml(const std::vector<RawPosting>& ps) {
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<source>\n";
  for (const RawPosting& p : ps) {
    out += "<job><referencenumber>" + p.external_id + "</referencenumber><title>" + XmlText(p.title) +
           "</title><company>" + XmlText(p.employer) + "</company><city>" + XmlText(p.place) + "</city><url>" +
           p.url + "</url><description>" + Cdata(p.description) + "</description><salary>" +
           XmlText(p.salary.text) + "</salary><date>" + p.date_posted + "</date></job>\n";
  }
  return out + "</source>\n";
}

std::string PersonioXml(const std::vector<RawPosting>& ps) {
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<workzag-jobs>\n";
  for (const RawPosting& p : ps) {
    out += "<position><id>" + p.external_id + "</id><subcompany>" + XmlText(p.employer) + "</subcompany><office>" +
           XmlText(p.place) + "</office><name>" + XmlText(p.title) +
           "</name><jobDescriptions><jobDescription><name>Functie</name><value>" + Cdata(p.description) +
           "</value></jobDescription></jobDescriptions><createdAt>" + p.date_posted + "T09:00:00+01:00</createdAt></position>\n";
  }
  return out + "</workzag-jobs>\n";
}

std::string Rss(const std::vector<RawPosting>& ps) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:job=\"https://example.org/ns/job\">"
      "<channel><title>Vacatures</title>\n";
  for (const RawPosting& p : ps) {
    out += "<item><guid>" + p.external_id + "</guid><link>" + p.url + "</link><title>" + XmlText(p.title) +
           "</title><description>" + Cdata(p.description) + "</description><job:company>" + XmlText(p.employer) +
           "</job:company><job:location>" + XmlText(p.place) + "</job:location><pubDate>" + p.date_posted +
           "</pubDate></item>\n";
  }
  return out + "</channel></rss>\n";
}

template <typename F>
std::string JsonDoc(F&& write) {
  rapidjson::StringBuffer sb;
  Writer w(sb);
  write(w);
  return std::string(sb.GetString(), sb.GetSize());
}

std::string RecruiteeJson(const std::vector<RawPosting>& ps) {
  return JsonDoc([&](Writer& w) {
    w.StartObject();
    w.Key("offers");
    w.StartArray();
    for (const RawPosting& p : ps) {
      w.StartObject();
      Field(w, "id", p.external_id);
      Field(w, "title", p.title);
      Field(w, "company_name", p.employer);
      Field(w, "description", p.description);
      Field(w, "city", p.place);
      Field(w, "careers_url", p.url);
      Field(w, "published_at", p.date_posted + " 09:00:00 UTC");
      w.Key("salary");
      w.StartObject();
      Field(w, "min", p.salary.min);
      Field(w, "max", p.salary.max);
      Field(w, "period", p.salary.period);
      w.EndObject();
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  });
}

std::string GreenhouseJson(const std::vector<RawPosting>& ps) {
  return JsonDoc([&](Writer& w) {
    w.StartObject();
    w.Key("jobs");
    w.StartArray();
    for (const RawPosting& p : ps) {
      w.StartObject();
      Field(w, "id", p.external_id);
      Field(w, "absolute_url", p.url);
      Field(w, "title", p.title);
      Field(w, "company_name", p.employer);
      w.Key("location");
      w.StartObject();
      Field(w, "name", p.place);
      w.EndObject();
      Field(w, "content", HtmlEscape(p.description));  // Greenhouse escapes its HTML
      Field(w, "first_published", p.date_posted + "T09:00:00-05:00");
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  });
}

std::string LeverJson(const std::vector<RawPosting>& ps) {
  return JsonDoc([&](Writer& w) {
    w.StartArray();
    for (const RawPosting& p : ps) {
      w.StartObject();
      Field(w, "id", p.external_id);
      Field(w, "text", p.title);
      Field(w, "hostedUrl", p.url);
      Field(w, "description", p.description);
      w.Key("categories");
      w.StartObject();
      Field(w, "location", p.place);
      Field(w, "commitment", p.employment_type);
      w.EndObject();
      w.Key("createdAt");
      w.Int64(static_cast<int64_t>(ParseIsoDate(p.date_posted).value_or(0)) * 86400000LL);
      w.EndObject();
    }
    w.EndArray();
  });
}

std::string PagedJson(const std::vector<RawPosting>& ps, long page, bool more) {
  return JsonDoc([&](Writer& w) {
    w.StartObject();
    w.Key("items");
    w.StartArray();
    for (const RawPosting& p : ps) {
      w.StartObject();
      Field(w, "id", p.external_id);
      Field(w, "title", p.title);
      Field(w, "employer", p.employer);
      Field(w, "place", p.place);
      Field(w, "description", p.description);
      Field(w, "posted", p.date_posted);
      Field(w, "url", p.url);
      w.EndObject();
    }
    w.EndArray();
    w.Key("next");
    if (more) {
      w.StartObject();
      Field(w, "href", "/api/vacatures?page=" + std::to_string(page + 1));
      w.EndObject();
    } else {
      w.Null();
    }
    w.EndObject();
  });
}

std::string JobPage(const RawPosting& p) {
  const std::string ld = JsonDoc([&](Writer& w) {
    w.StartObject();
    Field(w, "@context", "https://schema.org");
    Field(w, "@type", "JobPosting");
    Field(w, "title", p.title);
    Field(w, "identifier", p.external_id);
    Field(w, "description", p.description);
    Field(w, "datePosted", p.date_posted);
    w.Key("hiringOrganization");
    w.StartObject();
    Field(w, "@type", "Organization");
    Field(w, "name", p.employer);
    w.EndObject();
    w.Key("jobLocation");
    w.StartObject();
    Field(w, "@type", "Place");
    w.Key("address");
    w.StartObject();
    Field(w, "@type", "PostalAddress");
    Field(w, "addressLocality", p.place);
    w.EndObject();
    w.EndObject();
    w.EndObject();
  });
  std::string safe;  // "</" may not appear inside a script element
  for (size_t i = 0; i < ld.size(); ++i) {
    safe += ld[i];
    if (ld[i] == '<' && i + 1 < ld.size() && ld[i + 1] == '/') safe += "\\";
  }
  return "<!doctype html><html lang=\"nl\"><head><title>" + XmlText(p.title) +
         "</title><script type=\"application/ld+json\">" + safe + "</script></head><body><h1>" + XmlText(p.title) +
         "</h1></body></html>\n";
}

}  // namespace

SiteFormat CrawlSim::FormatOf(long site) const {
  return kMix[StableHash64("format" + std::to_string(c_.seed) + "/" + std::to_string(site)) % 20];
}

const char* CrawlSim::FormatName(SiteFormat f) {
  switch (f) {
    case SiteFormat::kIndeed: return "xml-indeed";
    case SiteFormat::kRecruitee: return "json-recruitee";
    case SiteFormat::kPersonio: return "xml-personio";
    case SiteFormat::kRss: return "rss";
    case SiteFormat::kGreenhouse: return "json-greenhouse";
    case SiteFormat::kLever: return "json-lever";
    case SiteFormat::kPagedJson: return "json";
    case SiteFormat::kSitemap: return "sitemap";
  }
  return "";
}

std::string CrawlSim::HostOf(long site) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "bron-%06ld.test", site);
  return buf;
}

long CrawlSim::SiteOfHost(const std::string& host) {
  if (!StartsWith(host, "bron-")) return -1;
  return ParseInt(host.substr(5, 6)).value_or(-1);
}

std::vector<SourceConfig> CrawlSim::Sources() const {
  std::vector<SourceConfig> out;
  for (long site = 0; site < c_.sites; ++site) {
    const SiteFormat f = FormatOf(site);
    const std::string base = "http://" + HostOf(site);
    SourceConfig s;
    s.name = "bron-" + std::to_string(site);
    s.type = FormatName(f);
    s.mapping = PresetMapping(s.type);
    switch (f) {
      case SiteFormat::kIndeed: s.urls = {base + "/feed.xml"}; break;
      case SiteFormat::kRecruitee: s.urls = {base + "/api/offers/"}; break;
      case SiteFormat::kPersonio:
        s.urls = {base + "/xml"};
        s.mapping->defaults["url"] = base + "/job/{id}";
        break;
      case SiteFormat::kRss: s.urls = {base + "/vacatures.rss"}; break;
      case SiteFormat::kGreenhouse: s.urls = {base + "/v1/boards/site/jobs"}; break;
      case SiteFormat::kLever: s.urls = {base + "/v0/postings/site"}; break;
      case SiteFormat::kPagedJson: {
        s.urls = {base + "/api/vacatures?page=1"};
        FeedMapping m;
        m.syntax = FeedMapping::Syntax::kJson;
        m.items = "/items";
        m.fields = {{"id", {"/id"}}, {"title", {"/title"}}, {"employer", {"/employer"}}, {"place", {"/place"}},
                    {"description", {"/description"}}, {"date_posted", {"/posted"}}, {"url", {"/url"}}};
        m.pagination.next = "/next/href";
        s.mapping = m;
        break;
      }
      case SiteFormat::kSitemap: s.urls = {base + "/sitemap.xml"}; break;
    }
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<CrawlSim::Listed> CrawlSim::ListedIn(long site, int generation) const {
  std::vector<Listed> out;
  const long base = PerSite();
  for (long j = 0; j < base; ++j) {
    const uint64_t h = StableHash64(std::to_string(c_.seed) + "/" + std::to_string(site) + "/" + std::to_string(j));
    if (generation >= 2 && h % 30 == 0) continue;  // removed
    out.push_back({j, generation >= 2 && h % 30 == 1 ? 2 : 1});
  }
  if (generation >= 2) {
    for (long j = base; j < base + base / 30; ++j) out.push_back({j, 2});  // added
  }
  return out;
}

long CrawlSim::ListedCount(long site, int generation) const { return static_cast<long>(ListedIn(site, generation).size()); }

RawPosting CrawlSim::PostingFor(long site, const Listed& l) const {
  const uint64_t h = StableHash64(std::to_string(c_.seed) + "/" + std::to_string(site) + "/" + std::to_string(l.j));
  RawPosting p = pool_[(h + static_cast<uint64_t>(l.version) * 7919) % pool_.size()];
  p.external_id = "S" + std::to_string(site) + "-" + std::to_string(l.j);
  p.url = "http://" + HostOf(site) + "/vacature/" + std::to_string(l.j);
  p.date_posted = Day(l.version);
  p.valid_through.clear();
  return p;
}

bool CrawlSim::Document(long site, const std::string& path, int generation, std::string* body,
                        std::string* content_type) const {
  if (site < 0 || site >= c_.sites) return false;
  const SiteFormat f = FormatOf(site);
  const std::vector<Listed> listed = ListedIn(site, generation);
  auto all = [&] {
    std::vector<RawPosting> ps;
    ps.reserve(listed.size());
    for (const Listed& l : listed) ps.push_back(PostingFor(site, l));
    return ps;
  };
  *content_type = "application/xml";
  if (f == SiteFormat::kIndeed && path == "/feed.xml") *body = IndeedXml(all());
  else if (f == SiteFormat::kPersonio && path == "/xml") *body = PersonioXml(all());
  else if (f == SiteFormat::kRss && path == "/vacatures.rss") *body = Rss(all());
  else {
    *content_type = "application/json";
    if (f == SiteFormat::kRecruitee && path == "/api/offers/") *body = RecruiteeJson(all());
    else if (f == SiteFormat::kGreenhouse && path == "/v1/boards/site/jobs") *body = GreenhouseJson(all());
    else if (f == SiteFormat::kLever && path == "/v0/postings/site") *body = LeverJson(all());
    else if (f == SiteFormat::kPagedJson && StartsWith(path, "/api/vacatures?page=")) {
      const long page = ParseInt(path.substr(20)).value_or(0);
      std::vector<RawPosting> ps;
      for (long i = (page - 1) * kPageSize; i >= 0 && i < page * kPageSize && i < static_cast<long>(listed.size()); ++i) {
        ps.push_back(PostingFor(site, listed[static_cast<size_t>(i)]));
      }
      if (ps.empty()) return false;
      *body = PagedJson(ps, page, page * kPageSize < static_cast<long>(listed.size()));
    } else if (f == SiteFormat::kSitemap && path == "/sitemap.xml") {
      *content_type = "application/xml";
      *body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
      for (const Listed& l : listed) {
        *body += "<url><loc>/vacature/" + std::to_string(l.j) + "</loc><lastmod>" + Day(l.version) + "</lastmod></url>\n";
      }
      *body += "</urlset>\n";
    } else if (f == SiteFormat::kSitemap && StartsWith(path, "/vacature/")) {
      const long j = ParseInt(path.substr(10)).value_or(-1);
      for (const Listed& l : listed) {
        if (l.j != j) continue;
        *content_type = "text/html; charset=utf-8";
        *body = JobPage(PostingFor(site, l));
        return true;
      }
      return false;
    } else {
      return false;
    }
  }
  return true;
}

}  // namespace passend::bench
