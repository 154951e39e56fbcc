"""What an issue's front matter says about the issue itself.

>>> issue_year("Қоғам & Дәуір\\n1/2026\\nҒЫЛЫМИ-САРАПТАМАЛЫҚ ЖУРНАЛ")
2026
>>> issue_year("**№ 1 (демо), 2025**")
2025
>>> issue_year("2004 жылдан бастап әр тоқсан сайын") is None
True
"""

from __future__ import annotations

import re

_ISSUE_YEAR = re.compile(
    r"(?:^|\s|\*)(?:\d{1,2}\s*/\s*((?:19|20)\d\d)|№\s*\d{1,3}[^\n]{0,20}?,\s*((?:19|20)\d\d))(?!\d)"
)


def issue_year(front_matter: str) -> int | None:
    """The year printed as ``1/2026`` or ``№ 1 (89), 2026`` in the front matter, if any."""
    m = _ISSUE_YEAR.search(front_matter)
    return int(m.group(1) or m.group(2)) if m else None
