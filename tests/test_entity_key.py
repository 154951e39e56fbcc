"""The entity answer key (tests/data/entity_key.json), the top-30 judgements, and the script
pipelines/quality/entity_quality.py that scores a build against them.

The key is stand-off: offsets and sha1 digests into the shared corpus. The sha1 checks skip
when the corpus is absent; the structural checks and the script test do not need it (the
script test builds its own tiny corpus, key and build folder).
"""

from __future__ import annotations

import collections
import hashlib
import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from conftest import CORPUS, ROOT

DATA = Path(__file__).parent / "data"
KEY = DATA / "entity_key.json"
JUDGEMENTS = DATA / "top30_judgements.json"
SCRIPT = ROOT / "pipelines" / "quality" / "entity_quality.py"
KINDS = {"person", "institution", "country", "law", "program", "region"}
MINIMUM = {"person": 40, "institution": 40, "country": 25, "law": 20, "program": 20}
SALT = "kazkg-key-166:"
ID = "https://w3id.org/kazkg/id/"


def _key() -> dict:
    return json.loads(KEY.read_text(encoding="utf-8"))


def _occurrences(key: dict):
    for ent in key["entities"]:
        for occ in ent["occurrences"]:
            yield ent, occ


# --------------------------------------------------------------------------- key structure


def test_key_size_and_kinds():
    key = _key()
    ents = key["entities"]
    assert len(ents) >= 150
    by_kind = collections.Counter(e["kind"] for e in ents)
    assert set(by_kind) <= KINDS
    for kind, least in MINIMUM.items():
        assert by_kind[kind] >= least, (kind, by_kind[kind])
    ids = [e["id"] for e in ents]
    assert len(ids) == len(set(ids))
    assert all(e["occurrences"] for e in ents), "every entity occurs at least once"
    for e in ents:
        assert e["canonical"].strip()
        if "wikidata" in e:
            assert e["wikidata"].startswith("Q") and e["wikidata"][1:].isdigit()


def test_key_is_deterministic_and_sorted():
    text = KEY.read_text(encoding="utf-8")
    key = json.loads(text)
    assert text == json.dumps(key, ensure_ascii=False, indent=1) + "\n"
    order = [(e["kind"], e["id"]) for e in key["entities"]]
    assert order == sorted(order)
    for e in key["entities"]:
        spans = [(o["source"], o["start"]) for o in e["occurrences"]]
        assert spans == sorted(spans), e["id"]
    pairs = [(p["a"], p["b"]) for p in key["apart"]]
    assert pairs == sorted(pairs) and all(a < b for a, b in pairs)


def test_no_occurrence_shared_or_overlapping_across_entities():
    spans = collections.defaultdict(list)
    for ent, occ in _occurrences(_key()):
        assert occ["start"] < occ["end"]
        spans[occ["source"]].append((occ["start"], occ["end"], ent["id"]))
    for source, items in spans.items():
        items.sort()
        for (a0, a1, ida), (b0, b1, idb) in zip(items, items[1:]):
            assert a1 <= b0, f"{source}: {ida}@{a0}-{a1} overlaps {idb}@{b0}-{b1}"


def test_apart_pairs_refer_to_key_entities():
    key = _key()
    ids = {e["id"] for e in key["entities"]}
    assert len(key["apart"]) >= 20
    for pair in key["apart"]:
        assert pair["a"] in ids and pair["b"] in ids, pair
        assert pair["a"] != pair["b"] and pair["reason"].strip()


def test_parts_follow_the_split_rule_and_are_balanced():
    key = _key()
    assert SALT in key["split_rule"]
    per_kind = collections.defaultdict(collections.Counter)
    for e in key["entities"]:
        digest = int(hashlib.sha1((SALT + e["id"]).encode("utf-8")).hexdigest(), 16)
        assert e["part"] == ("heldout" if digest % 3 == 0 else "dev"), e["id"]
        per_kind[e["kind"]][e["part"]] += 1
    for kind, parts in per_kind.items():
        share = parts["heldout"] / (parts["heldout"] + parts["dev"])
        assert 0.25 <= share <= 0.42, (kind, dict(parts))


def test_header_occurrences_name_their_article_and_author():
    for ent, occ in _occurrences(_key()):
        assert occ["where"] in {"header", "title", "front", "abstract", "body", "reference"}
        if occ["where"] == "header" and ent["kind"] in {"person", "institution"}:
            assert isinstance(occ["article_order"], int) and occ["article_order"] >= 1
            index = occ["author_index"]
            assert isinstance(index, int) or all(isinstance(i, int) for i in index)


def test_key_sha1s_match_the_corpus():
    if not CORPUS.is_dir():
        pytest.skip("shared corpus not available")
    key = _key()
    texts = {}
    for name, digest in key["sources"].items():
        path = CORPUS / name
        if not path.is_file():
            pytest.skip(f"corpus file {name} not available")
        texts[name] = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
        assert hashlib.sha1(texts[name].encode("utf-8")).hexdigest() == digest, name
    bad = [f"{ent['id']} {occ['source']}@{occ['start']}" for ent, occ in _occurrences(key)
           if hashlib.sha1(texts[occ["source"]][occ["start"]:occ["end"]].encode("utf-8")).hexdigest()
           != occ["sha1"]]
    assert not bad, bad[:10]


