"""Which language a name in Latin letters is written in: English, or Kazakh or Russian
transliterated ("Qazaqstan Respublikasynyń Qylmystyq kodeksi", "Gosudarstvennaya programma
Cifrovoy Kazahstan"), so that such a name is tagged ``kk-Latn`` or ``ru-Latn``, not ``en``.

Reference lists print the Kazakh and Russian titles of laws and programmes in Latin letters;
read as English they would be wrong English names. Words vote: Kazakh and Russian words and
endings that English does not have, against English function words.

>>> latin_language("Qazaqstan Respublikasynyń Qylmystyq kodeksi"), latin_language("Qazaqstan")
('kk', 'kk')
>>> latin_language("Gosudarstvennaya programma Cifrovoy Kazahstan")
'ru'
>>> latin_language("Agency for Strategic Planning and Reforms of the Republic of Kazakhstan") is None
True
>>> latin_language("Qatar") is None, latin_language("Jürgen Habermas") is None
(True, True)
"""

from __future__ import annotations

import re

__all__ = ["latin_language", "latin_tag"]

_KK_WORD = re.compile(
    r"(?:qazaq\w*|respublikas\w*|turaly|za[nń]y|kodeksi|memlekettik|ba[gğ]h?darlamas\w*|"
    r"t[uü]z?h?[jy]rymdamas\w*|tujyrymdamas\w*|[jz]h?yl[gğ]\w*|ministrlig\w*|agenttig\w*|"
    r"j[aä]ne|zhane|qoghamdyq|qo[gğ]amdyq|ulttyq|[uü]lttyq|qyzmet\w*|is-qimyl|damu\w*|"
    r"[\w-]+(?:ynyń|ynyn|inin|iniń|nyń|niń|dagy|degi|tagy|taghy|lyq|dyq|tyq|dyk|lyk))$")
_KK_LETTER = re.compile(r"[äğıñńöüūşəɵ]")
_RU_WORD = re.compile(
    r"(?:zakon\w*|gosudarstv\w*|respublik[iae]|programm[aiy]\w*|kon[tc]+ep[tc]+i\w*|ob|po|dlia|"
    r"dlya|pri|kaza[kh]+stan[ae]|rossii|federa[tc]+ii|"
    r"[\w-]+(?:aya|aia|oy|oi|ogo|ego|ykh|ikh|iia|iya|ennyi|ennoi|nogo|skogo|skoi|skii|stvo|stva|"
    r"niia|niya|ovanie|ovaniia))$")
_EN_WORD = re.compile(r"(?:the|of|and|for|on|in|to|with|by|at|from|an|a|under|until)$")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_OTHER_LETTER = re.compile(r"[^\x00-\x7f]")
#: Who writes ``kk`` and ``ru`` names in Latin letters: the BCP 47 tag with the script.
TAGS = {"kk": "kk-Latn", "ru": "ru-Latn"}


def latin_language(name: str) -> str | None:
    """``kk`` or ``ru`` if ``name`` (Latin letters) is Kazakh or Russian transliterated, else
    None (English, or a name that does not say)."""
    words = [w.casefold() for w in _WORD.findall(name)]
    if not words or _OTHER_LETTER.search(_KK_LETTER.sub("", " ".join(words))):
        return None  # another script or alphabet: not ours to say
    english = sum(bool(_EN_WORD.match(w)) for w in words)
    kazakh = sum(bool(_KK_WORD.match(w)) for w in words)
    kazakh += sum(bool(_KK_LETTER.search(w)) for w in words if not _KK_WORD.match(w)) * (kazakh > 0)
    russian = sum(bool(_RU_WORD.match(w)) for w in words if not _EN_WORD.match(w))
    if kazakh and kazakh >= russian and kazakh > english:
        return "kk"
    if russian >= 2 and russian > english and russian > kazakh:
        return "ru"
    return None


def latin_tag(name: str, lang: str) -> str:
    """The language tag of ``name`` given as ``lang``: an ``en`` name that is Kazakh or
    Russian in Latin letters is ``kk-Latn`` / ``ru-Latn``; any other is ``lang``.

    >>> latin_tag("Qazaqstan Respublikasynyn Konstitutsiyasy", "en"), latin_tag("Kazakhstan", "en")
    ('kk-Latn', 'en')
    """
    if lang != "en":
        return lang
    found = latin_language(name)
    return TAGS[found] if found else lang
