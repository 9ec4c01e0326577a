"""Parallel and incremental builds give exactly the bytes of a clean one-process build."""

from __future__ import annotations

import shutil

import pytest

from bench.make_corpus import CorpusWriter
from kg.pipeline import PARALLEL_THRESHOLD, build

from .conftest import BASE, EXAMPLE, TODAY


@pytest.fixture(scope="module")
def synthetic(synthetic_dir):
    assert len({p.name.split(".")[0] for p in synthetic_dir.glob("*.md")}) > PARALLEL_THRESHOLD
    return synthetic_dir


def clean_build(folder, out):
    return build([folder], out, base=BASE, today=TODAY, html=False, use_cache=False, workers=1)


def test_parallel_build_equals_one_process(synthetic, tmp_path):
    one = clean_build(synthetic, tmp_path / "one")
    two = build([synthetic], tmp_path / "two", base=BASE, today=TODAY, html=False, workers=2)
    assert (tmp_path / "one" / "graph.ttl").read_bytes() == \
        (tmp_path / "two" / "graph.ttl").read_bytes()
    assert one.report.counts == two.report.counts
    assert one.report.triple_count == two.report.triple_count
    assert [str(d) for d in one.report.diagnostics] == [str(d) for d in two.report.diagnostics]


def test_incremental_builds_equal_clean_builds(synthetic, tmp_path):
    folder = tmp_path / "docs"
    shutil.copytree(synthetic, folder)
    out = tmp_path / "out"
    first = build([folder], out, base=BASE, today=TODAY, html=False)
    assert first.report.reused == 0

    again = build([folder], out, base=BASE, today=TODAY, html=False)
    assert again.report.reused == len({p.name.split(".")[0] for p in folder.glob("*.md")})

    files = sorted(folder.glob("*.md"))
    changed = files[5]
    changed.write_text(changed.read_text().replace("## Keywords\n", "## Keywords\n\n* zebra\n"))
    files[9].unlink()
    shutil.copy(EXAMPLE / "coca-cola-generative-ai.md", folder)
    third = build([folder], out, base=BASE, today=TODAY, html=False)
    clean = clean_build(folder, tmp_path / "clean")
    assert (out / "graph.ttl").read_bytes() == (tmp_path / "clean" / "graph.ttl").read_bytes()
    assert third.report.reused == again.report.reused - 2
    assert third.report.counts == clean.report.counts
    assert third.report.triple_count == clean.report.triple_count
    assert sorted(map(str, third.report.diagnostics)) == sorted(map(str, clean.report.diagnostics))
    assert b"keyword:zebra" in (out / "graph.ttl").read_bytes()


def test_a_rebuild_computes_the_signatures_of_its_new_keys_only(synthetic, tmp_path,
                                                                monkeypatch):
    """The corpus' join reads every key's signatures each build; they are kept in the
    cache (kg.cache.SignatureMemo), so a rebuild computes only the keys it has not seen,
    and --no-cache computes all again."""
    import kg.pipeline
    from kg.resolve.wordings import signatures

    asked: list[str] = []
    monkeypatch.setattr(kg.pipeline, "key_signatures",
                        lambda key: asked.append(key) or signatures(key))
    folder = tmp_path / "docs"
    shutil.copytree(synthetic, folder)
    out = tmp_path / "out"
    build([folder], out, base=BASE, today=TODAY, html=False)
    every = sorted(asked)
    assert len(every) > 1000
    asked.clear()
    changed = sorted(folder.glob("*.md"))[5]
    changed.write_text(changed.read_text().replace(
        "## Keywords\n", "## Keywords\n\n* zebra crossings\n"))
    build([folder], out, base=BASE, today=TODAY, html=False)
    assert asked == ["zebra crossing"]
    clean_build(folder, tmp_path / "clean")
    assert (out / "graph.ttl").read_bytes() == (tmp_path / "clean" / "graph.ttl").read_bytes()
    asked.clear()
    build([folder], out, base=BASE, today=TODAY, html=False, use_cache=False)
    assert sorted(asked) == sorted(every + ["zebra crossing"])