# --------------------------------------------------------------------------- judgements


def test_top30_judgements():
    data = json.loads(JUDGEMENTS.read_text(encoding="utf-8"))
    assert "kg:Mention" in data["ranking_rule"]
    by_kind = collections.Counter()
    seen = set()
    for j in data["judgements"]:
        assert j["verdict"] in {"ok", "junk", "wrong-kind"}, j
        assert j["kind"] in KINDS and j["label"].strip()
        key = (j["kind"], " ".join(unicodedata.normalize("NFC", j["label"]).casefold().split()))
        assert key not in seen, key
        seen.add(key)
        by_kind[j["kind"]] += 1
    for kind in MINIMUM:  # the baseline's 30, plus nodes judged when later builds ranked them
        assert by_kind[kind] >= 30, (kind, by_kind[kind])


# --------------------------------------------------------------------------- the script

CORPUS_TEXT = (
    "Қазақстан мен Қытай көршілес. Назарбаев Астанада болды. "
    "Абай ақын еді. Абай облысы 2022 жылы құрылды. Қазақстанның үкіметі шешті. Қазақстанға келді.\n"
    "Дана Айтова\n"
)


def _span(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def _occ(text: str, needle: str, nth: int = 0, **extra) -> dict:
    start, end = _span(text, needle, nth)
    occ = {"source": "t.txt", "start": start, "end": end,
           "sha1": hashlib.sha1(text[start:end].encode("utf-8")).hexdigest(), "where": "body"}
    occ.update(extra)
    return occ


def _tiny_key(text: str) -> dict:
    def ent(id_, kind, part, *occs):
        return {"id": id_, "kind": kind, "canonical": id_, "part": part, "occurrences": list(occs)}
    return {
        "format": "kazkg-entity-key/1",
        "sources": {"t.txt": hashlib.sha1(text.encode("utf-8")).hexdigest()},
        "split_rule": "test",
        "entities": [
            ent("kazakhstan", "country", "dev", _occ(text, "Қазақстан"), _occ(text, "Қазақстанға")),
            ent("china", "country", "dev", _occ(text, "Қытай")),
            ent("nazarbayev", "person", "dev", _occ(text, "Назарбаев")),
            ent("astana", "region", "dev", _occ(text, "Астанада")),
            ent("abai", "person", "dev", _occ(text, "Абай")),
            ent("abai-region", "region", "dev", _occ(text, "Абай облысы")),
            ent("gov-kz", "institution", "heldout", _occ(text, "Қазақстанның үкіметі")),
            ent("author", "person", "heldout",
                _occ(text, "Дана Айтова", where="header", article_order=1, author_index=0)),
        ],
        "apart": [{"a": "abai", "b": "abai-region", "reason": "poet vs region"},
                  {"a": "astana", "b": "nazarbayev", "reason": "city vs person"}],
    }


def _tiny_graph(text: str) -> str:
    lines = ["@prefix kg: <https://w3id.org/kazkg/ontology#> .",
             "@prefix prov: <http://www.w3.org/ns/prov#> .",
             "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .",
             "@prefix schema: <http://schema.org/> ."]
    mentions = [  # (needle, nth, entity, kind)
        ("Қазақстан", 0, "country/kz"),
        ("Қазақстанға", 0, "country/kz2"),     # second spelling -> a second node: split
        ("Қытай", 0, "country/cn"),
        ("Назарбаев", 0, "person/nazarbaev"),
        ("Абай", 0, "region/abai"),            # the poet typed as a region ...
        ("Абай облысы", 0, "region/abai"),     # ... merged with the region: apart violation
        ("Қазақстан", 1, "country/kz"),        # country inside the government: must not count
        ("көршілес", 0, "country/junk"),       # junk node, judged junk
    ]
    for i, (needle, nth, iri) in enumerate(mentions):
        start, end = _span(text, needle, nth)
        lines.append(f"<https://w3id.org/kazkg/id/mention/m{i}> a kg:Mention ; "
                     f"prov:wasDerivedFrom <https://w3id.org/kazkg/id/document/d1> ; "
                     f"kg:mentionStart {start} ; kg:mentionEnd {end} ; kg:mentionOf <{ID}{iri}> .")
    labels = {"country/kz": "Kazakhstan", "country/kz2": "Қазақстан", "country/cn": "China",
              "person/nazarbaev": "Нұрсұлтан Назарбаев", "region/abai": "Абай",
              "person/aitova": "Дана Айтова", "country/junk": "көршілес"}
    for iri, label in labels.items():
        lines.append(f'<{ID}{iri}> rdfs:label "{label}" .')
    lines += ["<https://w3id.org/kazkg/id/article/d1-1> kg:sourceDocument <https://w3id.org/kazkg/id/document/d1> ; schema:position 1 .",
              "<https://w3id.org/kazkg/id/authorship/d1-1-1> a kg:Authorship ; kg:authorPosition 1 ; "
              f"kg:authorshipArticle <https://w3id.org/kazkg/id/article/d1-1> ; kg:authorshipPerson <{ID}person/aitova> ."]
    return "\n".join(lines) + "\n"


def _tiny_judgements() -> dict:
    return {"format": "kazkg-top30-judgements/1", "ranking_rule": "test", "judgements": [
        {"kind": "country", "label": "Kazakhstan", "verdict": "ok"},
        {"kind": "country", "label": "China", "verdict": "ok"},
        {"kind": "country", "label": "Көршілес", "verdict": "junk"},
        {"kind": "region", "label": "Абай", "verdict": "wrong-kind"},
        {"kind": "person", "label": "Нұрсұлтан Назарбаев", "verdict": "ok"},
        {"kind": "person", "label": "Дана Айтова", "verdict": "ok"},
    ]}


@pytest.fixture()
def tiny(tmp_path: Path) -> dict:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "t.txt").write_text(CORPUS_TEXT, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text(_tiny_graph(CORPUS_TEXT), encoding="utf-8")
    (out / "manifest.json").write_text(json.dumps({"inputs": [{"source": "../corpus/t.txt", "id": "d1"}]}),
                                       encoding="utf-8")
    key = tmp_path / "key.json"
    key.write_text(json.dumps(_tiny_key(CORPUS_TEXT), ensure_ascii=False), encoding="utf-8")
    judgements = tmp_path / "judgements.json"
    judgements.write_text(json.dumps(_tiny_judgements(), ensure_ascii=False), encoding="utf-8")
    return {"out": out, "corpus": corpus, "key": key, "judgements": judgements}


def _run(tiny: dict, *extra: str) -> str:
    cmd = [sys.executable, str(SCRIPT), str(tiny["out"]), "--corpus", str(tiny["corpus"]),
           "--key", str(tiny["key"]), "--judgements", str(tiny["judgements"]), *extra]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_script_figures_on_a_tiny_build(tiny):
    report = json.loads(_run(tiny, "--part", "all", "--json"))
    assert report["key_occurrences_verified"] == 9 and report["key_occurrences_bad"] == []
    fig = report["parts"]["all"]
    # one node: china, nazarbayev, abai (region/abai), abai-region (region/abai), author;
    # kazakhstan is split (kz, kz2); astana and gov-kz are not found
    assert (fig["one_node"], fig["entities"]) == (5, 8)
    assert (fig["found"], fig["occurrences"]) == (7, 9)
    assert fig["per_kind"]["country"] == {"entities": 2, "one_node": 1, "split": 1, "not_found": 0,
                                          "occurrences": 3, "found": 3}
    assert fig["per_kind"]["institution"]["not_found"] == 1
    assert [s["id"] for s in fig["split_entities"]] == ["kazakhstan"]
    assert fig["split_entities"][0]["iris"] == ["https://w3id.org/kazkg/id/country/kz",
                                               "https://w3id.org/kazkg/id/country/kz2"]
    assert [(v["a"], v["b"]) for v in fig["apart_violations"]] == [("abai", "abai-region")]
    assert [m["entities"] for m in fig["merged_nodes"]] == [["abai", "abai-region"]]
    top = report["top30"]
    assert (top["country"]["ok"], top["country"]["judged"], top["country"]["unjudged"]) == (2, 3, 1)
    assert (top["region"]["ok"], top["region"]["judged"]) == (0, 1)
    assert top["person"]["precision"] == 1.0


def test_script_text_hides_heldout_details(tiny):
    text = _run(tiny)
    assert "precision 0.667 = 2/3 judged (1 unjudged)" in text
    assert "UNJUDGED: Қазақстан" in text
    assert "== part dev: 6 key entities, 7 occurrences" in text
    assert "exactly one node: 4/6 = 0.667" in text
    assert "APART  <https://w3id.org/kazkg/id/region/abai>" in text
    assert "== part heldout: 2 key entities, 2 occurrences" in text
    assert "exactly one node: 1/2 = 0.500" in text
    held = text.split("== part heldout", 1)[1]
    assert "held-out details hidden" in held and "gov-kz" not in held
    shown = _run(tiny, "--show-heldout").split("== part heldout", 1)[1]
    assert "gov-kz" in shown


def test_script_flags_a_bad_sha1(tiny):
    key = json.loads(tiny["key"].read_text(encoding="utf-8"))
    key["entities"][1]["occurrences"][0]["sha1"] = "0" * 40
    tiny["key"].write_text(json.dumps(key, ensure_ascii=False), encoding="utf-8")
    report = json.loads(_run(tiny, "--part", "all", "--json"))
    assert report["key_occurrences_bad"] == [f"t.txt@{CORPUS_TEXT.index('Қытай')}"]
    assert report["parts"]["all"]["per_kind"]["country"]["occurrences"] == 2
