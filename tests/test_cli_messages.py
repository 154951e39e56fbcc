"""One-line errors name what the user typed (regressions named after the bug)."""

from __future__ import annotations

import subprocess
import sys


def kg(*args: str, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=300)


def test_validate_missing_file_names_the_path_given(tmp_path):
    # rdflib resolved a relative name against the parent of the working folder: /missing.ttl
    (tmp_path / "here").mkdir()
    result = kg("validate", "missing.ttl", cwd=tmp_path / "here")
    assert result.returncode == 1
    assert result.stderr == "error: missing.ttl: no such file\n"