def test_a_rebuild_whose_names_are_the_same_keeps_the_joins(synthetic, tmp_path, monkeypatch):
    """The corpus' joins are a function of its names alone (and of the code, the aliases
    and the kinds, which the cache's key holds): a rebuild where no name came or went
    (nothing changed, or a summary's text only) takes the previous build's, and is still
    byte-identical to a clean build."""
    import kg.pipeline

    joins = []
    real = kg.pipeline.canonical_map
    monkeypatch.setattr(kg.pipeline, "canonical_map",
                        lambda *args, **kwargs: joins.append(1) or real(*args, **kwargs))
    folder = tmp_path / "docs"
    shutil.copytree(synthetic, folder)
    out = tmp_path / "out"
    build([folder], out, base=BASE, today=TODAY, html=False)
    assert len(joins) == 1
    build([folder], out, base=BASE, today=TODAY, html=False)  # nothing changed
    changed = sorted(folder.glob("*.md"))[4]
    text = changed.read_text()
    assert "## Summary\n" in text
    changed.write_text(text.replace("## Summary\n", "## Summary\n\nA sentence added.\n", 1))
    again = build([folder], out, base=BASE, today=TODAY, html=False)
    assert len(joins) == 1
    assert again.report.reused == len({p.name.split(".")[0] for p in folder.glob("*.md")}) - 1
    clean_build(folder, tmp_path / "clean")
    assert (out / "graph.ttl").read_bytes() == (tmp_path / "clean" / "graph.ttl").read_bytes()
    changed.write_text(text.replace("## Keywords\n", "## Keywords\n\n* zebra crossings\n", 1))
    joins.clear()
    build([folder], out, base=BASE, today=TODAY, html=False)  # a name came: joined anew
    assert len(joins) == 1
    clean_build(folder, tmp_path / "clean2")
    assert (out / "graph.ttl").read_bytes() == (tmp_path / "clean2" / "graph.ttl").read_bytes()


def test_signatures_that_cannot_be_kept_only_make_a_slower_build(synthetic, tmp_path,
                                                                  monkeypatch):
    """The keys' signatures are kept for the next build; where that fails (a full disk,
    a folder SQLite cannot write in), the build still completes, the same."""
    import sqlite3

    import kg.cache

    real_connect = sqlite3.connect

    def failing(path, *args, **kwargs):
        if "signatures.sqlite" in str(path):
            raise sqlite3.OperationalError("disk I/O error")
        return real_connect(path, *args, **kwargs)

    monkeypatch.setattr(kg.cache.sqlite3, "connect", failing)
    build([synthetic], tmp_path / "out", base=BASE, today=TODAY, html=False)
    clean_build(synthetic, tmp_path / "clean")
    assert (tmp_path / "out" / "graph.ttl").read_bytes() == \
        (tmp_path / "clean" / "graph.ttl").read_bytes()
    assert not any(p.name.startswith(".kg-tmp") for p in (tmp_path / "out" / ".kg-cache").iterdir())


def test_touched_but_unchanged_file_is_reused(synthetic, tmp_path, monkeypatch):
    import os
    import pathlib
    import time

    folder = tmp_path / "docs"
    shutil.copytree(synthetic, folder)
    out = tmp_path / "out"
    build([folder], out, base=BASE, today=TODAY, html=False)
    target = sorted(folder.glob("*.md"))[3]
    target.write_bytes(target.read_bytes())  # new mtime, same content
    earlier = time.time_ns() - 60 * 10**9  # (not just edited: see RACY_NS)
    os.utime(target, ns=(earlier, earlier))
    result = build([folder], out, base=BASE, today=TODAY, html=False)
    assert result.report.reused == len({p.name.split(".")[0] for p in folder.glob("*.md")})
    # ... and its new time is kept: the next build trusts it without reading it (a
    # review: a misplaced line had every later build read it again)
    read = []
    real_read_bytes = pathlib.Path.read_bytes
    monkeypatch.setattr(pathlib.Path, "read_bytes",
                        lambda path: read.append(path) or real_read_bytes(path))
    build([folder], out, base=BASE, today=TODAY, html=False)
    assert target not in read


