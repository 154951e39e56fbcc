"""What ``pip install`` gives: every package and data file in the wheel, Dask as an extra.

.ci/run goes further: it installs the wheel into a fresh virtual environment outside the
repository and runs ``kg build`` and ``kg query`` from another folder.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from importlib.metadata import distribution
from pathlib import Path

import pytest

from conftest import ROOT
from kg.rdf.ontology import FILES, ontology_dir, queries_dir

tomllib = pytest.importorskip("tomllib")  # Python 3.11+
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
DASK_HINT = "pip install 'kazkg[distributed]'"


def source_files() -> list[Path]:
    """The files of the checkout (git's list when there is one, else the folder)."""
    listed = subprocess.run(["git", "ls-files", "-z", "kg", "ontology"], cwd=ROOT,
                            capture_output=True, text=True)
    if listed.returncode == 0 and listed.stdout:
        return [ROOT / name for name in listed.stdout.split("\0") if name]
    return [p for folder in ("kg", "ontology") for p in (ROOT / folder).rglob("*")
            if p.is_file() and "__pycache__" not in p.parts]


def in_package(path: Path) -> str:
    """Where a source file or folder lands in an installed kazkg: ontology/ becomes kg/ontology/."""
    relative = path.relative_to(ROOT).as_posix()
    return "kg/" + relative if relative.split("/")[0] == "ontology" else relative


def test_every_folder_of_the_package_is_listed_in_pyproject():
    folders = [p for top in ("kg", "ontology") for p in [ROOT / top, *(ROOT / top).rglob("*")]
               if p.is_dir() and p.name != "__pycache__"]
    expected = {in_package(p).replace("/", ".") for p in folders}
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    missing = sorted(expected - listed)
    assert not missing, f"add to [tool.setuptools] packages in pyproject.toml: {missing}"
    assert not sorted(listed - expected), "pyproject.toml lists packages that do not exist"
    assert PYPROJECT["tool"]["setuptools"]["package-dir"] == {"kg.ontology": "ontology"}


def test_the_installed_ontology_is_the_single_source_in_ontology():
    # an editable install (the one the tests run in) reads the repository's folder in place
    assert ontology_dir() == ROOT / "ontology"
    assert queries_dir() == ROOT / "ontology" / "queries"
    assert not (ROOT / "kg" / "ontology").exists(), "no copy of the ontology inside kg/"
    assert {name: (ontology_dir() / name).is_file() for name in FILES} == dict.fromkeys(FILES, True)


def test_dask_is_an_extra_and_stays_in_dev():
    requires = distribution("kazkg").requires or []
    dask = [r for r in requires if r.startswith("dask")]
    assert dask and all('extra == "distributed"' in r for r in dask), requires
    assert any(r.startswith("kazkg[distributed]") and 'extra == "dev"' in r for r in requires)


def test_scheduler_without_dask_is_one_line_naming_the_extra(tmp_path):
    # A child Python in which Dask cannot be imported, as after a plain `pip install kazkg`.
    out = tmp_path / "out"
    child = f"""
import importlib.abc, sys

class NoDask(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in ("dask", "distributed"):
            raise ModuleNotFoundError(f"No module named {{name!r}}", name=name)
        return None

sys.meta_path.insert(0, NoDask())
for name in [m for m in sys.modules if m.partition(".")[0] in ("dask", "distributed")]:
    del sys.modules[name]
sys.argv = ["kg", "build", "--scheduler", "tcp://127.0.0.1:1", "--out", {str(out)!r}]
from kg.cli import run
run()
"""
    result = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True,
                            timeout=300, cwd=tmp_path)
    assert result.returncode != 0
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("error: --scheduler needs Dask")
    assert DASK_HINT in result.stderr
    assert not out.exists()


@pytest.mark.slow
def test_wheel_holds_every_module_and_data_file(tmp_path):
    # sdist first, then the wheel from the unpacked sdist: no stale build/ folder can leak in
    build = subprocess.run([sys.executable, "-m", "build", "--outdir", str(tmp_path), str(ROOT)],
                           capture_output=True, text=True, timeout=600)
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    [wheel] = tmp_path.glob("kazkg-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        info = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
        entry_points = archive.read(info).decode("utf-8")
        metadata = archive.read(info.replace("entry_points.txt", "METADATA")).decode("utf-8")
    shipped = {n for n in names if ".dist-info/" not in n}
    expected = {in_package(p) for p in source_files()}
    assert sorted(expected - shipped) == [], "missing from the wheel"
    assert sorted(shipped - expected) == [], "in the wheel but not in the checkout"
    for must in ("kg/ontology/kazkg.ttl", "kg/ontology/shapes.ttl", "kg/ontology/context.jsonld",
                 "kg/ontology/queries/top-institutions.rq", "kg/models/kk_ner/meta.json",
                 "kg/lexicon/data/countries.tsv", "kg/demo/kogam-demo-2025-1.md"):
        assert must in shipped
    assert "[spacy_languages]\nkk = kg.text.kazakh:Kazakh" in entry_points
    assert "[console_scripts]\nkg = kg.launch:run" in entry_points
    assert "Provides-Extra: distributed" in metadata
    assert not [line for line in metadata.splitlines()
                if line.startswith("Requires-Dist: dask") and "extra ==" not in line]
