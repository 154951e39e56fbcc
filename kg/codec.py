"""Frozen dataclasses to plain JSON values and back, by their type hints (no pickle: a cache
file is data, never code).

Handles nested dataclasses, ``tuple[X, ...]``, ``dict[str, X]``, ``X | None`` and the JSON
scalars; that is every type of :mod:`kg.model`.

>>> import json
>>> from kg.model import Article, Author, Span
>>> a = Article("d", "x.txt", 1, Span(0, 9), Span(2, 9), authors=(Author({"en": "A B"}),),
...             keywords={"en": ("x", "y")})
>>> decode(Article, json.loads(json.dumps(encode(a)))) == a
True
"""

from __future__ import annotations

import dataclasses
import types
import typing
from functools import cache
from typing import Any

__all__ = ["decode", "encode"]


def encode(value: Any) -> Any:
    """``value`` as JSON-ready lists, dicts and scalars."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (tuple, list)):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {str(k): encode(v) for k, v in value.items()}
    return value


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def decode(kind: Any, data: Any) -> Any:
    """The value of type ``kind`` that :func:`encode` turned into ``data``.

    ``ValueError`` if ``data`` does not fit ``kind``.
    """
    origin = typing.get_origin(kind)
    args = typing.get_args(kind)
    if origin in (typing.Union, types.UnionType):
        if data is None and type(None) in args:
            return None
        inner = [a for a in args if a is not type(None)]
        if len(inner) != 1:
            raise ValueError(f"cannot decode a union of {args}")
        return decode(inner[0], data)
    if dataclasses.is_dataclass(kind):
        if not isinstance(data, dict):
            raise ValueError(f"{kind.__name__}: expected an object")
        hints = _hints(kind)
        return kind(**{f.name: decode(hints[f.name], data[f.name])
                       for f in dataclasses.fields(kind) if f.name in data})
    if origin is tuple:
        if not isinstance(data, list):
            raise ValueError("expected a list")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(decode(args[0], v) for v in data)
        return tuple(decode(a, v) for a, v in zip(args, data, strict=True))
    if origin is dict:
        if not isinstance(data, dict):
            raise ValueError("expected an object")
        return {decode(args[0], k): decode(args[1], v) for k, v in data.items()}
    if kind in (str, int, float, bool):
        if not isinstance(data, kind) or (kind is int and isinstance(data, bool)):
            raise ValueError(f"expected {kind.__name__}")
        return data
    if kind is Any:
        return data
    raise ValueError(f"cannot decode {kind!r}")