def test_a_changed_graph_file_disables_the_cache(synthetic, tmp_path):
    out = tmp_path / "out"
    build([synthetic], out, base=BASE, today=TODAY, html=False)
    with open(out / "graph.ttl", "ab") as handle:
        handle.write(b"\n")
    assert build([synthetic], out, base=BASE, today=TODAY, html=False).report.reused == 0


def test_a_damaged_cache_means_a_clean_rebuild(synthetic, tmp_path):
    folder = tmp_path / "docs"
    shutil.copytree(synthetic, folder)
    out = tmp_path / "out"
    build([folder], out, base=BASE, today=TODAY, html=False)
    parts = out / ".kg-cache" / "parts.bin"
    parts.write_bytes(b"\0" * parts.stat().st_size)  # what a power cut can leave
    changed = sorted(folder.glob("*.md"))[2]
    changed.write_text(changed.read_text() + "\n## Keywords\n\n* extra\n")
    result = build([folder], out, base=BASE, today=TODAY, html=False)
    clean_build(folder, tmp_path / "clean")
    assert result.report.reused == 0
    assert (out / "graph.ttl").read_bytes() == (tmp_path / "clean" / "graph.ttl").read_bytes()


@pytest.mark.parametrize("craft", ["negative offset", "past the end", "another's block",
                                   "negative part offset", "no date"])
def test_a_cache_pointing_outside_its_blocks_means_a_clean_rebuild(synthetic, tmp_path, craft):
    """Offsets in state.sqlite that no build writes (found by a review: a negative one
    stopped every build with a traceback; another article's block duplicated it)."""
    import json
    import sqlite3

    folder = tmp_path / "docs"
    shutil.copytree(synthetic, folder)
    out = tmp_path / "out"
    build([folder], out, base=BASE, today=TODAY, html=False)
    db = sqlite3.connect(out / ".kg-cache" / "state.sqlite", isolation_level=None)
    articles = json.loads(db.execute("SELECT value FROM meta WHERE name='articles'").fetchone()[0])
    first, second = sorted(articles)[:2]
    entry = articles[first]
    if craft == "negative offset":
        entry[1] = -100
    elif craft == "past the end":
        entry[1] = (out / "graph.ttl").stat().st_size - 10
    elif craft == "another's block":
        entry[1], entry[2] = articles[second][1], articles[second][2]
    elif craft == "negative part offset":
        entry[3] = -5
    else:  # (a review: the build date read back was trusted to be one)
        db.execute("UPDATE meta SET value=? WHERE name='today'", (b'"not a date"',))
    db.execute("UPDATE meta SET value=? WHERE name='articles'", (json.dumps(articles).encode(),))
    db.close()
    result = build([folder], out, base=BASE, today=TODAY, html=False)
    clean_build(folder, tmp_path / "clean")
    assert result.report.reused == 0
    assert (out / "graph.ttl").read_bytes() == (tmp_path / "clean" / "graph.ttl").read_bytes()


def _run_on_terminal(args: list[str], delay: str | None = None) -> str:
    """Run a command with stderr on a pseudo-terminal 100 columns wide; return what it drew.

    `delay` is $KG_PROGRESS_DELAY for it (default: unset, one second)."""
    import fcntl
    import os
    import pty
    import struct
    import subprocess
    import sys
    import termios

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 100, 0, 0))
    env = dict(os.environ)
    env.pop("KG_PROGRESS_DELAY", None)
    if delay is not None:
        env["KG_PROGRESS_DELAY"] = delay
    process = subprocess.Popen([sys.executable, "-m", "kg.cli", *args], stderr=follower,
                               stdout=subprocess.DEVNULL, env=env)
    os.close(follower)
    drawn = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the follower side closed
            break
        if not chunk:
            break
        drawn += chunk
    process.wait()
    os.close(leader)
    return drawn.decode("utf-8", "replace")


def test_progress_bar_on_a_terminal_only_for_long_builds(tmp_path):
    folder = tmp_path / "docs"
    CorpusWriter(400, seed=5).write(folder)
    # "Long" is relative to the bar's delay: here 0.05 s, so the test does not depend on
    # how fast this machine parses 400 documents; the example's build stays below 1 s.
    long_build = ["build", str(folder), "--no-html", "-j", "1"]
    assert "article/s" in _run_on_terminal(long_build + ["-o", str(tmp_path / "a")], "0.05")
    assert "article/s" not in _run_on_terminal(long_build + ["-o", str(tmp_path / "b"), "-q"],
                                               "0.05")
    short = _run_on_terminal(["build", str(EXAMPLE), "--no-html", "-o", str(tmp_path / "c")])
    assert "article/s" not in short


