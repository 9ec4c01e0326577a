"""The benchmark and the corpus generator still run (tiny sizes; timings are not checked)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import run
from bench.make_corpus import CorpusWriter
from kg import find_sources, read_records

pytestmark = [pytest.mark.slow]


def test_generator_is_deterministic_and_covers_every_era(tmp_path):
    CorpusWriter(60, seed=3).write(tmp_path / "a")
    CorpusWriter(60, seed=3).write(tmp_path / "b")
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "b").iterdir())
    assert all((tmp_path / "a" / n).read_bytes() == (tmp_path / "b" / n).read_bytes()
               for n in names)
    text = "\n".join((tmp_path / "a" / n).read_text() for n in names)
    assert "(from page [" in text and ", from ([" in text  # both title-line eras
    assert "| Signal " in text and "| driving-force" in text  # legacy and modern signals
    assert "| description " in text and "| src " in text  # name-less technology tables
    assert "## Closest" in text
    records, problems = read_records(find_sources([tmp_path / "a"]))
    assert problems == [] and len(records) == len(names)


def test_benchmark_prints_its_table(capsys, tmp_path):
    run.main(["--docs", "30", "--incremental-docs", "70", "--rss-docs", "70",
              "--corpus", str(tmp_path / "absent"), "--skip", "rdflib"])
    out = capsys.readouterr().out
    assert out.splitlines()[0].split() == ["measure", "kg", "baseline", "ratio", "goal", "met"]
    for row in ("synthetic 30: build", "synthetic 30: query top-technologies",
                "incremental, with related links: 1 of 70 changed",
                "incremental, --no-related: 1 of 70 changed",
                "incremental output = clean build (with related links)",
                "incremental output = clean build (--no-related)",
                "peak RSS, 70 docs"):
        assert row in out
    assert "byte-identical" in out


def test_the_default_corpus_stays_byte_identical(tmp_path):
    # The digest of bench/make_corpus.py's output before the --plant option was added.
    import hashlib

    CorpusWriter(60, seed=3).write(tmp_path)
    digest = hashlib.sha256()
    for path in sorted(tmp_path.iterdir()):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    assert digest.hexdigest() == "e914bec36af4e1308581e8989cf6c9f0220664459ececc3d654549fd4ccb9e63"


def test_analytics_benchmark_prints_its_table(capsys):
    from bench import analytics

    analytics.main(["--docs", "40", "--repeat", "1"])
    lines = capsys.readouterr().out.splitlines()[1:]
    assert lines[0].split() == ["measure", "kg", "baseline", "ratio", "goal", "met"]
    assert [line.split(":", 1)[1].split("  ")[0].strip() for line in lines[1:8]] == [
        "kg stats -o report.html", "kg stats (Markdown)",
        "networkx graph (what stats read before)", "kg diff OLD NEW -o diff.html",
        "kg stats -o report.html, graph.ttl alone", "kg diff -o diff.html, graph.ttl files alone",
        "report.html size"]


def test_the_alike_experiment_reads_its_labelled_file(capsys):
    """tests/data/alike-pairs.csv holds what its header says, and the experiment's
    evaluation prints the precision it reports from it."""
    import csv
    import re

    from bench.alike_candidates import labelled_precision

    path = Path(__file__).parent / "data" / "alike-pairs.csv"
    text = path.read_text(encoding="utf-8")
    rows = list(csv.DictReader(line for line in text.splitlines() if not line.startswith("#")))
    stated = re.search(r"COUNTS: (\d+) rows; same (\d+), not (\d+)", text).groups()
    labels = [row["same"] for row in rows]
    assert tuple(map(int, stated)) == (len(rows), labels.count("1"), labels.count("0"))
    assert all(row["note"] for row in rows if row["same"] == "0")
    labelled_precision(path)
    printed = capsys.readouterr().out
    assert "| 0.2 | -1.00 | 229 | 20 | 0.09 |" in printed


def test_decisions_compare_names_every_changed_join(tmp_path, capsys):
    """bench/decisions.py: a saved run compared with the code prints nothing changed;
    a join taken out of the saved file, and a labelled pair's decision flipped, print as
    what the code now joins, with their truth and split."""
    import json

    from bench import decisions

    universe = tmp_path / "universe-90-names.tsv"
    universe.write_text("g1\tKeyword\tdriverless cars\ng1\tKeyword\tautonomous vehicles\n"
                        "g2\tKeyword\tmisinformation\ng3\tKeyword\tdisinformation\n",
                        encoding="utf-8")
    pairs = tmp_path / "pairs.csv"
    pairs.write_text("first,first_type,second,second_type,same,case,split\n"
                     "Gen Z,Keyword,Generation Z,Keyword,1,synonym,tune\n"
                     "AI ethics,Keyword,AI tools,Keyword,0,trap,holdout\n", encoding="utf-8")
    saved = tmp_path / "decisions.json"
    options = ["--names", str(universe), "--pairs", str(pairs), "--corpus"]
    decisions.main(["save", str(saved), *options])
    decisions.main(["compare", str(saved), *options])
    assert capsys.readouterr().out == "changed: nothing\n"
    old = json.loads(saved.read_text(encoding="utf-8"))
    assert old["universes"] == {"90|autonomous vehicles|driverless cars": [True, "tune"]}
    old["universes"] = {}
    old["pairs"]["Gen Z|Generation Z"][0] = False
    saved.write_text(json.dumps(old), encoding="utf-8")
    decisions.main(["compare", str(saved), *options])
    assert capsys.readouterr().out.splitlines() == [
        "NEWJOIN true tune 90|autonomous vehicles|driverless cars",
        "GAIN tune Gen Z|Generation Z",
        "changed: GAIN 1, NEWJOIN true 1"]


def test_hostile_benchmark_prints_its_table(capsys):
    from bench import hostile
    hostile.main(["--size", "20"])
    lines = capsys.readouterr().out.splitlines()
    assert [line[:28].strip() for line in lines] == ["construct", *hostile.CONSTRUCTS]
    assert all(len(line[28:].split()) == 3 for line in lines[1:])


def test_the_blind_sets_land_whole_and_their_evaluation_counts_every_pair(capsys):
    """tests/data/blind-*: every labelled name of the summaries written blind lands, with
    its type, in its article (the reader on documents it was not made from), and each
    measure counts every pair once; no more false joins than at the sets' first
    measures (blind-54: one, a pair labelled related; blind-55: none; blind-56: one,
    "Reusable Launch Vehicles" / "rocket reusability", labelled related)."""
    import csv
    import re
    from collections import Counter

    from bench import blind_eval

    stated = {"blind-54": ({"same": 169, "related": 190, "unrelated": 151}, 200, 1),
              "blind-55": ({"same": 148, "related": 240, "unrelated": 147}, 200, 0),
              "blind-56": ({"same": 145, "related": 218, "unrelated": 157}, 230, 1)}
    assert [path.name for path in blind_eval.blind_sets()] == sorted(stated)
    for name, (labels, _, _) in stated.items():
        text = (blind_eval.DATA / name / "pairs.csv").read_text(encoding="utf-8")
        rows = list(csv.DictReader(line for line in text.splitlines()
                                   if not line.startswith("#")))
        assert Counter(row["label"] for row in rows) == labels
        assert all(row["first_article"] != row["second_article"] for row in rows)
    blind_eval.main([])
    printed = capsys.readouterr().out
    measured = {(row[0], row[1]): [int(n) for n in row[4:]] for row in re.findall(
        r"\| (blind-\d+) \| ([\w ,]+?) \| ([\d.]+) \| ([\d.]+) \| (\d+) \| (\d+) \| (\d+) \| "
        r"(\d+) \| (\d+) \|", printed)}
    for name, (labels, shipped, false_joins) in stated.items():
        total = sum(labels.values())
        assert sum(measured[name, "resolution"][:4]) == total  # (tp, fp, fn, tn)
        assert sum(measured[name, "related"][:4]) == total
        assert measured[name, "resolution"][4] == measured[name, "related"][4] == 0
        assert measured[name, "resolution"][1] <= false_joins
        differ = measured[name, "resolution, keys differ"]  # (the same pairs, fewer)
        assert differ[1] == measured[name, "resolution"][1] and \
            differ[2] == measured[name, "resolution"][2] and differ[0] < measured[name, "resolution"][0]
        if shipped:
            assert sum(measured[name, "shipped links"][:4]) == shipped
            assert measured[name, "shipped links"][4] == 0
