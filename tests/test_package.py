"""The installed package: a real wheel built from the source tree holds kg's data files
(ontology, JSON-LD context, saved queries, templates), and the kg it installs can print
its ontology."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile

import pytest

from .conftest import ONTOLOGY, REPO

pytestmark = [pytest.mark.external, pytest.mark.slow]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dist")
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", str(REPO), "--no-deps", "-q",
                           "-w", str(folder)], capture_output=True, timeout=600, cwd=folder)
    assert done.returncode == 0, done.stderr.decode()[-3000:]
    [built] = folder.glob("kg-*.whl")
    return built


def test_the_wheel_holds_the_ontology_and_the_data_files(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("kg/ontology/kg.ttl", "kg/ontology/shapes.ttl", "kg/ontology/context.jsonld",
                   "kg/queries/top-technologies.rq", "kg/__main__.py"):
        assert needed in names, needed
    shipped = {n.removeprefix("kg/ontology/") for n in names if n.startswith("kg/ontology/")}
    assert shipped == {p.name for p in ONTOLOGY.iterdir()}
    templates = REPO / "kg" / "templates"
    assert {n for n in names if n.startswith("kg/templates/")} == \
        {f"kg/templates/{p.name}" for p in templates.iterdir() if p.suffix in (".html", ".js")}
    assert not any(n.startswith(("tests/", "bench/", "examples/")) for n in names)


def test_the_installed_kg_prints_its_ontology(wheel, tmp_path):
    zipfile.ZipFile(wheel).extractall(tmp_path / "site")
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "site")}
    where = subprocess.run([sys.executable, "-c", "import kg; print(kg.__file__)"],
                           capture_output=True, text=True, env=env, cwd=tmp_path, check=True)
    assert where.stdout.startswith(str(tmp_path / "site"))  # the wheel's kg, not the tree's
    for args, source in ((["ontology"], "kg.ttl"), (["ontology", "--shapes"], "shapes.ttl"),
                         (["ontology", "--context"], "context.jsonld")):
        done = subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True,
                              env=env, cwd=tmp_path, timeout=120)
        assert done.returncode == 0, done.stderr.decode()
        assert done.stdout == (ONTOLOGY / source).read_bytes()
