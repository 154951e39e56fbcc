"""Decrees and resolutions named by issuer, date and number are one act in every language
(kg.lexicon.act_numbers, the English rule, reference lists, resolution)."""

from __future__ import annotations

import pytest

from kg.extract import extract_text
from kg.extract.tasks import ArticleTask, extract_article
from kg.lexicon.act_numbers import act_number, find_numbered_acts
from kg.resolve import resolve

DOC = "0123456789abcdef"
KK_BODY = ("Тұжырымдама Қазақстан Республикасы Үкіметінің 2021 жылғы 30 қарашадағы № 860 "
           "қаулысымен бекітілді, ал тәртіп Қазақстан Республикасы Үкіметінің 2021 жылғы "
           "2 желтоқсандағы № 870 қаулысымен.\n")
TAIL = ("References\n"
        "1. Креативті индустрияларды дамыту тұжырымдамасын бекіту туралы [Электрондық ресурс]: "
        "Қазақстан Республикасы Үкіметінің 2021 жылғы 30 қарашадағы № 860 қаулысы // «Әділет».\n"
        "2. Об утверждении Концепции: Постановление Правительства Республики Казахстан от "
        "30 ноября 2021 года № 860 // Әділет.\n"
        "3. Qazaqstan Respublikasy Ükimetiniñ 2021 jylgy 30 qarashadağy № 860 qaulysy. <https://x.kz/1>\n"
        "4. Concept of creative industries (2021). Decree of the Government of the Republic of "
        "Kazakhstan dated November 30, 2021 No. 860. Adilet.\n"
        "5. Ukaz Prezidenta Respubliki Kazahstan ot 18 avgusta 2021 goda № 639. <https://x.kz/2>\n"
        "6. Decree of the President of the Republic of Kazakhstan dated August 18, 2021 No. 639.\n")


@pytest.mark.parametrize("designation, key", [
    ("Қазақстан Республикасы Үкіметінің 2005 жылғы 1 шілдедегі № 678 Қаулысы", "kz-government-2005-no-678"),
    ("ҚР Президентінің 2014 жылғы 26 желтоқсандағы № 986 Жарлығы", "kz-president-2014-no-986"),
    ("Постановление Правительства Республики Казахстан от 31 мая 2023 года № 426", "kz-government-2023-no-426"),
    ("Указ Президента РК от 18 августа 2021 года № 639", "kz-president-2021-no-639"),
    ("Resolution of the Government of the Republic of Kazakhstan dated May 31, 2023 No. 426", "kz-government-2023-no-426"),
    ("Qazaqstan Respublikasy Ukimetinin 2023 jylgy 31 mamyrdagy № 426 qaulysy", "kz-government-2023-no-426"),
    ("Postanovlenie Pravitel'stva Respubliki Kazahstan ot 31 maja 2023 goda № 426", "kz-government-2023-no-426"),
    ("Resolution of the Cabinet of Ministers of Ukraine dated 1 April 2014 No. 333", "ua-government-2014-no-333"),
])
def test_a_designation_gives_country_issuer_year_and_number(designation, key):
    assert act_number(designation).key == key


@pytest.mark.parametrize("text", [
    "Закон Республики Казахстан от 19 мая 2015 года № 314-V",  # a law: keyed by its title
    "Қазақстан Республикасы Үкіметінің қаулысы",  # no number, no year
    "Resolution No. 12 of the conference (2019)",  # no issuer, no country
    "Министрдің 2015 жылғы 3 наурыздағы № 12 бұйрығы",  # a minister's order: no issuer we key
])
def test_what_is_not_a_numbered_decree_gets_no_number(text):
    assert act_number(text) is None


def test_english_designations_are_laws_and_the_government_inside_is_not_a_mention():
    text = ("The Concept was approved by Decree of the President of the Republic of Kazakhstan "
            "dated August 18, 2021 No. 639.")
    found = [(m.label, m.text) for m in extract_text(text, use_model=False)]
    assert found == [("LAW", "Decree of the President of the Republic of Kazakhstan dated "
                             "August 18, 2021 No. 639")]
    assert [t for _, _, t in find_numbered_acts("the decree No. 5 was signed")] == []


def _resolved():
    task = ArticleTask(DOC, 0, KK_BODY, (), len(KK_BODY), TAIL)
    mentions = [m for m in extract_article(task) if m.label == "LAW"]
    res = resolve([], mentions)
    return mentions, res


def test_one_act_in_kazakh_russian_english_and_transliteration_is_one_entity():
    mentions, res = _resolved()
    keys = {m.text: res.mentions[(m.document_id, m.start, m.end, m.label)] for m in mentions}
    number_860 = {k for t, k in keys.items() if "860" in t}
    assert number_860 == {("law", "kz-government-2021-no-860")}, keys
    assert len([t for t in keys if "860" in t]) == 5  # body, kk, ru, transliterated, English
    assert {k for t, k in keys.items() if "639" in t} == {("law", "kz-president-2021-no-639")}
    assert keys[next(t for t in keys if "870" in t)] == ("law", "kz-government-2021-no-870")
    labels = res.entities[("law", "kz-government-2021-no-860")].labels
    assert labels["en"] == "Resolution of the Government of the Republic of Kazakhstan No. 860 (2021)"
    assert set(labels) == {"kk", "ru", "en"}


def test_names_inside_a_numbered_entry_are_not_mentions_of_their_own():
    task = ArticleTask(DOC, 0, "", (), 0, TAIL)
    for m in extract_article(task):
        if m.label != "LAW" and "860" in TAIL[max(0, m.start - 60):m.end + 60]:
            assert m.text not in ("Kazakhstan", "Government of the Republic of Kazakhstan",
                                  "Qazaqstan Respublikasy"), m


@pytest.mark.parametrize("text", [
    "On amendments to the decree of the president of the Republic of Kazakhstan dated December 6, 2016 No. 384",
    "Qazaqstan Respublikasy Prezidentiniñ 2016 jylgy 6 jelfoqsandağy № 384 Jarlyğyna özgeris engizu turaly",
    "Qazaqstan Respublikasy Prezidentinin 2016 jylgy 6 jeltosandagy № 384 Jarlygyna ozgeris engizu turaly",
])
def test_lower_case_and_inflected_designations_are_the_same_decree(text):
    from kg.lexicon.act_numbers import act_number, find_numbered_acts
    found = [act_number(d) for _, _, d in find_numbered_acts(text)]
    assert [n.key for n in found] == ["kz-president-2016-no-384"]
