"""What an article header says about its authors: e-mails, ORCIDs and affiliation lines.

The lines between the author names and the title are grouped into affiliation entries
(a marker starts one; a bare ``(City, Country)`` line completes the entries above it), then
linked to the authors carrying their markers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.model import Affiliation, Author
from kg.segment.affiliations import city_country, find_emails, find_orcids, institutions_of
from kg.segment.headers import Head
from kg.segment.lines import leading_marker


def with_contacts(authors: tuple[Author, ...], head: Head) -> tuple[Author, ...]:
    """Tie e-mails (in order, one per author) and ORCIDs (the preceding e-mail's owner) to authors."""
    if not authors:
        return authors
    events = [(kind, value) for line in head.other
              for kind, found in (("email", find_emails(line.text)), ("orcid", find_orcids(line.text)))
              for value in found]
    emails = [v for k, v in events if k == "email"]
    positional = len(emails) == len(authors)
    owner, seen, email_of, orcid_of = 0, 0, {}, {}
    for kind, value in events:
        if kind == "email":
            owner, seen = seen, seen + 1
            if positional:
                email_of[owner] = value
        elif positional or len(authors) == 1:
            orcid_of.setdefault(min(owner, len(authors) - 1), value)
    return tuple(Author(a.names, email_of.get(i), orcid_of.get(i)) for i, a in enumerate(authors))


@dataclass(frozen=True)
class RawAffiliation:
    markers: tuple[int, ...]
    text: str
    city: str | None
    country: str | None


def raw_affiliations(head: Head) -> list[RawAffiliation]:
    """Group the lines between names and title into affiliation entries."""
    entries: list[dict] = []
    after_contact = False
    for line in head.other:
        text = line.text
        contact = find_emails(text) or find_orcids(text)
        markers = leading_marker(text)
        place = city_country(text)
        plain = re.sub(r"^\s*\{[\d,]+\}\s*", "", text)
        if contact and len(_strip_contact(plain)) < 12:
            after_contact = True
            continue
        if plain.startswith("(") and place[0] and entries:
            _set_place(entries, place)
            continue
        if markers or not entries or after_contact:
            entries.append({"markers": markers, "text": plain, "city": None, "country": None})
        else:
            entries[-1]["text"] += " " + plain
        after_contact = bool(contact)
        if place[0]:
            entries[-1]["city"], entries[-1]["country"] = place
    _fill_places(entries)
    return [RawAffiliation(e["markers"], _strip_contact(e["text"]), e["city"], e["country"])
            for e in entries if _strip_contact(e["text"])]


def _strip_contact(text: str) -> str:
    text = re.sub(r"(?i)e[-.]?\s?mail\s*:?\s*", "", text)
    for found in find_emails(text) + find_orcids(text):
        text = text.replace(found, "")
    text = re.sub(r"https?://(?:www\.)?orcid\.org/?", "", text)
    return text.strip(" ,;*()")


def _set_place(entries: list[dict], place) -> None:
    """A bare ``(City, Country)`` line belongs to the entries above it that lack one."""
    for entry in reversed(entries):
        if entry["city"]:
            break
        entry["city"], entry["country"] = place


def _fill_places(entries: list[dict]) -> None:
    following: tuple[str | None, str | None] = (None, None)
    for entry in reversed(entries):
        if entry["city"]:
            following = (entry["city"], entry["country"])
        elif following[0]:
            entry["city"], entry["country"] = following


def link_affiliations(raw: list[RawAffiliation], head: Head, n_authors: int) -> tuple[Affiliation, ...]:
    author_markers = [m for _, m in head.names]
    used = {n for e in raw for n in e.markers}
    spare = iter(sorted({n for m in author_markers for n in m} - used))
    out = []
    for k, entry in enumerate(raw):
        markers = entry.markers or ((next(spare, None),) if any(author_markers) else ())
        if any(author_markers) and markers != (None,):
            index = tuple(i for i, m in enumerate(author_markers) if set(m) & set(markers))
        elif len(raw) == 1:
            index = tuple(range(n_authors))
        else:
            index = (k,) if k < n_authors else ()
        # one affiliation per institution: an author may hold posts at several
        for institution in institutions_of(entry.text) or (None,):
            out.append(Affiliation(index, entry.text, entry.city, entry.country, institution))
    return tuple(out)
