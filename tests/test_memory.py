"""The build's memory habits (kg.memory): the garbage collector off through the corpus
stages, on where parsing leaves reference cycles, and as it was for the caller after."""

from __future__ import annotations

import gc
import os
import weakref

import pytest

import kg.pipeline as pipeline
from kg import NothingToBuild, build
from kg.memory import collections_on, fewer_collections, release_free_memory
from kg.resolve import join_keys

from .conftest import BASE, EXAMPLE, TODAY


def _record_collector(monkeypatch, name: str, into, module=pipeline):
    """Have `module.name` note (pid, whether the collector is on) when called."""
    run = getattr(module, name)

    def noting(*args, **kwargs):
        into(os.getpid(), gc.isenabled())
        return run(*args, **kwargs)

    monkeypatch.setattr(module, name, noting)


def test_the_collector_is_off_in_the_corpus_stages_and_on_in_parsing(synthetic_dir, tmp_path,
                                                                      monkeypatch):
    seen = tmp_path / "seen"
    seen.mkdir()

    def note(stage):  # (a file per call: the workers are other processes)
        return lambda pid, on: (seen / f"{stage}.{pid}.{on}").touch()

    _record_collector(monkeypatch, "read_article", note("parse"))
    _record_collector(monkeypatch, "canonical_map", note("join"))
    _record_collector(monkeypatch, "score_related", note("related"))
    build([synthetic_dir], tmp_path / "out", base=BASE, today=TODAY, workers=2)
    found = {tuple(name.split(".")) for name in os.listdir(seen)}
    parsers = {pid for stage, pid, _ in found if stage == "parse"}
    assert len(parsers) == 2 and str(os.getpid()) not in parsers  # (two workers)
    assert {on for stage, _, on in found if stage == "parse"} == {"True"}
    assert {(stage, on) for stage, _, on in found if stage != "parse"} == {
        ("join", "False"), ("related", "False")}
    # one process: parsing collects, the rest does not
    for name in os.listdir(seen):
        (seen / name).unlink()
    build([EXAMPLE], tmp_path / "one", base=BASE, today=TODAY, workers=1)
    assert {tuple(name.split("."))[::2] for name in os.listdir(seen)} == {
        ("parse", "True"), ("join", "False")}


@pytest.mark.parametrize("enabled", [True, False])
def test_a_build_leaves_the_collector_as_it_found_it(tmp_path, enabled):
    (tmp_path / "empty").mkdir()
    try:
        (gc.enable if enabled else gc.disable)()
        build([EXAMPLE], tmp_path / "out", base=BASE, today=TODAY, html=False)
        assert gc.isenabled() is enabled
        with pytest.raises(NothingToBuild):
            build([tmp_path / "empty"], tmp_path / "none", base=BASE, today=TODAY)
        assert gc.isenabled() is enabled
    finally:
        gc.enable()


def test_cycles_left_with_the_collector_off_go_at_a_stage_end():
    class Node:
        pass

    with fewer_collections():
        assert not gc.isenabled()
        with collections_on():
            assert gc.isenabled()
        assert not gc.isenabled()
        first, second = Node(), Node()
        first.other, second.other = second, first  # a cycle only the collector frees
        gone = weakref.ref(first)
        del first, second
        assert gone() is not None
        release_free_memory()
        assert gone() is None


def test_the_joins_leave_no_reference_cycles():
    # (with the collector off, cycles stay until a stage's end: at 100,000 documents,
    # the joins' matches of acronyms left some 700,000 objects so)
    names = [("technology", "Large Language Models (LLMs)"), ("keyword", "LLMs"),
             ("keyword", "Gen AI"), ("technology", "Generative Artificial Intelligence"),
             ("concern", "Antimicrobial Resistance (AMR)"), ("keyword", "AMR"),
             ("keyword", "direct to device"), ("keyword", "D2D")]
    assert join_keys(names) == {"llm": "large language model",
                                "amr": "antimicrobial resistance"}
    with fewer_collections():
        gc.collect()
        join_keys(names)
        assert gc.collect() == 0