def _summary(title: str, page: str, keywords: list[str], closest: list[tuple[str, str]] = ()):
    lines = [f"# __{title}__, (from page [{page}](https://example.org/p/{page}).)", "",
             "## Keywords", ""] + [f"* {k}" for k in keywords] + [""]
    if closest:
        lines += ["## Closest", ""] + [f"* [{text}]({target})" for text, target in closest]
    return "\n".join(lines) + "\n"


def _same_as_clean(folder, out, tmp_path, today=TODAY):
    result = build([folder], out, base=BASE, today=today, html=False)
    clean = build([folder], tmp_path / "clean", base=BASE, today=today, html=False,
                  use_cache=False, workers=1)
    assert (out / "graph.ttl").read_bytes() == (tmp_path / "clean" / "graph.ttl").read_bytes()
    assert result.report.counts == clean.report.counts
    assert result.report.triple_count == clean.report.triple_count
    assert [str(d) for d in result.report.diagnostics] == [str(d) for d in clean.report.diagnostics]
    return result


def test_an_article_known_from_links_comes_back_when_it_goes(synthetic, tmp_path):
    """Link state is kept while the linked article is loaded, for when it goes away."""
    folder = tmp_path / "docs"
    shutil.copytree(synthetic, folder)
    (folder / "aaa.md").write_text(_summary("A", "20250101", ["alpha"], [("Bee story", "bbb")]))
    out = tmp_path / "out"
    build([folder], out, base=BASE, today=TODAY, html=False)
    assert b"Bee story" in (out / "graph.ttl").read_bytes()
    (folder / "bbb.md").write_text(_summary("Bee", "20250102", ["beta"]))
    assert _same_as_clean(folder, out, tmp_path).report.reused > 0
    assert b"Bee story" not in (out / "graph.ttl").read_bytes()  # now a loaded article
    (folder / "bbb.md").unlink()
    shutil.rmtree(tmp_path / "clean")
    assert _same_as_clean(folder, out, tmp_path).report.reused > 0
    assert b'"Bee story"' in (out / "graph.ttl").read_bytes()


