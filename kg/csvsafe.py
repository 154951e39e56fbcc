"""CSV that a spreadsheet opens without running anything (OWASP "CSV injection").

A text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return would be
read as a formula by Excel, LibreOffice or Google Sheets: it gets a leading ``'`` (shown as
text, the rest unchanged). Numbers, and text that is just a number (``-0.25``), are left alone.

>>> csv_text(["name", "score"], [["=HYPERLINK(\\"http://x\\")", -0.5], ["@SUM(A1)", "-1e-3"]])
'name,score\\n"\\'=HYPERLINK(""http://x"")",-0.5\\n\\'@SUM(A1),-1e-3\\n'
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from typing import Any

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def safe_cell(value: Any) -> Any:
    """``value``, with a leading ``'`` if it is text a spreadsheet would run as a formula.

    >>> safe_cell("+cmd"), safe_cell("-3.5"), safe_cell(7), safe_cell("Алматы")
    ("'+cmd", '-3.5', 7, 'Алматы')
    """
    if isinstance(value, str) and value.startswith(_TRIGGERS) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def csv_text(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """A CSV document (``\\n`` line ends) of ``header`` and ``rows``, every cell made safe."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow([safe_cell(v) for v in header])
    writer.writerows([safe_cell(v) for v in row] for row in rows)
    return buf.getvalue()
