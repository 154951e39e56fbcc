"""A bare head («the Council») is the institution its document last named with that head.

Texts name an institution in full once, then by its head noun: "The Council of Europe is …
Founded in 1949, the Council has …". The extractor keeps such a mention only when the
paragraph names an institution with that head (:mod:`kg.extract.filters.institution`); here
it joins the nearest earlier institution mention of the same document whose *head* is that
word: the word before "of" in English ("Council of Europe", not "Secretariat of the
Council"), the last word in Kazakh («Еуропа Кеңесі»), the first noun in Russian («Совет
Европы»). With no such mention within :data:`WINDOW` characters the bare head stays itself.

A short form that drops only the owner of a name given before is that name too: «Бас
Ассамблея» after «БҰҰ Бас Ассамблеясы» (the owner is a country or a catalogued institution;
«Қытай Қоғамдық ғылымдар академиясы» after «Қытай Шыңжаң Қоғамдық ғылымдар академиясы» is not
a short form of it, since Шыңжаң is no owner). So is a capitalised Kazakh name of two or more
words that is the end of a longer one (Kazakh puts the head last): «Ынтымақтастық қоры» after «Қазақстанның COVID-19
пандемиясымен күресудегі ынтымақтастық қоры» (the words dropped name no institution of their
own: «Славян зерттеулер орталығы» after «Хоккайдо университеті жанындағы Славян зерттеулер
орталығы» is left alone, since a unit's name without its parent may be another body's).

>>> from kg.model import Mention
>>> full = Mention("d", 0, 17, "Council of Europe", "ORG", "en", "Council of Europe")
>>> sec = Mention("d", 30, 56, "Secretariat of the Council", "ORG", "en", "Secretariat of the Council")
>>> bare = Mention("d", 80, 87, "Council", "ORG", "en", "Council")
>>> antecedents([full, sec, bare])[bare].text
'Council of Europe'
>>> ga = Mention("d", 100, 122, "БҰҰ Бас Ассамблеясының", "ORG", "kk", "БҰҰ Бас Ассамблеясы")
>>> short = Mention("d", 150, 163, "Бас Ассамблея", "ORG", "kk", "Бас Ассамблея")
>>> antecedents([ga, short])[short].text
'БҰҰ Бас Ассамблеясының'

So is the owner and head alone, the words between dropped and the owner written either way:
«Біріккен Ұлттар Ұйымының Кеңесінде» after «БҰҰ Адам құқықтары жөніндегі кеңесінің».

>>> hrc = Mention("d", 200, 237, "БҰҰ Адам құқықтары жөніндегі кеңесінің", "ORG", "kk",
...               "БҰҰ Адам құқықтары жөніндегі кеңесі")
>>> un = Mention("d", 300, 333, "Біріккен Ұлттар Ұйымының Кеңесінде", "ORG", "kk",
...              "Біріккен Ұлттар Ұйымының Кеңесі")
>>> antecedents([hrc, un])[un].text
'БҰҰ Адам құқықтары жөніндегі кеңесінің'
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache

from kg import kinds
from kg.extract.filters.institution import BARE_HEADS, head_word, name_words
from kg.lexicon.catalog import lookup_institution
from kg.lexicon.countries import lookup_country
from kg.model import Mention
from kg.text.kk_morph import split_suffix, strip_possessive

__all__ = ["WINDOW", "antecedents"]

#: How far back (characters) a bare head looks for the full name.
WINDOW = 6000
def _bare_stem(m: Mention) -> str:
    """The head stem a bare-head mention stands for (``""`` if it is more than a head)."""
    ws = name_words(m.text)
    if len(ws) != 1:
        return ""
    word = ws[0].lower()
    return next((h for h in BARE_HEADS if word.startswith(h)), "")


def _is_institution(m: Mention) -> bool:
    found = kinds.by_label(m.label)
    return found is not None and found.key == "institution"


def _stem(word: str, lang: str) -> str:
    low = word.lower()
    if lang != "kk":
        return low
    low = split_suffix(low)[0]
    return strip_possessive(low) or low


def _owner(word: str, lang: str) -> bool:
    """Is ``word`` a country or a catalogued institution (БҰҰ, ҚР, Қытайдың)?"""
    return bool(word[:1].isupper() and (lookup_country(word, lang) or lookup_institution(word, lang)))


def _short_form(short: Mention, full: Mention, words: dict[Mention, tuple[list[str], tuple[str, ...]]]
                ) -> bool:
    """Is ``short`` the name ``full`` without its leading owner words? (``words``: each
    mention's name words and their stems, worked out once.)"""
    (s, s_stems), (f, f_stems) = words[short], words[full]
    if not s or len(f) <= len(s) or short.lang != full.lang or f_stems[len(f) - len(s):] != s_stems:
        return False
    dropped = f[:len(f) - len(s)]
    return all(_owner(w, full.lang) for w in dropped) or (
        full.lang == "kk" and not short.nested_parent and len(s) >= 2 and s[0][:1].isupper()
        and not any(w.lower().startswith(BARE_HEADS) for w in dropped))


@lru_cache(maxsize=65536)
def _owner_key(words: tuple[str, ...], lang: str) -> str:
    """The country or catalogued institution ``words`` name together («Біріккен Ұлттар
    Ұйымының», «БҰҰ»), else ``""``."""
    name = " ".join(words)
    if not name[:1].isupper():
        return ""
    found = lookup_institution(name, lang)
    if found is not None:
        return found.key
    country = lookup_country(name, lang)
    return country.iso2 if country is not None else ""


def _owner_and_head(short: Mention, full: Mention,
                    words: dict[Mention, tuple[list[str], tuple[str, ...]]],
                    owners: dict[Mention, str]) -> bool:
    """Is ``short`` only an owner (:func:`_owner_key` of all its words but the last) and the
    head of ``full``, the words between dropped, the owner written either way? («Біріккен
    Ұлттар Ұйымының Кеңесі» after «БҰҰ Адам құқықтары жөніндегі кеңесі»). The heads are
    compared first: a mention's owner is looked up once (``owners``), and only for a mention
    that may be a short form."""
    (s, s_stems), (f, f_stems) = words[short], words[full]
    if short.lang != full.lang or len(s) < 2 or len(f) < 3 or s_stems[-1] != f_stems[-1]:
        return False
    if short not in owners:
        owners[short] = _owner_key(tuple(s[:-1]), short.lang)
    owner = owners[short]
    return bool(owner) and any(_owner_key(tuple(f[:n]), full.lang) == owner
                               for n in range(1, len(f) - 1))


def antecedents(mentions: Sequence[Mention]) -> dict[Mention, Mention]:
    """Each bare-head institution mention, or short form of a name given before, -> the fuller
    mention it stands for."""
    by_doc: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        if _is_institution(m):
            by_doc[m.document_id].append(m)
    out: dict[Mention, Mention] = {}
    for found in by_doc.values():
        found.sort(key=lambda m: (m.start, m.end))
        bare = {m: _bare_stem(m) for m in found}
        words = {}
        for m in found:
            ws = name_words(m.canonical)
            words[m] = (ws, tuple(_stem(w, m.lang) for w in ws))
        owners: dict[Mention, str] = {}
        for i, m in enumerate(found):
            stem = bare[m]
            for j in range(i - 1, -1, -1):
                earlier = found[j]
                if m.start - earlier.end > WINDOW:
                    break
                if stem and (earlier.lang == m.lang and not bare[earlier]
                             and head_word(earlier.canonical, earlier.lang).startswith(stem)):
                    out[m] = earlier
                    break
                if not stem and (_short_form(m, earlier, words)
                                 or owners.get(m) != "" and _owner_and_head(m, earlier, words, owners)):
                    out[m] = earlier
                    break
    return out
