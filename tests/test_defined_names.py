"""Abbreviations a text defines («(бұдан әрі – ХЭО)», «(далее – …)», "(hereinafter …)") name
the same thing wherever they are used after (kg.extract.defined_names); newspapers by name;
former names given with the present one (kg.resolve.former_names)."""

from __future__ import annotations

from kg.extract import extract_text
from kg.extract.defined_names import SOURCE, with_defined_names
from kg.extract.references import reference_mentions
from kg.extract.tasks import ArticleTask, extract_article
from kg.model import Document, Mention
from kg.resolve import resolve

DOC = "0123456789abcdef"


def _org(text: str, name: str, canonical: str) -> Mention:
    at = text.index(name)
    return Mention(DOC, at, at + len(name), name, "ORG", "ru", canonical)


def test_a_defined_abbreviation_is_the_name_it_abbreviates_wherever_it_is_used_after():
    text = ("Фонд развития предпринимательства «Даму» (далее – ФРПД) выдал кредиты. "
            "В 2020 году ФРПД увеличил объём, а отчёт ФРПД опубликован.")
    full = _org(text, "Фонд развития предпринимательства «Даму»", "Фонд развития предпринимательства «Даму»")
    found = with_defined_names(text, [full])
    uses = [m for m in found if m.extractor == SOURCE]
    assert [m.text for m in uses] == ["ФРПД"] * 3
    assert {m.canonical for m in uses} == {full.canonical}
    assert [m.start for m in found] == sorted(m.start for m in found)


def test_a_kazakh_use_keeps_its_case_ending_and_replaces_what_else_was_found_there():
    text = "Ұлттық ақпарат орталығы (бұдан әрі мәтін бойынша – ҰАО) құрылды. ҰАО-ның есебі."
    full = Mention(DOC, 0, 23, text[:23], "ORG", "kk", "Ұлттық ақпарат орталығы")
    other = Mention(DOC, text.index("ҰАО-ның"), text.index("ҰАО-ның") + 3, "ҰАО", "GPE", "kk", "ҰАО")
    found = with_defined_names(text, [full, other])
    assert [(m.text, m.label) for m in found] == [
        ("Ұлттық ақпарат орталығы", "ORG"), ("ҰАО", "ORG"), ("ҰАО-ның", "ORG")]


def test_no_definition_without_a_name_right_before_it_or_with_a_word_that_is_no_abbreviation():
    text = "Бұл туралы (далее – ФРП) сказано. ФРП работает. Фонд «Х» (далее – Фонд) создан."
    full = _org(text, "Фонд «Х»", "Фонд «Х»")
    assert with_defined_names(text, [full]) == [full]


def test_the_uses_resolve_to_the_entity_of_the_full_name():
    body = ("Қазақстан Республикасы Цифрлық даму, инновациялар және аэроғарыш өнеркәсібі "
            "министрлігі (бұдан әрі – ЦДИАӨМ) жоба әзірледі.\n\nКейін ЦДИАӨМ-нің баяндамасы "
            "жарияланды.\n")
    found = [m for m in extract_article(ArticleTask(DOC, 0, body)) if m.label == "ORG"]
    keys = resolve([], found).mentions
    assert [m.text for m in found if m.extractor == SOURCE] == ["ЦДИАӨМ", "ЦДИАӨМ-нің"]
    assert len({keys[(m.document_id, m.start, m.end, m.label)] for m in found}) == 1


def test_a_newspaper_is_an_institution_in_a_body_and_in_a_reference_list():
    text = "As The Astana Times and the Financial Times reported. In Times of war, it was so."
    assert [(m.text, m.label) for m in extract_text(text, use_model=False)] == [
        ("Astana Times", "ORG"), ("Financial Times", "ORG")]
    tail = ("References\n1. Tokayev K. Global Leader. The Astana Times. Available at: <https://x.kz>\n"
            "2. Open Budget Index. // THE ASTANA TIMES, 2018.\n")
    names = [(m.text, m.label) for m in reference_mentions(DOC, 0, tail).mentions]
    assert names == [("Astana Times", "ORG"), ("ASTANA TIMES", "ORG")]


def test_a_title_ending_in_common_words_and_times_is_no_newspaper():
    entry = ("References\n1. Sinclair S. (2014). Tackling Child Poverty Locally: Principles and "
             "Practicalities in Challenging Times. *Scottish Affairs*, 4(23), 454-485.\n"
             "2. Smith J. China's loans. Global Times, 2019. 3. Lee K. Ties. New York Times, 2020.\n")
    names = [m.text for m in reference_mentions(DOC, 0, entry).mentions if m.label == "ORG"]
    assert names == ["Global Times", "New York Times"]
    text = "Modern Times changed cinema, as The Challenging Times wrote."
    assert [m.text for m in extract_text(text, use_model=False) if m.label == "ORG"] == [
        "Challenging Times"]


def test_an_institution_and_its_former_name_given_with_it_are_one_wherever_either_is_used():
    body = ("Experts named the creation of the Ministry of Development of Communities and "
            "Territories (formerly the Ministry of Regional Development) as a key step.\n\n"
            "Later the Ministry of Regional Development was criticised, and the Ministry of "
            "Digital Transformation (formerly the Ministry of Regional Development) was not.\n")
    found = [m for m in extract_article(ArticleTask(DOC, 0, body)) if m.label == "ORG"]
    res = resolve([], found, [Document(DOC, "x.txt", body, "utf-8", ("en",))])
    keys = {m.text: res.mentions[(m.document_id, m.start, m.end, m.label)] for m in found}
    assert len(found) == 5 and len(set(keys.values())) == 1, keys
    assert any(m.reason == "a former name given with the present one" for m in res.merges)


def test_a_parenthesis_that_does_not_say_formerly_joins_nothing():
    body = "The Ministry of Education (the Ministry of Science) met.\n"
    found = [m for m in extract_article(ArticleTask(DOC, 0, body)) if m.label == "ORG"]
    res = resolve([], found, [Document(DOC, "x.txt", body, "utf-8", ("en",))])
    assert len({res.mentions[(m.document_id, m.start, m.end, m.label)] for m in found}) == 2


def test_many_definitions_are_read_in_one_pass_over_the_text(monkeypatch):
    import kg.extract.defined_names as defined

    scans = []

    original = defined._USE

    class Counting:
        def finditer(self, text):
            scans.append(len(text))
            return original.finditer(text)

    text = "".join(f"Ұлттық орталығы (бұдан әрі – ҰО{chr(1040 + i % 30)}) жұмыс істейді. "
                   for i in range(3000))
    full = [Mention(DOC, i, i + 15, text[i:i + 15], "ORG", "kk", "Ұлттық орталығы")
            for i in range(0, len(text), len(text) // 3000) if text.startswith("Ұлттық", i)]
    monkeypatch.setattr(defined, "_USE", Counting())
    found = with_defined_names(text, full)
    monkeypatch.setattr(defined, "_USE", original)
    assert scans == [len(text)]  # one pass, however many definitions
    assert sum(m.extractor == SOURCE for m in found) == text.count("ҰО")