def test_parts_file_is_appended_to_then_compacted(synthetic, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for path in sorted(synthetic.glob("*.md"))[:6]:
        shutil.copy(path, folder)
    out = tmp_path / "out"
    build([folder], out, base=BASE, today=TODAY, html=False)
    parts = out / ".kg-cache" / "parts.bin"
    first = parts.stat().st_size
    target = sorted(folder.glob("*.md"))[4]
    sizes = []
    for n in range(30):
        target.write_text(target.read_text().replace("## Keywords\n", f"## Keywords\n\n* k{n}\n", 1))
        assert build([folder], out, base=BASE, today=TODAY, html=False).report.reused == 5
        sizes.append(parts.stat().st_size)
    assert sizes[0] > first  # appended, not rewritten
    assert any(b < a for a, b in zip(sizes, sizes[1:]))  # compacted once it was mostly stale
    # Appending stops once the file passes twice what is live (plus 64 KiB): it never
    # exceeds that by more than one build's appended parts.
    step = max(b - a for a, b in zip([first] + sizes, sizes))
    assert max(sizes) <= 2 * first + (64 << 10) + step
    shutil.rmtree(tmp_path / "clean", ignore_errors=True)
    _same_as_clean(folder, out, tmp_path)


def test_a_failed_incremental_build_leaves_the_cache_usable(synthetic, tmp_path, monkeypatch):
    from kg import cache

    folder = tmp_path / "docs"
    shutil.copytree(synthetic, folder)
    out = tmp_path / "out"
    build([folder], out, base=BASE, today=TODAY, html=False)
    before = (out / "graph.ttl").read_bytes()
    target = sorted(folder.glob("*.md"))[6]
    target.write_text(target.read_text().replace("## Keywords\n", "## Keywords\n\n* kiwi\n", 1))

    def fail(*args):
        raise RuntimeError("disk full")

    with monkeypatch.context() as patch:
        patch.setattr(cache.SharedRows, "add_bucket", fail)
        with pytest.raises(RuntimeError):
            build([folder], out, base=BASE, today=TODAY, html=False)
    assert (out / "graph.ttl").read_bytes() == before  # the old graph, whole
    result = _same_as_clean(folder, out, tmp_path)
    assert result.report.reused == len({p.name.split(".")[0] for p in folder.glob("*.md")}) - 1


def test_an_article_dated_after_the_last_build_is_read_again_once_that_date_is_past(
        synthetic, tmp_path):
    """A page dated after the build date has no date in that build; once a later build's
    date is past it, its article is read again, so trends count it as a clean build
    does (found by a review: the cached article kept the date it had not had)."""
    import datetime as dt
    import re

    folder = tmp_path / "docs"
    shutil.copytree(synthetic, folder)
    late_date = (TODAY + dt.timedelta(days=3)).strftime("%Y%m%d")
    source = max((p for p in folder.glob("*.md") if re.search(
        r"\[20\d{6}\]", p.read_text(encoding="utf-8").split("\n", 1)[0])),
        key=lambda p: p.stat().st_size)
    text = re.sub(r"\[\d{8}\]", f"[{late_date}]", source.read_text(encoding="utf-8"), count=1)
    (folder / "late.md").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    build([folder], out, base=BASE, today=TODAY, html=False)
    later = _same_as_clean(folder, out, tmp_path, today=TODAY + dt.timedelta(days=8))
    articles = len({p.name.split(".")[0] for p in folder.glob("*.md")})
    assert later.report.reused == articles - 1  # all but the late one
    assert late_date[:4] + "-" + late_date[4:6] in (out / "graph.ttl").read_text()


def test_a_new_build_date_recomputes_the_shared_nodes(synthetic, tmp_path):
    """Page dates after the build date are warnings: the shared rows depend on the date."""
    import datetime as dt

    folder = tmp_path / "docs"
    shutil.copytree(synthetic, folder)
    (folder / "late.md").write_text(_summary("Late", "20261125", ["gamma"]))
    out = tmp_path / "out"
    first = build([folder], out, base=BASE, today=TODAY, html=False)
    late = [d for d in first.report.diagnostics if d.path.endswith("late.md")]
    assert any("after the build date" in d.message for d in late)
    later = _same_as_clean(folder, out, tmp_path, today=TODAY + dt.timedelta(days=2))
    # (late.md is read again: its page has a date now)
    assert later.report.reused == len({p.name.split(".")[0] for p in folder.glob("*.md")}) - 1
    assert not any("after the build date" in d.message for d in later.report.diagnostics
                   if d.path.endswith("late.md"))


@pytest.mark.parametrize("interrupted_at", [1, 2, 3, 4])
def test_a_build_interrupted_after_any_rename_leaves_no_stale_cache(tmp_path, monkeypatch,
                                                                     interrupted_at):
    """A review: a full build interrupted after the cache's state was moved into place and
    before its parts file was left a new state beside the old parts; a same-length edit
    kept every offset valid, and the next builds read the old part (phantom entities)."""
    import os

    folder = tmp_path / "docs"
    CorpusWriter(6, seed=3).write(folder)
    target = sorted(folder.glob("*.md"))[2]
    name = next(line.split("|")[1].strip() for line in target.read_text().splitlines()
                if line.startswith("| ") and not line.startswith("| name"))
    out = tmp_path / "out"
    build([folder], out, base=BASE, today=TODAY, html=False)
    target.write_text(target.read_text().replace(name, name[:-1] + "Q"))  # (same length)
    renames, real_replace = [], os.replace

    def replace_then_interrupt(source, destination):
        real_replace(source, destination)
        renames.append(destination)
        if len(renames) == interrupted_at:
            raise KeyboardInterrupt

    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", replace_then_interrupt)
        try:
            build([folder], out, base=BASE, today=TODAY, html=False, use_cache=False)
        except KeyboardInterrupt:
            pass
    target.write_text(target.read_text().replace(name[:-1] + "Q", name[:-1] + "Z"))
    _same_as_clean(folder, out, tmp_path)


def test_a_file_saved_while_it_is_read_is_read_again(synthetic, tmp_path, monkeypatch):
    """A review: size and time were taken after the bytes were read, so an edit saved in
    between was recorded as read, and the file never read again."""
    import pathlib

    from kg import pipeline

    folder = tmp_path / "docs"
    shutil.copytree(synthetic, folder)
    out = tmp_path / "out"
    build([folder], out, base=BASE, today=TODAY, html=False)
    target = sorted(folder.glob("*.md"))[4]
    target.write_text(target.read_text().replace("## Keywords\n", "## Keywords\n\n* fig\n", 1))
    saved = target.read_text().replace("* fig\n", "* figs and dates\n", 1)

    def save_meanwhile(data):  # (the editor saves just after kg read the file)
        if b"* fig\n" in data:
            target.write_text(saved)
        return data

    class Reading:  # (an open file whose read is followed by the save)
        def __init__(self, path):
            self.file = open(path, "rb")

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.file.close()

        def fileno(self):
            return self.file.fileno()

        def read(self):
            return save_meanwhile(self.file.read())

    real_read_bytes = pathlib.Path.read_bytes
    with monkeypatch.context() as patch:
        patch.setattr(pipeline, "open", lambda path, mode="r", **options: Reading(path)
                      if path == target else open(path, mode, **options), raising=False)
        patch.setattr(pathlib.Path, "read_bytes",
                      lambda self: save_meanwhile(real_read_bytes(self)))
        build([folder], out, base=BASE, today=TODAY, html=False, workers=1)
    _same_as_clean(folder, out, tmp_path)
    assert b"figs and dates" in (out / "graph.ttl").read_bytes()


def test_the_state_goes_only_with_the_parts_file_it_was_made_with(synthetic, tmp_path,
                                                                  monkeypatch):
    """The state is moved into place after its parts file (a review: a build interrupted
    between the two left a new state beside the old parts file, whose blocks it read
    where their offsets fitted)."""
    import os

    folder = tmp_path / "docs"
    shutil.copytree(synthetic, folder)
    out = tmp_path / "out"
    renames, real_replace = [], os.replace

    def noting(source, destination):
        renames.append(os.path.basename(destination))
        real_replace(source, destination)

    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", noting)
        build([folder], out, base=BASE, today=TODAY, html=False)
    # (an interruption before the state moves leaves the old state, whose graph.ttl is
    # gone: a clean build; in an incremental build parts.bin is only appended to. The
    # keys' signatures move once the join is done: each row holds whatever the graph.)
    assert renames == ["signatures.sqlite", "graph.ttl", "parts.bin", "state.sqlite"]


def test_a_second_build_into_a_folder_waits_for_the_first(tmp_path):
    """Two builds into one folder at once mixed their caches, and every later build
    kept the mix (a differential test's finding: a file watcher firing twice). A build
    holds the folder; a second waits, says so, then builds as after the first."""
    import subprocess
    import sys
    import time

    from kg.cache import build_lock

    folder = tmp_path / "docs"
    shutil.copytree(EXAMPLE, folder)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "kg.cli", "build", str(folder), "-o", str(out), "--no-html"]
    assert subprocess.run(command, capture_output=True).returncode == 0
    with build_lock(out):
        second = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  text=True)
        time.sleep(3)
        assert second.poll() is None  # (waiting)
    stdout, stderr = second.communicate(timeout=120)
    assert second.returncode == 0, stderr
    assert f"another build is writing to {out}; waiting for it" in stderr
    assert "(1 unchanged since the last build)" in stdout


