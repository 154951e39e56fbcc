"""Chinese personal names in Cyrillic (the Palladius transcription Kazakh and Russian texts use).

A Chinese name is a one-syllable surname and a given name of one or two syllables, written as
one word or two: «Си Цзиньпин», «Дэн Сяопин», «Лао Шэ», «Лу Синь», «Ван Мин». Every syllable
is one of the ~400 of Mandarin (:data:`SYLLABLES`), so a name made only of them, opening with a
common surname (:data:`SURNAMES`), reads as Chinese; Kazakh and Russian words seldom split
into such syllables, and the gazetteers catch Chinese places (Шанхай, Синьцзян).

>>> chinese_name(["Лао", "Шэ"]), chinese_name(["Си", "Цзиньпин"]), chinese_name(["Лу", "Синь"])
(True, True, True)
>>> chinese_name(["Қасым", "Тоқаев"]), chinese_name(["Ван", "Гог"]), chinese_name(["Синь"])
(False, False, False)
>>> chinese_name(["Су", "Бейхай"]), chinese_name(["Су", "Джоу-Шун"])
(True, True)
>>> syllables("цзиньпин")
('цзинь', 'пин')
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

__all__ = ["SURNAMES", "SYLLABLES", "chinese_name", "syllables"]

#: Every Palladius syllable (lower case), and a few spellings Kazakh texts add (вей, рэнь, бей).
SYLLABLES = frozenset((
    "а ай ань ан ао э эй энь эн эр оу "
    "ба бай бань бан бао бэй бэнь бэн би бянь бяо бе бинь бин бо бу "
    "па пай пань пан пао пэй пэнь пэн пи пянь пяо пе пинь пин по пу "
    "ма май мань ман мао мэй мэнь мэн ми мянь мяо ме минь мин мо моу му мю "
    "фа фань фан фэй фэнь фэн фо фоу фу "
    "да дай дань дан дао дэ дэй дэн ди дянь дяо де дин дю дун ду дуань дуй дунь до доу "
    "та тай тань тан тао тэ тэн ти тянь тяо те тин тун ту туань туй тунь то тоу "
    "на най нань нан нао нэ нэй нэнь нэн ни нянь нян няо не нинь нин ню нун ну нуань нюэ но ноу нюй "
    "ла лай лань лан лао лэ лэй лэн ли ля лянь лян ляо ле линь лин лю лун лу луань лунь ло лоу люй люэ "
    "га гай гань ган гао гэ гэй гэнь гэн гун гоу гу гуа гуай гуань гуан гуй гунь го "
    "ка кай кань кан као кэ кэнь кэн кун коу ку куа куай куань куан куй кунь ко "
    "ха хай хань хан хао хэ хэй хэнь хэн хун хоу ху хуа хуай хуань хуан хуй хунь хо "
    "цзи цзя цзянь цзян цзяо цзе цзинь цзин цзюн цзю цзюй цзюань цзюэ цзюнь "
    "ци ця цянь цян цяо це цинь цин цюн цю цюй цюань цюэ цюнь "
    "си ся сянь сян сяо се синь син сюн сю сюй сюань сюэ сюнь "
    "чжа чжай чжань чжан чжао чжэ чжэй чжэнь чжэн чжи чжун чжоу чжу чжуа чжуай чжуань чжуан чжуй "
    "чжунь чжо "
    "ча чай чань чан чао чэ чэнь чэн чи чун чоу чу чуа чуай чуань чуан чуй чунь чо "
    "ша шай шань шан шао шэ шэй шэнь шэн ши шоу шу шуа шуай шуань шуан шуй шунь шо "
    "жань жан жао жэ жэнь жэн жи жун жоу жу жуа жуань жуй жунь жо рэнь рэн "
    "цза цзай цзань цзан цзао цзэ цзэй цзэнь цзэн цзы цзун цзоу цзу цзуань цзуй цзунь цзо "
    "ца цай цань цан цао цэ цэнь цэн цы цун цоу цу цуань цуй цунь цо "
    "са сай сань сан сао сэ сэнь сэн сы сун соу су суань суй сунь со "
    "я янь ян яо е и инь ин юн ю юй юань юэ юнь "
    "ва вай вань ван вэй вэнь вэн во у вей "
    "бей пей мей фей лей джоу шун"  # Kazakh spellings: Су Бейхай, Су Джоу-Шун
).split())
#: Common one-syllable Chinese surnames (and Лао, a writer's pen name: Лао Шэ; Сон, a Kazakh
#: spelling of Сун).
SURNAMES = frozenset((
    "ван ли чжан лю чэнь ян чжао хуан чжоу у сюй сунь ху чжу гао линь хэ го ма ло лян сун чжэн "
    "се хань тан фэн юй дун сяо чэн цао юань дэн фу шэнь цзэн пэн люй су лу цзян цай цзя дин "
    "вэй сюэ е янь пань ду дай ся чжун тянь жэнь фань фан ши яо тань ляо цзоу сюн цзинь хао кун "
    "бай цуй кан мао цю цинь гу хоу шао мэн лун вань дуань цянь инь и чан цяо лай гун вэнь си "
    "лао бо сон"
).split())


@lru_cache(maxsize=4096)
def syllables(word: str) -> tuple[str, ...] | None:
    """``word`` (lower case) cut into Palladius syllables, longest first; ``None`` if it cannot be."""
    if not word:
        return ()
    for n in range(min(5, len(word)), 0, -1):
        head = word[:n]
        if head in SYLLABLES:
            rest = syllables(word[n:])
            if rest is not None:
                return (head, *rest)
    return None


def chinese_name(words: Sequence[str]) -> bool:
    """Do ``words`` (as written) read as a Chinese name: a surname, then one or two given-name
    words of one or two syllables each, every word capitalised?"""
    parts = [words[0], *(p for w in words[1:] for p in w.split("-"))]  # «Су Джоу-Шун»
    if not 2 <= len(words) <= 3 or not all(p[:1].isupper() and p[1:].islower() for p in parts):
        return False
    low = [p.lower() for p in parts]
    if low[0] not in SURNAMES:
        return False
    cuts = [syllables(p) for p in low[1:]]
    return all(c is not None and 1 <= len(c) <= 2 for c in cuts) and sum(len(c) for c in cuts) <= 2
