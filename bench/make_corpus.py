"""Write N synthetic summaries in every format era of the real archive.

    python bench/make_corpus.py N OUTDIR [--seed S] [--plant]

Deterministic for a given N and seed. Entities are drawn from Zipf-like
vocabularies, so keywords, themes, technologies and driving forces recur across
documents as they do in the real archive, while most signal, concern, behavior
and issue names are specific to one article. Eras, in realistic proportions:

* modern: `(from page [DATE](URL).)`, six-column signals, tables with relevancy;
* modern without a Concerns section, or tables without relevancy;
* float pages `from ([4320.0](URL).)` with modern sections;
* legacy: Summary first, four-column signals, a `Closest` list;
* name-less technology tables (description | relevancy | src);
* extra renderings `<id>.legacy.md` / `<id>.v2.md`, some with the exploded-keyword bug;
* odd page ids (`20250511d`, `20290911`).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
from bisect import bisect
from itertools import accumulate
from pathlib import Path

WORDS = """ai data climate energy urban health privacy market policy model network
supply chain robot carbon water food city design learning language vision security
trust risk finance labor education media culture science space quantum battery solar
grid mobility transport housing agriculture ocean biodiversity governance ethics
regulation platform community identity memory attention creativity craft archive
sensor satellite drone genome protein vaccine clinic aging youth migration heat flood
drought fire forest soil mineral chip cloud edge open source standard protocol
interface agent assistant search knowledge graph digital twin avatar game music film
fashion retail logistics port rail road bicycle walking park library museum school
university startup venture capital token currency tax trade border election democracy
""".split()
ADJECTIVES = """generative autonomous decentralized sustainable circular resilient adaptive
synthetic predictive immersive collaborative personalized distributed regenerative
ethical transparent inclusive local global hybrid modular open smart green
""".split()
NOUNS = """systems models platforms networks tools practices policies markets communities
infrastructure governance design services devices materials methods frameworks
ecosystems standards economies interfaces agents twins sensors""".split()
VERBS = """shifts accelerates transforms reshapes enables threatens challenges expands
redefines disrupts strengthens undermines""".split()


class Zipf:
    """Draw items with probability ~ 1/rank**s."""

    def __init__(self, items: list[str], s: float = 1.1):
        self.items = items
        self.cumulative = list(accumulate(1 / (rank ** s) for rank in range(1, len(items) + 1)))

    def draw(self, rng: random.Random) -> str:
        return self.items[bisect(self.cumulative, rng.random() * self.cumulative[-1])]


def phrase(rng: random.Random, words: int) -> str:
    parts = [rng.choice(ADJECTIVES)] + [rng.choice(WORDS) for _ in range(words - 2)]
    return " ".join(parts + [rng.choice(NOUNS)])


def sentence(rng: random.Random, words: int = 18) -> str:
    body = " ".join(rng.choice(WORDS + ADJECTIVES + NOUNS + VERBS) for _ in range(words))
    return body[0].upper() + body[1:] + "."


def vocabulary(rng: random.Random, size: int, words: int, title: bool = False) -> list[str]:
    seen: dict[str, None] = {}
    while len(seen) < size:
        text = phrase(rng, rng.randint(max(2, words - 1), words + 1))
        seen[text.title() if title else text] = None
    return list(seen)


def table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(header)]

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths)) + " |"

    sep = "|" + "|".join(":" + "-" * (w + 1) for w in widths) + "|"
    return "\n".join([line(header), sep] + [line(r) for r in rows])


class CorpusWriter:
    def __init__(self, n: int, seed: int):
        self.n = n
        self.rng = random.Random(seed)
        rng = self.rng
        self.keywords = Zipf(vocabulary(rng, 6000, 2))
        self.themes = Zipf(vocabulary(rng, 1500, 2))
        self.technologies = Zipf(vocabulary(rng, 4000, 3, title=True), 1.05)
        self.forces = Zipf([sentence(rng, 12) for _ in range(3000)], 1.0)
        self.recurring = {kind: Zipf(vocabulary(rng, 2000, 3, title=True), 1.2)
                          for kind in ("signal", "concern", "behavior", "issue")}
        self.categories = Zipf(["technology", "science", "business", "politics", "city",
                                "others", "culture", "food"])
        self.types = Zipf(["blog post", "news", "research article", "report"])
        self.ids = [hashlib.md5(f"{seed}-{i}".encode()).hexdigest() for i in range(n)]

    def name(self, kind: str) -> str:
        # About a third of table rows name something another article names too.
        if self.rng.random() < 0.35:
            return self.recurring[kind].draw(self.rng)
        return phrase(self.rng, self.rng.randint(3, 5)).title()

    def page(self) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.05:
            return f"{rng.randint(1000, 16000)}.0"
        if roll < 0.06:
            return "20290911"
        day = f"{rng.randint(2021, 2026)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
        return day + ("d" if rng.random() < 0.1 else "")

    # Hooks: what a document names. The planted corpus (PlantedCorpusWriter) overrides
    # them; here they draw exactly as they always did, so the default output stays the same.

    def page_of(self, index: int, era: str) -> str:
        return self.page() if era != "float" else f"{self.rng.randint(1000, 16000)}.0"

    def keywords_of(self, index: int) -> list[str]:
        rng = self.rng
        return list(dict.fromkeys(self.keywords.draw(rng) for _ in range(rng.randint(5, 10))))

    def themes_of(self, index: int) -> list[str]:
        rng = self.rng
        return list(dict.fromkeys(self.themes.draw(rng) for _ in range(rng.randint(3, 6))))

    def category(self) -> str:
        return self.categories.draw(self.rng)

    def content_type(self) -> str:
        return self.types.draw(self.rng)

    def force(self) -> str:
        return self.forces.draw(self.rng)

    def technology(self) -> str:
        return self.technologies.draw(self.rng)

    def planted_rows(self, index: int, kind: str) -> list[tuple[str, str]]:
        """(name, driving force or "") rows added to a table; none here."""
        return []

    def document(self, index: int, era: str) -> str:
        rng = self.rng
        article_id = self.ids[index]
        page = self.page_of(index, era)
        title = " ".join(w.capitalize() for w in phrase(rng, rng.randint(5, 9)).split())
        url = f"https://kghosh.substack.com/p/{page}"
        head = (f"# __{title}__, from ([{page}]({url}).)" if era in ("legacy", "float")
                else f"# __{title}__, (from page [{page}]({url}).)")
        parts = [head, "", f"__[External link](https://example.com/{article_id})__", "", ""]
        keywords = self.keywords_of(index)
        themes = self.themes_of(index)
        summary = " ".join(sentence(rng) for _ in range(rng.randint(5, 8)))
        lists = ["## Keywords", "", *[f"* {k}" for k in keywords], "", "## Themes", "",
                 *[f"* {t}" for t in themes], ""]
        if era == "legacy":
            parts += ["## Summary", "", summary, "", *lists]
            rows = [[name, rng.choice(["Cultural/Social", "Technological", "Economic",
                                       "Academic"]), sentence(rng, 9), self.force()]
                    for name in dict.fromkeys(self.name("signal")
                                              for _ in range(rng.randint(4, 6)))]
            parts += ["## Signals", "", table(["Signal", "Change", "10y horizon",
                                                 "Driving force"], rows), "", "## Closest", ""]
            for _ in range(5):
                other = rng.randrange(self.n * 2)  # about half point outside the corpus
                target = self.ids[other] if other < self.n else \
                    hashlib.md5(f"elsewhere-{other}".encode()).hexdigest()
                parts.append(f"* [{phrase(rng, 4).title()}]({target})")
            return "\n".join(parts)
        parts += [*lists, "## Other", "", f"* Category: {self.category()}",
                  f"* Type: {self.content_type()}", "", "## Summary", "", summary, ""]
        relevancy = era != "norelevancy"
        signal_rows = [[name, sentence(rng, 14), sentence(rng, 14), sentence(rng, 16),
                        self.force(), str(rng.randint(2, 5))]
                       for name in dict.fromkeys(self.name("signal") for _ in range(5))]
        signal_rows += [[name, "Planted.", "Planted.", "Planted.", force, "4"]
                        for name, force in self.planted_rows(index, "signal")]
        parts += ["## Signals", "", table(["name", "description", "change", "10-year",
                                            "driving-force", "relevancy"], signal_rows), ""]
        sections = ["Concerns", "Behaviors", "Technologies", "Issues"]
        if era == "noconcerns":
            sections.remove("Concerns")
        for section in sections:
            kind = section[:-1].lower() if section != "Technologies" else "technology"
            count = rng.randint(4, 7)
            if section == "Technologies" and era == "nameless":
                rows = [[sentence(rng, 16), str(rng.randint(2, 5)), article_id]
                        for _ in range(count)]
                parts += [f"## {section}", "", table(["description", "relevancy", "src"], rows),
                          ""]
                continue
            name = self.technology if kind == "technology" else \
                (lambda kind=kind: self.name(kind))
            names = list(dict.fromkeys(name() for _ in range(count)))
            names += [n for n, _ in self.planted_rows(index, kind) if n not in names]
            rows = [[n, sentence(rng, 20)] + ([str(rng.randint(2, 5))] if relevancy else [])
                    for n in names]
            header = ["name", "description"] + (["relevancy"] if relevancy else [])
            parts += [f"## {section}", "", table(header, rows), ""]
        return "\n".join(parts).rstrip() + "\n"

    def write(self, outdir: Path) -> int:
        outdir.mkdir(parents=True, exist_ok=True)
        eras = ["modern"] * 55 + ["noconcerns"] * 10 + ["norelevancy"] * 10 + \
            ["float"] * 7 + ["legacy"] * 12 + ["nameless"] * 6
        written = 0
        for index, article_id in enumerate(self.ids):
            era = self.rng.choice(eras)
            (outdir / f"{article_id}.md").write_text(self.document(index, era), encoding="utf-8")
            written += 1
            roll = self.rng.random()
            if roll < 0.03:  # another rendering of the same article
                tag = self.rng.choice(["legacy", "v2"])
                text = self.document(index, "legacy" if tag == "legacy" else "modern")
                if tag == "v2" and self.rng.random() < 0.3:
                    text = explode_keywords(text)
                (outdir / f"{article_id}.{tag}.md").write_text(text, encoding="utf-8")
                written += 1
        return written


class PlantedCorpusWriter(CorpusWriter):
    """A corpus with known patterns, for testing emergence, drivers and `kg diff`.

    Articles are spread evenly over six quarters (2024-Q1 to 2025-Q2, in file order;
    every page date valid) and carry, on top of the usual random content:

    * STEADY, a keyword in 30% of every quarter's articles (well known);
    * RARE, a keyword in one article per quarter (latent);
    * EMERGING, a keyword only in the last two quarters, growing (a weak signal);
    * STRONG, a keyword in 10% of the first quarter's articles rising to 50% (strong);
    * TREND_TECHNOLOGY and TREND_SIGNAL together, from the third quarter on in a rising
      share of articles, the signal driven by DRIVER: a trend and the driver behind it;
    * in the last quarter only, NEW_KEYWORD and NEW_TECHNOLOGY: the last quarter's only new
      entities. Everything else its articles name (keywords, themes, signals, concerns,
      behaviors, issues, technologies, driving forces, categories, types) is drawn from
      what earlier quarters named, so `kg diff` between the corpus without and with its
      last quarter lists exactly its articles, these two entities, and as grown the
      keywords and themes the last quarter names.

    `write` also writes `planted.json`: the quarters, each article's quarter and every
    name each article uses, by kind.
    """

    STEADY = "steady grid commons"
    RARE = "rare kelp archive"
    EMERGING = "emergent quantum listening"
    STRONG = "strong solar roofs"
    TREND_TECHNOLOGY = "Ambient Sensor Mesh"
    TREND_SIGNAL = "Ambient Sensing Spreads"
    DRIVER = "Falling cost of sensors everywhere."
    NEW_KEYWORD = "novel tidal kites"
    NEW_TECHNOLOGY = "Tidal Kite Arrays"
    QUARTERS = ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2"]
    STRONG_SHARE = [2, 3, 4, 6, 8, 10]  # of every 20 articles, per quarter
    TREND_SHARE = [0, 0, 1, 2, 3, 4]  # of every 10 articles, per quarter

    def __init__(self, n: int, seed: int):
        super().__init__(n, seed)
        self.pools: dict[str, list[str]] = {}  # kind -> every use before the last quarter
        self.used: dict[str, dict[str, list[str]]] = {}  # article id -> kind -> names
        self.index = 0

    def quarter(self, index: int) -> int:
        return index * len(self.QUARTERS) // self.n

    def last(self, index: int) -> bool:
        return self.quarter(index) == len(self.QUARTERS) - 1

    def note(self, kind: str, names: list[str], pool: bool = True) -> list[str]:
        """Record what the current article names; before the last quarter, into the pools
        (planted names stay out of them: they appear only where planted)."""
        self.used.setdefault(self.ids[self.index], {}).setdefault(kind, []).extend(names)
        if pool and not self.last(self.index):
            self.pools.setdefault(kind, []).extend(names)
        return names

    def from_pool(self, kind: str) -> str:
        """A name an earlier quarter used, as often as it was used."""
        return self.rng.choice(self.pools[kind])

    def page_of(self, index: int, era: str) -> str:
        self.index = index
        quarter = self.quarter(index)
        month = 1 + (quarter % 4) * 3 + self.rng.randint(0, 2)
        return f"{2024 + quarter // 4}{month:02d}{self.rng.randint(1, 28):02d}"

    def planted_keywords(self, index: int) -> list[str]:
        quarter, found = self.quarter(index), []
        if index % 10 < 3:
            found.append(self.STEADY)
        if index == -(-quarter * self.n // len(self.QUARTERS)):  # the quarter's first article
            found.append(self.RARE)
        if (quarter == 4 and index % 25 == 0) or (quarter == 5 and index % 8 == 0):
            found.append(self.EMERGING)
        if index % 20 < self.STRONG_SHARE[quarter]:
            found.append(self.STRONG)
        if self.last(index) and index % 5 == 0:
            found.append(self.NEW_KEYWORD)
        return found

    def keywords_of(self, index: int) -> list[str]:
        if self.last(index):
            drawn = [self.from_pool("keyword") for _ in range(self.rng.randint(3, 6))]
        else:
            drawn = super().keywords_of(index)
        drawn = self.note("keyword", list(dict.fromkeys(drawn)))
        planted = [k for k in self.planted_keywords(index) if k not in drawn]
        return drawn + self.note("keyword", planted, pool=False)

    def themes_of(self, index: int) -> list[str]:
        if self.last(index):
            return self.note("theme", list(dict.fromkeys(
                self.from_pool("theme") for _ in range(self.rng.randint(3, 6)))))
        return self.note("theme", super().themes_of(index))

    def drawn(self, kind: str, draw) -> str:
        name = self.from_pool(kind) if self.last(self.index) else draw()
        return self.note(kind, [name])[0]

    def category(self) -> str:
        return self.drawn("category", super().category)

    def content_type(self) -> str:
        return self.drawn("content_type", super().content_type)

    def force(self) -> str:
        return self.drawn("driving_force", super().force)

    def technology(self) -> str:
        return self.drawn("technology", super().technology)

    def name(self, kind: str) -> str:
        return self.drawn(kind, lambda: super(PlantedCorpusWriter, self).name(kind))

    def planted_rows(self, index: int, kind: str) -> list[tuple[str, str]]:
        rows = []
        if index % 10 < self.TREND_SHARE[self.quarter(index)]:
            if kind == "signal":
                rows.append((self.TREND_SIGNAL, self.DRIVER))
                self.note("driving_force", [self.DRIVER], pool=False)
            elif kind == "technology":
                rows.append((self.TREND_TECHNOLOGY, ""))
        if kind == "technology" and self.last(index) and index % 5 == 0:
            rows.append((self.NEW_TECHNOLOGY, ""))
        self.note(kind, [name for name, _ in rows], pool=False)
        return rows

    def write(self, outdir: Path) -> int:
        outdir.mkdir(parents=True, exist_ok=True)
        eras = ["modern"] * 8 + ["noconcerns", "norelevancy"]  # every page dated, every field
        for index, article_id in enumerate(self.ids):
            self.index = index
            era = self.rng.choice(eras)
            (outdir / f"{article_id}.md").write_text(self.document(index, era), encoding="utf-8")
        manifest = {"quarters": self.QUARTERS,
                    "articles": {a: {"quarter": self.QUARTERS[self.quarter(i)],
                                     "names": self.used.get(a, {})}
                                 for i, a in enumerate(self.ids)}}
        (outdir / "planted.json").write_text(json.dumps(manifest, indent=1, sort_keys=True),
                                             encoding="utf-8")
        return self.n


def explode_keywords(text: str) -> str:
    """Reproduce the archive's bug: a comma-joined keyword string listed one char per item."""
    lines = text.split("\n")
    start = lines.index("## Keywords") + 2
    end = lines.index("", start)
    joined = ",".join(line[2:] for line in lines[start:end])
    lines[start:end] = [f"* {char}" if char != " " else "*  " for char in joined]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--plant", action="store_true",
                        help="plant known patterns over six quarters (see PlantedCorpusWriter) "
                             "and write planted.json")
    args = parser.parse_args(argv)
    writer = (PlantedCorpusWriter if args.plant else CorpusWriter)(args.n, args.seed)
    written = writer.write(args.outdir)
    print(f"wrote {written} files for {args.n} articles to {args.outdir}")


if __name__ == "__main__":
    main()