def test_the_facts_an_incremental_build_saves_are_a_clean_builds(source_dirs, tmp_path):
    """kg stats and kg diff read the facts a build saves: after an incremental build
    their other names came in another order than after a clean one (same data, another
    file: a differential test's finding)."""
    folder = tmp_path / "docs"
    folder.mkdir()
    for source in source_dirs:
        for path in sorted(source.glob("*.md"))[:40]:
            shutil.copy(path, folder / path.name)
    out, clean = tmp_path / "out", tmp_path / "clean"
    build([folder], out, base=BASE, today=TODAY)
    target = sorted(folder.glob("*.md"))[3]
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("## Keywords\n", "## Keywords\n\n* kiwi\n", 1), encoding="utf-8")
    build([folder], out, base=BASE, today=TODAY)
    build([folder], clean, base=BASE, today=TODAY, use_cache=False)
    facts = ".kg-cache/facts.json"
    assert (out / facts).read_bytes() == (clean / facts).read_bytes()


def test_an_edit_in_the_same_clock_tick_as_the_read_is_seen(tmp_path):
    """A file saved again within the file system's timestamp granularity of being read
    keeps its size and time (a same-length edit): it must not be trusted by them (git's
    "racily clean" entries). A modification time in the future is such a case."""
    import os
    import time

    folder = tmp_path / "docs"
    shutil.copytree(EXAMPLE, folder)
    out = tmp_path / "out"
    target = sorted(folder.glob("*.md"))[0]
    text = target.read_text()
    assert "## Keywords\n" in text
    target.write_text(text.replace("## Keywords\n", "## Keywords\n\n* fig\n", 1))
    tick = time.time_ns() + 5 * 10**9  # (the file system's clock, ahead of kg's)
    os.utime(target, ns=(tick, tick))
    build([folder], out, base=BASE, today=TODAY, html=False)
    target.write_text(text.replace("## Keywords\n", "## Keywords\n\n* fog\n", 1))  # same size
    os.utime(target, ns=(tick, tick))
    build([folder], out, base=BASE, today=TODAY, html=False)
    _same_as_clean(folder, out, tmp_path)
    assert b"keyword:fog" in (out / "graph.ttl").read_bytes()


