"""People: authors and text mentions joined across scripts, initials, inflections and spellings.

* A well-known person (``kg/lexicon/data/people.tsv``) is that entry, keyed by the catalogue.
* Authors are one person when any spelling matches after transliteration (the phonetic
  :func:`~kg.text.names.name_key`), or they share an e-mail or ORCID.
* A full name in the text joins an author or an earlier full name with the same key, or one
  with the same given name and a surname one letter away (Арендт / Арентт).
* Initials with a surname (``Н.Ә. Назарбаев``) or a bare surname join the one full name they
  fit in the same document, else the one in the corpus; with several candidates, or none,
  they stay a person of their own, which a bare surname of the same document joins when it is
  the only one with that surname (``Мухамадиева`` after ``Г. Мухамадиева``).

A person's key is the catalogue's, else the phonetic key of the fullest name, so it depends
only on the person, not on which documents were built.

>>> from kg.model import Article, Author, Span
>>> from kg.resolve.registry import Registry
>>> people = People(Registry())
>>> a = Article("d1", "x", 1, Span(0, 1), Span(0, 1), authors=(Author({"en": "Asel Aitkaliyeva"}),))
>>> people.add_authors([a])
{('d1', 1, 0): 'aitkalieva-asel'}
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from networkx.utils import UnionFind
from rapidfuzz.distance import Levenshtein

from kg.iri import person_key
from kg.kinds import LANGS
from kg.lexicon.catalog import CatalogEntry
from kg.lexicon.people import lookup_person
from kg.model import KNOWN_PERSONS_ONLY, REFERENCE_SOURCE, Article, Author, Mention
from kg.resolve.blocks import NameBlocks
from kg.resolve.name_match import agree, case_form, joinable, one_apart, sound, spelt_keys
from kg.resolve.registry import Registry
from kg.text.names import PersonName, compatible, fold, name_key, parse_name, spaced_initials

#: An author's place: (document id, article order, author index).
Occurrence = tuple[str, int, int]
#: How far before a bare surname (characters) the person it stands for may be named.
REACH = 3000
#: A name a document gives: its first letters, its person, its folded surname.
Named = tuple[tuple[str, ...], str, str]


@dataclass(frozen=True)
class _Known:
    """A full name the corpus has, with the person it belongs to."""

    name: PersonName
    key: str
    documents: frozenset[str]


class People:
    """The persons of a corpus, found in headers and text."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self.by_name: dict[str, str] = {}  # name key of a full name -> person key
        self.known: dict[str, _Known] = {}  # name key -> the full name and its person
        self.partials: dict[tuple[str, tuple[str, ...]], str] = {}
        self.blocks = NameBlocks()  # the known names a name could match (not all of them)
        self.initialled: dict[str, dict[str, set[str]]] = {}  # surname -> person key -> documents
        self.bare: dict[str, dict[str, set[str]]] = {}  # the same for bare surnames
        self.letters: dict[str, tuple[str, ...]] = {}  # partial person key -> its first letters

    # -- authors ------------------------------------------------------------------------
    def add_authors(self, articles: Sequence[Article]) -> dict[Occurrence, str]:
        """Cluster every author by spelling, e-mail and ORCID; return each author's person key."""
        clusters = UnionFind()
        occurrences: list[tuple[Occurrence, Author]] = []
        first_by_link: dict[str, Occurrence] = {}
        for a in articles:
            for i, author in enumerate(a.authors):
                occ = (a.document_id, a.order, i)
                occurrences.append((occ, author))
                clusters[occ]
                for link in _links(author):
                    if link in first_by_link:
                        clusters.union(first_by_link[link], occ)
                    else:
                        first_by_link[link] = occ
        groups: dict[Occurrence, list[tuple[Occurrence, Author]]] = defaultdict(list)
        for occ, author in occurrences:
            groups[clusters[occ]].append((occ, author))
        keys: dict[Occurrence, str] = {}
        for members in groups.values():
            keys.update(self._add_author(members))
        return keys

    def _add_author(self, members: list[tuple[Occurrence, Author]]) -> dict[Occurrence, str]:
        names: dict[str, str] = {}
        for _, author in members:
            for lang, name in author.names.items():
                names.setdefault(lang, name)
        names = {lang: names[lang] for lang in LANGS if lang in names}
        spellings = [n for _, au in members for n in au.names.values()]
        key, labels, entry = _identity(names, spellings)
        ids = {k: v for k, v in (("orcid", next((au.orcid for _, au in members if au.orcid), None)),
                                 ("email", next((au.email for _, au in members if au.email), None)))
               if v}
        if entry is not None and entry.wikidata:
            ids["wikidata"] = entry.wikidata
        documents = frozenset(occ[0] for occ, _ in members)
        keys = {}
        for occ, author in members:
            for lang, name in author.names.items():
                reason = "header" if occ == members[0][0] else "same spelling/e-mail/ORCID"
                self.registry.add("person", key, labels, name, lang, reason, ids, alias=name)
                self._remember(name, key, documents)
            keys[occ] = key
        return keys

    def add_name_groups(self, groups: Iterable[Mapping[str, str]], document: str) -> None:
        """One person for each group of spellings of one name (an editor at the same place of
        the kk, ru and en editorial lists: «Сон Юнхун», "Song Yonghong"), joined with an
        author or a catalogued person any spelling matches."""
        for names in groups:
            spellings = list(names.values())
            known = next((self.by_name[k] for k in map(name_key, spellings) if k in self.by_name), None)
            key, labels, _ = _identity(dict(names), spellings, known)
            for lang, name in names.items():
                self.registry.add("person", key, labels, name, lang,
                                  "the same place in every language's editorial list", alias=name)
                self._remember(name, key, frozenset({document}))

    # -- text ---------------------------------------------------------------------------
    def add_mentions(self, mentions: Sequence[Mention]) -> dict[Mention, str]:
        """The person key of each PERSON mention: full names first, then partial ones, then
        the names of reference entries and of the front matter (:data:`KNOWN_PERSONS_ONLY`),
        which get a key only if the corpus has them, or, for a reference's author, if no one
        of the document sounds alike (:meth:`_cited_alone`)."""
        parsed = {m: parse_name(m.canonical) for m in mentions}
        found: dict[Mention, str] = {}
        cited = [m for m in mentions if m.extractor in KNOWN_PERSONS_ONLY]
        text = [m for m in mentions if m.extractor not in KNOWN_PERSONS_ONLY]
        full = [m for m in text if parsed[m].full]
        for m in sorted(full, key=lambda m: -len(m.canonical.split())):
            found[m] = self._full(m, parsed[m])
        rest = [m for m in text if m not in found]  # initials first, then bare surnames in order
        named: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)  # by surname
        for m in found:
            named[(m.document_id, parsed[m].surname_key())].append((m.start, found[m]))
        for m in sorted(rest, key=lambda m: (not parsed[m].first_letters, m.document_id, m.start)):
            surname = (m.document_id, parsed[m].surname_key())
            before = None if parsed[m].first_letters else self._named_before(m, named[surname])
            found[m] = before if before is not None else self._partial(m, parsed[m])
            named[surname].append((m.start, found[m]))
        initials: dict[tuple[str, str], set[tuple[str, ...]]] = defaultdict(set)
        for m in cited:  # a bare surname («Nolan (2020)») shares it with no one
            if parsed[m].first_letters:
                initials[(m.document_id, person_key(parsed[m].surname))].add(parsed[m].first_letters)
        sounds = self._surname_sounds(text, parsed, found)
        for m in cited:
            alone = len(initials[(m.document_id, person_key(parsed[m].surname))]) <= 1
            key = self._cited(m, parsed[m], alone)
            if key is None and m.extractor == REFERENCE_SOURCE:
                key = self._cited_alone(m, parsed[m], sounds[m.document_id])
            if key is not None:
                found[m] = key
        return found

    def _named_before(self, m: Mention, named: Sequence[tuple[int, str]]) -> str | None:
        """A bare surname is the one person its document named with that surname (``named``:
        its document's ``(start, person)`` of that surname) within :data:`REACH` characters
        before it («Руслан Омаров … Р.Омаровтың … Омаровтың кейсі» is Ruslan Omarov, not
        «Омаров А.» of another article of the issue); after two such persons («А. Омаров»,
        «Б. Омаров») it is neither."""
        near = {key for start, key in named if m.start - REACH <= start < m.start}
        if len(near) != 1:
            return None
        return self.registry.add("person", near.pop(), {}, m.text, m.lang,
                                 "surname of the one person named just before in the document")

    def _surname_sounds(self, text: Sequence[Mention], parsed: Mapping[Mention, PersonName],
                        found: Mapping[Mention, str]) -> dict[str, dict[str, set[Named]]]:
        """Document id -> :func:`~kg.resolve.name_match.sound` of a surname its text or bylines name -> the first
        letters and person of each name with it."""
        sounds: dict[str, dict[str, set[Named]]] = defaultdict(lambda: defaultdict(set))
        for m in text:
            name = parsed[m]
            sounds[m.document_id][sound(name.surname)].add(
                (name.first_letters, found[m], fold(name.surname)))
        for known in self.known.values():
            for document in known.documents:
                sounds[document][sound(known.name.surname)].add(
                    (known.name.first_letters, known.key, fold(known.name.surname)))
        return sounds

    def _cited_alone(self, m: Mention, name: PersonName, sounds: dict[str, set[Named]]) -> str | None:
        """A cited author no text of the document names by that surname: the one person of the
        document whose surname sounds alike (the same consonants, one apart) and whose initials
        agree, in another script ("Horkheimer M." and «М. Хоркхаймер»; a surname of fewer than
        five consonants needs two agreeing initials: "Sivintseva, O.V." and «О.В.Сивицева»); no
        one if there are several or the initials differ (a second node would split one person:
        "Hale, H. E." beside «Генри Хейл»); else the one initialled or bare name with that surname and
        agreeing initials in the corpus («Сыроежкин К.» and «К.Л. Сыроежкин»); else a person of
        their own ("Mincer J.")."""
        heard = sound(name.surname)
        if not name.surname or not (name.first_letters or name.full) \
                or lookup_person(name.surname) is not None:  # «Елбасы Н.Ә.» is a title
            return None
        letters, folded = name.first_letters, fold(name.surname)
        alike = {(snd, other, key, spelt) for snd, named in sounds.items()
                 if Levenshtein.distance(heard, snd) <= 1 for other, key, spelt in named}
        for pool in ({a for a in alike if a[0] == heard}, alike):  # the same sound first
            if not pool:
                continue
            keys = {key for snd, other, key, spelt in pool
                    if joinable((snd, other, spelt), (heard, letters, folded))}
            if len(keys) == 1 and len({key for _, _, key, _ in pool}) == 1:
                return self.registry.add("person", next(iter(keys)), {}, m.text, m.lang,
                                         "cited author: the one person of the document sounding alike",
                                         alias=m.canonical)
        if alike:
            return None
        surname = person_key(name.surname)
        elsewhere = self._initialled(surname, letters) | set(self.bare.get(surname, {}))
        if len(elsewhere) == 1:
            return self.registry.add("person", next(iter(elsewhere)), {}, m.text, m.lang,
                                     "cited author: the one shortened name of the corpus",
                                     alias=m.canonical)
        if elsewhere:
            return None
        if name.full:
            key = person_key(m.canonical)
            self._remember(m.canonical, key, frozenset({m.document_id}))
        else:
            key = self.partials.setdefault((surname, name.first_letters), person_key(m.canonical))
            self.letters.setdefault(key, name.first_letters)
            self.initialled.setdefault(surname, {}).setdefault(key, set()).add(m.document_id)
        sounds[heard].add((letters, key, folded))
        return self.registry.add("person", key, {m.lang: spaced_initials(m.canonical)}, m.text, m.lang,
                                 "cited author of their own", alias=m.canonical)

    def _full(self, m: Mention, name: PersonName) -> str:
        entry = lookup_person(m.canonical)
        if entry is not None:
            return self._catalogued(m, entry)
        key = self._named(m, name) or self._near(name)
        if key:
            self._remember(m.canonical, key, frozenset({m.document_id}))
            return self.registry.add("person", key, {}, m.text, m.lang,
                                     "same name as an author or mention", alias=m.canonical)
        key = person_key(m.canonical)
        self._remember(m.canonical, key, frozenset({m.document_id}))
        return self.registry.add("person", key, {m.lang: spaced_initials(m.canonical)}, m.text, m.lang, "new name",
                                 alias=m.canonical)

    def _fits(self, m: Mention, name: PersonName, nominative: bool = False) -> tuple[set[str], set[str]]:
        """The persons whose full names a partial name fits: in the corpus, in its document
        (``nominative``: the name is in the nominative, so a feminine surname is a woman's)."""
        fits = [k for k in map(self.known.__getitem__, self.blocks.same_surname(name))
                if compatible(name, k.name) and case_form(name, k.name, "" if nominative else m.lang)]
        return {k.key for k in fits}, {k.key for k in fits if m.document_id in k.documents}

    def _partial(self, m: Mention, name: PersonName) -> str:
        entry = lookup_person(m.canonical)
        candidates, here = self._fits(m, name)
        if entry is not None and (not candidates or candidates == {entry.key}):
            # an alias only as the catalogue spells the name: «Дж. Ная» is a case form of Най
            spelt = {k for n in entry.names.values() for k in spelt_keys(parse_name(n))}
            return self._catalogued(m, entry, alias=name.surname_key() in spelt)
        for pool, reason in ((here, "partial name of a full name in the document"),
                             (candidates, "partial name of the one full name in the corpus")):
            if len(pool) == 1:
                return self.registry.add("person", next(iter(pool)), {}, m.text, m.lang, reason)
        surname = person_key(name.surname)
        if not name.first_letters:  # «Мухамадиева» after «Г. Мухамадиева» in the same document
            same = {key for key, docs in self.initialled.get(surname, {}).items() if m.document_id in docs}
            if len(same) == 1:
                return self.registry.add("person", next(iter(same)), {}, m.text, m.lang,
                                         "surname of the one initialled name in the document")
        key = self.partials.setdefault((surname, name.first_letters), person_key(m.canonical))
        self.letters.setdefault(key, name.first_letters)
        shortened = self.initialled if name.first_letters else self.bare
        shortened.setdefault(surname, {}).setdefault(key, set()).add(m.document_id)
        return self.registry.add("person", key, {m.lang: spaced_initials(m.canonical)}, m.text, m.lang,
                                 "partial name of its own", alias=m.canonical)

    def _cited(self, m: Mention, name: PersonName, alone: bool) -> str | None:
        """The person a reference entry's or front matter's name is, if the corpus has them:
        catalogued, or a person the text names (:meth:`_cited_key`); else None (a reference's
        author may then still be a person of their own, :meth:`_cited_alone`). ``alone``: no
        other such name of the document has the surname with other initials."""
        entry = lookup_person(m.canonical)
        key = self._cited_key(m, name, entry, alone)
        if key is None:
            return None
        if entry is not None and key == entry.key:
            return self._catalogued(m, entry, alias=False)
        return self.registry.add("person", key, {}, m.text, m.lang, "cited author the corpus names",
                                 alias=m.canonical)

    def _cited_key(self, m: Mention, name: PersonName, entry: CatalogEntry | None,
                   alone: bool) -> str | None:
        """A full name: the person of that name. Initials and surname (nominative, as
        references print them: «Карасаева Г.М.» is no Қарасаев): the one full name they fit
        (in the document first), else the one initialled name of the document they agree with
        ("Hellman J. S." and «Дж. Хеллман»), else the one bare surname of
        the document ("Desiere S." cited, «Desiere мен …» in the text) when no other cited
        author has that surname (Wright E. and Wright G. leave «Wright» alone). A bare surname
        (a title's «Nolan (2020)») is only the one bare surname of a document that names no one
        of it with initials."""
        if name.full:
            return entry.key if entry is not None else self._named(m, name) or self._near(name)
        candidates, here = self._fits(m, name, nominative=True)
        if entry is not None and (not candidates or candidates == {entry.key}):
            return entry.key
        pool = here if len(here) == 1 else candidates
        if len(pool) == 1:
            return next(iter(pool))
        if pool:
            return None
        surname = person_key(name.surname)
        bare = {key for key, docs in self.bare.get(surname, {}).items() if m.document_id in docs}
        if not name.first_letters:  # a bare «Nolan (2020)»: the one bare «Нолан», no initials
            lone = len(bare) == 1 and alone and not self._initialled(surname, (), m.document_id)
            return next(iter(bare)) if lone else None
        same = self._initialled(surname, name.first_letters, m.document_id)
        if same:
            return next(iter(same)) if len(same) == 1 else None
        return next(iter(bare)) if len(bare) == 1 and alone else None

    def _initialled(self, surname: str, letters: tuple[str, ...], document: str | None = None
                    ) -> set[str]:
        """The initialled persons with ``surname`` (a :func:`person_key`) whose initials agree
        with ``letters``: in ``document``, or anywhere in the corpus."""
        return {key for key, docs in self.initialled.get(surname, {}).items()
                if (document is None or document in docs) and agree(self.letters[key], letters)}

    def _catalogued(self, m: Mention, entry, alias: bool = True) -> str:
        """The catalogued person ``entry`` (``alias``: keep the mention's name as an alias,
        not for a reference's "Foucault, M.")."""
        ids = {"wikidata": entry.wikidata} if entry.wikidata else {}
        self._remember(m.canonical, entry.key, frozenset({m.document_id}))
        for surface in entry.names.values():
            self._remember(surface, entry.key, frozenset())
        return self.registry.add("person", entry.key, dict(entry.names), m.text, m.lang,
                                 "catalogue", ids, alias=m.canonical if alias else "")

    def _named(self, m: Mention, name: PersonName) -> str | None:
        """The person of the same full name, with or without a patronymic («Садырбаев
        Алмасбек Жұмабекұлы» is «Алмасбек Садырбаев»)."""
        key = self.by_name.get(name_key(m.canonical))
        if key is None and name.patronymic:
            key = self.by_name.get(name_key(" ".join((*name.given, name.surname))))
        return key

    def _near(self, name: PersonName) -> str | None:
        """The one known full name one edit away: the same given name and a surname of five
        letters or more one edit apart, or the same surname and a given name of five letters
        or more one edit apart («Аблай» / «Абылай Мырзахметов»)."""
        block = self.blocks.near(name) | set(self.blocks.same_surname(name))
        close = {k.key for k in map(self.known.__getitem__, sorted(block))
                 if k.name.given and name.given and one_apart(k.name, name)}
        return next(iter(close)) if len(close) == 1 else None

    def _remember(self, name: str, key: str, documents: frozenset[str]) -> None:
        parsed = parse_name(name)
        if not parsed.full:
            return
        nk = name_key(name)
        self.by_name.setdefault(nk, key)
        old = self.known.get(nk)
        self.known[nk] = _Known(parsed, old.key if old else key,
                                (old.documents if old else frozenset()) | documents)
        self.blocks.add(nk, parsed)


def _identity(names: dict[str, str], spellings: Sequence[str],
              known: str | None = None) -> tuple[str, dict[str, str], CatalogEntry | None]:
    """Key, labels and catalogue entry of the person spelt ``spellings``: the catalogue's if any
    spelling is catalogued, else ``known`` (a person met already), else the fullest name's key."""
    names = {lang: spaced_initials(name) for lang, name in names.items()}
    entry = next((e for e in map(lookup_person, spellings) if e is not None), None)
    if entry is not None:
        return entry.key, dict(entry.names) | names, entry
    return known or person_key(_fullest(spellings)), names, None


def _fullest(names: Sequence[str]) -> str:
    """The name with the most words (then the smallest key): what a person's key is made of."""
    return min(names, key=lambda n: (-len(n.split()), name_key(n)))


def _links(author: Author) -> list[str]:
    """What ties two author occurrences to one person: name keys, e-mail, ORCID."""
    links = [name_key(n) for n in author.names.values()]
    if author.email:
        links.append(f"email:{author.email.lower()}")
    if author.orcid:
        links.append(f"orcid:{author.orcid}")
    return links
