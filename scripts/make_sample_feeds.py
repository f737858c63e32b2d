#!/usr/bin/env python3
"""Renders the invented sample vacancies in scripts/sample_data/ into the bundled feeds:

  data/feeds/werkstation.xml           Indeed-style XML feed   (source type xml-indeed)
  data/feeds/zorg-en-werk-offers.json  Recruitee careers API   (source type json-recruitee)
  data/pages/*.html                    career pages with JSON-LD JobPosting (source type jsonld)

Usage: python3 scripts/make_sample_feeds.py   (from the repository root)
"""
import html
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "sample_data"))
from vacancies_a import XML_JOBS  # noqa: E402
from vacancies_b import JSON_OFFERS  # noqa: E402
from vacancies_c import LD_JOBS, PAGES  # noqa: E402

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
BASE_URL = "https://voorbeeld.passend.invalid"


def cdata(text):
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def write_xml(path):
    out = ['<?xml version="1.0" encoding="UTF-8"?>', "<source>",
           "  <publisher>Werkstation (voorbeeldfeed)</publisher>",
           "  <publisherurl>%s/werkstation</publisherurl>" % BASE_URL,
           "  <lastBuildDate>2026-11-22T06:00:00Z</lastBuildDate>"]
    for j in XML_JOBS:
        out.append("  <job>")
        fields = [("title", j["title"]), ("date", j["date"]), ("referencenumber", j["id"]),
                  ("url", "%s/werkstation/vacature/%s" % (BASE_URL, j["id"].lower())),
                  ("company", j["employer"]), ("city", j["city"]), ("state", ""), ("country", "NL"),
                  ("postalcode", j.get("postcode", "")), ("description", j["description"]),
                  ("salary", j["salary"]), ("jobtype", j["jobtype"]), ("expirationdate", j["expires"])]
        for name, value in fields:
            out.append("    <%s>%s</%s>" % (name, cdata(value), name))
        out.append("  </job>")
    out.append("</source>")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


def write_json(path):
    offers = []
    for o in JSON_OFFERS:
        smin, smax, period = o["salary"]
        offers.append({
            "id": o["id"], "guid": "zw%d" % o["id"], "title": o["title"], "company_name": o["company"],
            "slug": o["title"].lower().replace(" ", "-").replace("/", "-"),
            "status": "published", "city": o["city"], "postal_code": o["postal"], "state_name": o["state"],
            "country_code": "NL", "remote": o["city"] == "Remote",
            "careers_url": "%s/zorg-en-werk/o/%d" % (BASE_URL, o["id"]),
            "description": o["description"], "requirements": o["requirements"],
            "employment_type_code": o["emp"],
            "salary": {"min": smin or None, "max": smax or None, "period": period or None,
                       "currency": "EUR" if smin else None},
            "min_hours_per_week": o["hours"][0], "max_hours_per_week": o["hours"][1],
            "published_at": o["published"], "close_at": o["close"],
        })
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"offers": offers}, f, ensure_ascii=False, indent=1)
        f.write("\n")


def job_posting(j):
    posting = {
        "@context": "https://schema.org", "@type": "JobPosting", "title": j["title"],
        "description": j["description"], "identifier": {"@type": "PropertyValue", "name": j["org"], "value": j["id"]},
        "datePosted": j["posted"], "validThrough": j["valid"] + "T23:59:00+01:00", "employmentType": j["emp"],
        "hiringOrganization": {"@type": "Organization", "name": j["org"]},
        "jobLocation": {"@type": "Place", "address": {"@type": "PostalAddress", "addressLocality": j["locality"],
                                                       "addressRegion": j["region"], "postalCode": j["postal"],
                                                       "addressCountry": "NL"}},
        "url": "%s/%s/vacatures/%s" % (BASE_URL, j["page"], j["id"].lower()),
    }
    if j["hours"]:
        posting["workHours"] = j["hours"] + " uur per week"
    if j["salary"]:
        lo, hi, unit = j["salary"]
        posting["baseSalary"] = {"@type": "MonetaryAmount", "currency": "EUR",
                                 "value": {"@type": "QuantitativeValue", "minValue": lo, "maxValue": hi, "unitText": unit}}
    return posting


def write_page(path, page, layout, jobs):
    title = page.replace("-", " ").title()
    items = "\n".join('      <li><a href="%s">%s</a> &ndash; %s</li>' % (
        html.escape(job_posting(j)["url"]), html.escape(j["title"]), html.escape(j["locality"])) for j in jobs)
    postings = [job_posting(j) for j in jobs]
    if layout == "blocks":
        blocks = [postings[i] for i in range(len(postings))]
        blocks.insert(0, {"@context": "https://schema.org", "@type": "WebSite", "name": title, "url": BASE_URL})
    elif layout == "graph":
        org = {"@type": "Organization", "@id": BASE_URL + "/#org", "name": jobs[0]["org"]}
        blocks = [{"@context": "https://schema.org", "@graph": [org] + [dict(p, **{"@context": None}) for p in postings]}]
        for p in blocks[0]["@graph"]:
            p.pop("@context", None)
    else:
        blocks = [postings]
    scripts = "\n".join('  <script type="application/ld+json">\n%s\n  </script>' % json.dumps(b, ensure_ascii=False, indent=1)
                        for b in blocks)
    doc = """<!DOCTYPE html>
<html lang="nl">
<head>
  <meta charset="utf-8">
  <title>Werken bij %s &ndash; vacatures</title>
%s
</head>
<body>
  <header><nav><a href="/">Home</a> | <a href="/vacatures">Vacatures</a></nav></header>
  <main>
    <h1>Werken bij %s</h1>
    <p>Bekijk onze openstaande vacatures hieronder.</p>
    <ul>
%s
    </ul>
  </main>
  <footer>&copy; 2026 %s</footer>
</body>
</html>
""" % (html.escape(title), scripts, html.escape(title), items, html.escape(jobs[0]["org"]))
    with open(path, "w", encoding="utf-8") as f:
        f.write(doc)


def main():
    os.makedirs(os.path.join(ROOT, "data", "feeds"), exist_ok=True)
    os.makedirs(os.path.join(ROOT, "data", "pages"), exist_ok=True)
    write_xml(os.path.join(ROOT, "data", "feeds", "werkstation.xml"))
    write_json(os.path.join(ROOT, "data", "feeds", "zorg-en-werk-offers.json"))
    for page, layout in PAGES.items():
        jobs = [j for j in LD_JOBS if j["page"] == page]
        write_page(os.path.join(ROOT, "data", "pages", page + ".html"), page, layout, jobs)
    print("vacancies: xml=%d json=%d jsonld=%d" % (len(XML_JOBS), len(JSON_OFFERS), len(LD_JOBS)))


if __name__ == "__main__":
    main()