def test_a_recently_edited_file_that_cannot_be_read_again_is_read_anew(tmp_path,
                                                                        monkeypatch):
    """A review: a file read within RACY_NS of its edit is compared by content next
    time; when that read failed (made unreadable, or removed meanwhile), every later
    build was a traceback. Now the article is read anew (and a file that cannot be read
    is the usual one-line error)."""
    import os
    import pathlib
    import time

    folder = tmp_path / "docs"
    shutil.copytree(EXAMPLE, folder)
    out = tmp_path / "out"
    target = sorted(folder.glob("*.md"))[0]
    tick = time.time_ns() + 5 * 10**9
    os.utime(target, ns=(tick, tick))
    build([folder], out, base=BASE, today=TODAY, html=False)
    real_read_bytes = pathlib.Path.read_bytes

    def read_bytes(path):
        if path == target:
            raise PermissionError(13, "Permission denied", str(path))
        return real_read_bytes(path)

    monkeypatch.setattr(pathlib.Path, "read_bytes", read_bytes)
    os.utime(target, ns=(tick + 1, tick + 1))  # (its time changed: compared by content)
    result = build([folder], out, base=BASE, today=TODAY, html=False)
    assert result.report.reused == len({p.name.split(".")[0] for p in folder.glob("*.md")}) - 1
    monkeypatch.undo()
    _same_as_clean(folder, out, tmp_path)


def test_a_lock_file_kg_cannot_open_for_writing_is_no_traceback(tmp_path):
    """A review: a socket left at .kg-cache/build.lock (or another user's lock file,
    read-only to this one) made every build a traceback; a folder handed over only
    means a clean build. The lock needs no write access; what cannot be opened is
    made anew."""
    import socket

    from kg.cache import LOCK_FILE, build_lock, cache_dir

    folder = tmp_path / "docs"
    shutil.copytree(EXAMPLE, folder)
    out = tmp_path / "out"
    build([folder], out, base=BASE, today=TODAY, html=False)
    lock = cache_dir(out) / LOCK_FILE
    lock.unlink()
    listener = socket.socket(socket.AF_UNIX)
    try:
        listener.bind(str(lock))
        result = build([folder], out, base=BASE, today=TODAY, html=False)
        assert result.report.reused == 1
    finally:
        listener.close()
    lock.chmod(0o444)
    with build_lock(out):  # (read-only: held all the same)
        pass
