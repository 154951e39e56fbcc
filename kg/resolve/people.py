"""People: authors clustered across spellings, e-mails and ORCIDs; text mentions joined to them.

>>> from kg.model import Article, Author, Span
>>> from kg.resolve.registry import Registry
>>> people = People(Registry())
>>> a = Article("d1", "x", 1, Span(0, 1), Span(0, 1), authors=(Author({"en": "Asel Aitkaliyeva"}),))
>>> people.add_authors([a])
{('d1', 1, 0): 'asel-aitkaliyeva'}
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from networkx.utils import UnionFind

from kg.iri import slug
from kg.text.translit import latin
from kg.kinds import LANGS
from kg.model import Article, Author, Mention
from kg.resolve.names import is_partial, name_key, surname_key
from kg.resolve.registry import Registry

#: An author's place: (document id, article order, author index).
Occurrence = tuple[str, int, int]


class People:
    """The persons of a corpus, indexed by name key and by surname key as they are found."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self.by_name: dict[str, str] = {}
        self.by_surname: dict[str, set[str]] = defaultdict(set)

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
            keys.update(self._add_person(members))
        return keys

    def _add_person(self, members: list[tuple[Occurrence, Author]]) -> dict[Occurrence, str]:
        names: dict[str, str] = {}
        for _, author in members:
            for lang, name in author.names.items():
                names.setdefault(lang, name)
        names = {lang: names[lang] for lang in LANGS if lang in names}
        key = slug(names.get("en") or latin(next(iter(names.values()))))
        ids = {k: v for k, v in (("orcid", next((au.orcid for _, au in members if au.orcid), None)),
                                 ("email", next((au.email for _, au in members if au.email), None)))
               if v}
        keys = {}
        for occ, author in members:
            for lang, name in author.names.items():
                reason = "header" if occ == members[0][0] else "same spelling/e-mail/ORCID"
                self.registry.add("person", key, names, name, lang, reason, ids)
                self.by_name[name_key(name)] = key
                self.by_surname[surname_key(name)].add(key)
            keys[occ] = key
        return keys

    def add_mention(self, m: Mention) -> str:
        """The person key of a text mention: a known name, the one full name with its surname, or new."""
        key = self.by_name.get(name_key(m.canonical))
        if key:
            return self.registry.add("person", key, {}, m.text, m.lang,
                                     "same name as an author or mention")
        candidates = self.by_surname.get(surname_key(m.canonical), set())
        if len(candidates) == 1 and is_partial(m.canonical):
            key = next(iter(candidates))
            return self.registry.add("person", key, {}, m.text, m.lang,
                                     "surname of a unique full name")
        key = slug(latin(m.canonical))
        self.by_name[name_key(m.canonical)] = key
        if not is_partial(m.canonical):
            self.by_surname[surname_key(m.canonical)].add(key)
        return self.registry.add("person", key, {m.lang: m.canonical}, m.text, m.lang, "new name")


def _links(author: Author) -> list[str]:
    """What ties two author occurrences to one person: name keys, e-mail, ORCID."""
    links = [name_key(n) for n in author.names.values()]
    if author.email:
        links.append(f"email:{author.email.lower()}")
    if author.orcid:
        links.append(f"orcid:{author.orcid}")
    return links
