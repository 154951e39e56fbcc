"""A thesaurus file users edit to correct the resolver, as VOSviewer users do.

Tab-separated, one rule per line, ``#`` starts a comment; columns ``match``, ``target`` and an
optional ``label``:

* ``match`` is a surface form as written in the texts (compared case-insensitively) or an
  entity, as its IRI or as ``kind/key`` (``person/lobbizm``);
* ``target`` is the entity to merge into (an IRI or ``kind/key``; created if new), ``drop``
  (no entity: its mentions are left unresolved), or empty (keep);
* ``label`` (optional) sets the target's (or the matched entity's) preferred label, as
  ``text@lang``.

>>> t = parse_thesaurus('''# merge, drop, relabel
... Н.Ә. Назарбаев\\tperson/nursultan-nazarbayev
... Residual Std\\tdrop
... https://w3id.org/kazkg/id/law/konstitutsiia\\tlaw/kz-constitution
... law/kz-constitution\\t\\tConstitution of Kazakhstan@en
... ''')
>>> t.for_surface("residual std").target
'drop'
>>> t.for_surface("Н.Ә. Назарбаев").target_key
('person', 'nursultan-nazarbayev')
>>> [r.match_key for r in t.entity_rules]
[('law', 'konstitutsiia'), ('law', 'kz-constitution')]
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DROP = "drop"


class ThesaurusError(ValueError):
    """A thesaurus line that cannot be read (the message names the line)."""


def entity_ref(text: str) -> tuple[str, str] | None:
    """``(kind, key)`` of an entity IRI or ``kind/key`` reference, or ``None``.

    >>> entity_ref("https://w3id.org/kazkg/id/person/abai-kunanbaiuly"), entity_ref("Абай")
    (('person', 'abai-kunanbaiuly'), None)
    """
    text = text.strip().rstrip("/")
    parts = text.split("/")
    if len(parts) < 2 or " " in text or ("://" not in text and len(parts) != 2):
        return None
    kind, key = parts[-2], parts[-1]
    return (kind, key) if kind and key else None


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


@dataclass(frozen=True)
class Rule:
    """One thesaurus line."""

    line: int
    match: str
    target: str
    label: str = ""

    @property
    def match_key(self) -> tuple[str, str] | None:
        return entity_ref(self.match)

    @property
    def target_key(self) -> tuple[str, str] | None:
        return entity_ref(self.target) if self.target and self.target != DROP else None

    @property
    def label_lang(self) -> tuple[str, str] | None:
        """``(lang, text)`` of the label column, if any."""
        if not self.label:
            return None
        text, _, lang = self.label.rpartition("@")
        return (lang, text) if text and lang else ("", self.label)

    def describe(self) -> str:
        """How the rule reads in ``reports/merges.csv``."""
        action = "drop" if self.target == DROP else (f"merge into {self.target}" if self.target
                                                     else f"label {self.label}")
        return f"thesaurus line {self.line}: {action}"


@dataclass(frozen=True)
class Thesaurus:
    """The rules of a thesaurus file: by surface form, and for entities."""

    surface_rules: dict[str, Rule]
    entity_rules: tuple[Rule, ...]

    def for_surface(self, *surfaces: str) -> Rule | None:
        """The rule for the first of ``surfaces`` that has one."""
        return next((self.surface_rules[f] for f in map(_fold, surfaces)
                     if f in self.surface_rules), None)


EMPTY = Thesaurus({}, ())


def parse_thesaurus(text: str) -> Thesaurus:
    """Read thesaurus text (see the module docstring); raises :class:`ThesaurusError`."""
    surface: dict[str, Rule] = {}
    entity: list[Rule] = []
    for n, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        cols = raw.split("\t")
        if len(cols) > 3:
            raise ThesaurusError(f"line {n}: more than three tab-separated columns")
        match, target, label = (c.strip() for c in (cols + ["", ""])[:3])
        if not match or not (target or label):
            raise ThesaurusError(f"line {n}: needs a match and a target or a label")
        if target and target != DROP and entity_ref(target) is None:
            raise ThesaurusError(f"line {n}: target {target!r} is neither 'drop' nor an entity")
        rule = Rule(n, match, target, label)
        if rule.match_key is not None:
            entity.append(rule)
        else:
            surface[_fold(match)] = rule
    return Thesaurus(surface, tuple(entity))


def read_thesaurus(path: str | Path) -> Thesaurus:
    """Read a thesaurus file (UTF-8)."""
    path = Path(path)
    try:
        return parse_thesaurus(path.read_text(encoding="utf-8"))
    except ThesaurusError as exc:
        raise ThesaurusError(f"{path}: {exc}") from None
