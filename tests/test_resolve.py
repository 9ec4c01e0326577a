"""Entity resolution: a name's key, precision and recall on the labelled pairs in
tests/data, the same joins whatever the hash seed, the issue's examples, the shared
nodes' index. The wording rules, acronyms, the lexicon's tables and the review flow
have files of their own (test_resolve_*.py)."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor

import pytest
from hypothesis import example, given, settings, strategies as st

from bench.resolution_eval import corpus_names, evaluate, grouping, names_of, read_pairs, score
from kg.resolve import join_keys, normal_form, resolution_key, split_alias
from kg.resolve.keys import _RENAMED_RE, _not_abbreviated, _spelled_out, is_acronym, sense_of

from .conftest import BASE, CORPUS, SEED, TODAY

PAIRS = read_pairs()

words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ -'&", max_size=40)


@settings(deadline=None)  # the first call loads lemminflect's tables
@given(words)
@example("P-ES")  # (CI's find: "pes" in capitals, "PES", is the acronym PE's plural)
def test_normal_form_is_idempotent_and_ignores_case(text):
    once = normal_form(text.lower())
    assert normal_form(once) == once
    assert normal_form(text.title()) == once
    # (capitals ending in S: an acronym's plural, also once a hyphen joins them: "P-ES")
    if not any(re.search(r"[a-z]{2}s\b", form) for form in
               (text.lower(), re.sub(r"[-']", "", text.lower()))):
        assert normal_form(text.upper()) == normal_form(once.upper()) == once


def test_an_acronym_in_capitals_is_no_plural():
    # (a review's false joins: AIDS as aid, SARS as synthetic aperture radar)
    assert normal_form("AIDS") != normal_form("aid")
    assert normal_form("HIV/AIDS") == "hiv aids"
    assert normal_form("SARS Outbreak") != normal_form("SAR outbreak")
    assert normal_form("EVs") == normal_form("EV") == "ev"
    # (in capitals, a plural only in a name all in capitals: "CMBS" is no CMB's plural, a
    # cosmic microwave background, but commercial mortgage-backed securities: attack 110)
    assert normal_form("CMBS") == "cmbs" and normal_form("ACLS") == "acls"
    assert normal_form("SALES OF EVS") == "sale of ev"
    # (nor an acronym of its own the table lists: AIS, ships' identification system, is no
    # AIs; universe 35's false join)
    assert normal_form("AIS") == "ais" != normal_form("AIs")
    assert normal_form("BIS") != normal_form("BI") and normal_form("MLS") != normal_form("ML")
    assert normal_form("GENERATIVE AI AND LLMS") == normal_form("generative AI and LLMs")
    assert normal_form("NEW TOOLS") == normal_form("new tools") == "new tool"


def test_a_lone_letter_joins_the_next_word_but_keeps_its_possessive():
    # (a lone letter's "'s" was read as an elision, "Gen Z's" as "gen zs", so "Gen Z's
    # loneliness" and "Gen Z loneliness" were two nodes)
    assert normal_form("Gen Z's loneliness") == normal_form("Gen Z loneliness") == \
        "gen z loneliness"
    assert normal_form("Plan B\u2019s Budget") == normal_form("plan B budget") == "plan b budget"
    assert normal_form("Vitamin D's effects") == "vitamin d effect"
    # an elision joins its word after a space or a hyphen alike
    assert normal_form("Trompe-l'\u0153il") == normal_form("Trompe l'oeil") == \
        normal_form("trompe-loeil") == "trompe loeil"
    assert normal_form("Côte-d'Ivoire") == normal_form("Côte d'Ivoire") == "cote divoire"
    # and what it joined before, as before
    assert [normal_form(n) for n in ("e-commerce", "X-ray", "I/O", "3-D", "o'clock")] == \
        ["ecommerce", "xray", "io", "3d", "oclock"]
    assert normal_form("software-as-a-service") == "software as a service"
    assert normal_form("rock-'n'-roll") == normal_form("rock 'n' roll") == "rock n roll"


def _one_node(first: str, second: str) -> bool:
    """Whether two names alone in an archive are one node."""
    node = grouping([("keyword", first), ("keyword", second)])
    return node(first) == node(second)


# Attack 105's pairs (docs/resolution.md, section 8): what numbers and marks say.
NUMBERS_SAME = [("2% inflation", "2 percent inflation"), ("2% inflation", "2 per cent inflation"),
                ("1990s nostalgia", "1990's nostalgia"), ("80's", "'80s"),
                ("10,000 steps", "10000 steps"), ("ChatGPT\u2122", "ChatGPT"),
                ("10\u00d7 engineer", "10x engineer"), ("Moore\u00b4s Law", "Moore's Law"),
                ("Hawai\u02bbi", "Hawaii"), ("9-1-1", "911"), ("NG9-1-1", "NG911"),
                ("COVID-19", "Covid 19"), ("COVID 19", "COVID19"), ("3-D printing", "3D printing"),
                ("Co-op Funeralcare", "Coop Funeralcare"), ("Chat GPT", "ChatGPT")]
NUMBERS_APART = [("1.5 million", "15 million"), ("1.5°C target", "15°C target"),
                 ("GPT-3.5", "GPT-35"), ("1-2 years", "12 years"), ("1–2 years", "12 years"),
                 ("9/11", "911"), ("20/20 vision", "2020 vision"), ("-5°C", "5°C"),
                 ("\u22122% GDP growth", "2% GDP growth"), ("top 10%", "top 10"),
                 ("re-sign", "resign"), ("re-creation", "recreation"), ("re-lease", "release")]


@pytest.mark.parametrize("first, second", NUMBERS_SAME)
def test_a_number_or_mark_written_otherwise_is_one_node(first, second):
    assert _one_node(first, second)


@pytest.mark.parametrize("first, second", NUMBERS_APART)
def test_numbers_that_say_otherwise_stay_apart(first, second):
    # (each joined before: a decimal point, a range's dash, a minus sign and a percent
    # sign were dropped, and keys differing in spacing joined also between two numbers
    # and after a prefix making another word)
    assert not _one_node(first, second)


def test_british_spellings_of_words_the_spelling_table_lacks():
    assert [normal_form(n) for n in ("Customisable Dashboards", "Acknowledgement of Country",
                                     "Cheque Fraud", "Doughnut Economics",
                                     "Mum Influencers", "Dependant Care", "Focussed Attention")] == \
        [normal_form(n) for n in ("customizable dashboards", "acknowledgment of country",
                                  "check fraud", "donut economics",
                                  "mom influencers", "dependent care", "focused attention")]
    assert normal_form("advisable") == "advisable"
    # (not kerb: "kerb cuts" would meet the "curb-cut effect" universe 87 keeps apart,
    # as "curb cuts" already does)


@given(words, words)
def test_parentheses_give_name_and_alias(name, alias):
    if "(" in name + alias or ")" in name + alias or not name.strip() or not alias.strip() \
            or _RENAMED_RE.fullmatch(alias.strip()):  # ("X (aka Y)": RENAMED below)
        return
    if sense_of(f"{name} ({alias})"):  # ("Java (island)": the sense is part of the name)
        assert split_alias(f"{name} ({alias})") == (f"{name.strip()} {alias.strip()}", None)
        return
    # (the alias keeps the words the parenthesis does not stand for: "Rise of AI" of
    # "Rise of Artificial Intelligence (AI)")
    kept = _not_abbreviated(name.strip(), alias.strip())
    expected = (name.strip(), kept + alias.strip())
    if not is_acronym(alias.strip()) and _spelled_out(name.strip(), alias.strip()):
        expected = expected[::-1]  # ("VSM (Value Stream Mapping)": named by the long form)
    assert split_alias(f"{name} ({alias})") == expected
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
        "Rise of AI in AEC", "Rise of the IoT", "Use of GenAI in Schools",
        "Growth of EVs", "FPV Drones", "Gen AI", "GenAI Tools",
        "EQ Enhancement", "Bans on GenAI Tools", "Decline of AR/VR Headsets",
        "Adoption of Gen AI", "SaaS"]  # (the acronym's side: a long form names the node)


def test_a_name_joins_its_sense_in_parentheses_only_where_the_archive_gives_it_one():
    def node(names):
        joined = join_keys([("keyword", name) for name in names])
        return lambda name: joined.get(resolution_key(name), resolution_key(name))

    novel = ["Blindsight", "Blindsight (novel)", "Blindsight (Peter Watts novel)"]
    one = node(novel)
    assert len({one(name) for name in novel}) == 1
    two = node(novel + ["blindsight (neurology)"])  # (a sense of another kind)
    assert two("Blindsight (novel)") == two("Blindsight (Peter Watts novel)")
    assert len({two(name) for name in ("Blindsight", "Blindsight (novel)",
                                       "blindsight (neurology)")}) == 3
    assert node(["Java (island)", "Java (programming language)"])("Java (island)") != \
        node(["Java (island)", "Java (programming language)"])("Java (programming language)")
    who = node(["WHO", "World Health Organization (WHO)", "The Who (band)"])
    assert who("The Who (band)") != who("WHO")  # (a name the archive writes as an acronym)
    assert split_alias("Food Export Certification (Thai Select)")[1] == "Thai Select"


def test_a_company_with_its_legal_form_is_its_name_as_a_sense():
    def node(names):
        joined = join_keys([("keyword", name) for name in names])
        return lambda name: joined.get(resolution_key(name), resolution_key(name))

    calbee = ["Calbee", "Calbee, Inc.", "Calbee Inc", "Calbee Incorporated"]
    assert len({node(calbee)(name) for name in calbee}) == 1
    gemini = ["Gemini", "Gemini LLC", "Gemini (AI model)"]  # (an attack's namesake)
    assert len({node(gemini)(name) for name in gemini}) == 3
    porsche = ["Porsche", "Porsche Ltd", "Porsche GmbH"]  # (two forms: two companies)
    assert len({node(porsche)(name) for name in porsche}) == 3
    # (attack 92's: a bare name the archive writes inside a name of its own, or in lower
    # case, may be another thing than the company)
    for other, company, bare in (("Volvo Cars", "Volvo AB", "Volvo"),
                                 ("Hurricane Harvey", "Harvey Inc.", "Harvey"),
                                 ("crypto", "Crypto Inc.", "Crypto")):
        three = node([other, company, bare])
        assert three(company) != three(bare), company
    for apart in (["Visa Inc.", "visas"], ["Siemens Energy", "Siemens"], ["5G SA", "5G"],
                  ["The Pokémon Company", "Pokémon"], ["Australia Group", "Australia"],
                  ["Bjarke Ingels Group", "Bjarke Ingels"], ["UBS Inc.", "UBS"],
                  ["Reshoring Inc.", "Reshoring"], ["Nasa rocket", "Nasa"],
                  ["Japan Inc.", "Japan"], ["Siemens PLC", "Siemens"], ["iPhone SE", "iPhone"],
                  ["Bitcoin Holdings", "Bitcoin"], ["Linux malware", "Linux"],
                  # (attack 89's, of kinds tried and dropped)
                  ["Rwanda scheme", "Rwanda"], ["Kyiv hotel", "Kyiv"], ["Maori language", "Maori"],
                  ["Minsk Group", "Minsk"], ["Hamas rocket", "Hamas"], ["Madoff scheme", "Madoff"],
                  ["Pegasus constellation", "Pegasus"], ["Porsche SE", "Porsche AG"],
                  ["Bitcoin.com", "Bitcoin"], ["Harvey.ai", "Harvey"],
                  # (attack 100's, of names of two words, tried and dropped in the
                  # forty-ninth session: 80 of 171 traps joined)
                  ["Paul Smith Ltd", "Paul Smith"], ["Churchill Downs Inc.", "Churchill Downs"],
                  ["Greenland Minerals Ltd", "Greenland minerals"],
                  ["Thomas Cook Group plc", "Thomas Cook"],
                  # (attack 102's, of AG, Oyj, SA, Limited and Co. tried and dropped in
                  # the fiftieth session: 125 of 175 traps joined)
                  ["Fulton Co.", "Fulton"], ["Elizabeth SA", "Elizabeth"],
                  ["Tacoma Limited", "Tacoma"], ["Zurich AG", "Zurich"],
                  ["Orion Oyj", "Orion"], ["Schindler AG", "Schindler"],
                  ["Toto Limited", "Toto"], ["Xperia SA", "Xperia"]):
        assert node(apart)(apart[0]) != node(apart)(apart[1]), apart


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
    # nouns lemminflect knows only as verbs: their plurals are no third persons, but
    # neither "Mars" nor "savings" (a noun of its own) loses its s
    assert [resolution_key(n) for n in ("Climate Acts", "Hydroelectric Dams",
                                        "Wellness Retreats", "Political Adverts", "Detoxes",
                                        "Missions to Mars", "Retirement Savings")] == \
        ["climate act", "hydroelectric dam", "wellness retreat", "political advert", "detox",
         "mission to mars", "retirement savings"]
    assert resolution_key("Recycled Tins") != resolution_key("Recycled Tin")  # (cans)
    # ... at the end of a phrase: before another word such a form is a verb
    assert resolution_key("Synthetic biology lowers barriers") == \
        "synthetic biology lowers barrier"
    assert resolution_key("Jevons Paradox") == "jevons paradox"
    # arms of weapons keep their s before another word, wherever they stand; a robot's
    # are limbs
    assert resolution_key("Space Arms Race") == "space arms race" != \
        resolution_key("Robotic Arms Market")
    assert resolution_key("Robotic Arms Market") == resolution_key("robotic arm market")
    # a plural with a meaning of its own stays plural
    assert resolution_key("Securities Law") != resolution_key("Security Law")
    assert resolution_key("Digital Humanities") != resolution_key("Digital Humanity")


# Each blind batch's floors, as measured (its suffix in `case` -> tune precision,
# holdout precision, tune recall, holdout recall; None: not held on its own); all
# raised to the forty-third session's end, with and without the corpus.
_FLOORED = (("tune", "precision"), ("holdout", "precision"), ("tune", "recall"),
            ("holdout", "recall"))
BATCH_FLOORS = {
    # the eleventh and twelfth: a second run's names of real articles' things, a third
    # joined (0.571 / 0.324 and 0.421 / 0.278 recall, tune / holdout)
    "blind 11]": (None, None, 0.71, 0.59),
    "blind 12]": (None, None, 0.55, 0.47),
    # the thirteenth: traps written against the rules (0.522 / 0.607 precision before
    # the rules taken from its tune half)
    "helper 85]": (0.78, 0.93, 0.87, 0.79),
    # the fourteenth: traps written blind (0.567 / 0.505 precision when first measured,
    # 0.836 / 0.821 recall; two rules taken from its tune half since)
    "blind 14]": (0.63, 0.58, 0.91, 0.89),
    # the fifteenth: everyday variation and realistic traps, written blind (0.963 /
    # 1.000 precision, 0.634 / 0.577 recall when first measured, before the spacing,
    # measure and numeral rules of its session; XAI out of the table since: xAI, the
    # company, joined explainable AI)
    "blind 15]": (0.96, 0.99, 0.73, 0.69),
    # the sixteenth: a second run over real articles, as the eleventh (1.000 / 0.958
    # precision, 0.450 / 0.575 recall when first measured; rules from its tune half since)
    "blind 16]": (0.99, 0.99, 0.69, 0.69),
    # the seventeenth: a third run over real articles (0.923 / 1.000 precision, 0.300 /
    # 0.400 recall when first measured, alone)
    "blind 17]": (0.94, 0.99, 0.44, 0.54),
    # the eighteenth: everyday variation and traps, invented blind (1.000 / 1.000
    # precision, 0.625 / 0.615 recall when first measured, alone)
    "blind 18]": (0.99, 0.99, 0.77, 0.69),
    # the nineteenth: paraphrases and traps, invented blind (1.000 / 0.929 precision,
    # 0.205 / 0.232 recall when first measured, alone)
    "blind 19]": (0.99, 0.94, 0.24, 0.32),
    # the twentieth: a fourth run over real articles (0.933 / 1.000 precision, 0.438 /
    # 0.576 recall when first measured, alone)
    "blind 20]": (0.94, 0.99, 0.56, 0.66),
    # the twenty-first: everyday variation and traps, invented blind (0.955 / 0.955
    # precision, 0.382 / 0.382 recall when first measured, alone; rules from its tune
    # half since)
    "blind 21]": (0.99, 0.96, 0.70, 0.58),
    # the twenty-second: a fifth run over real articles (1.000 / 1.000 precision, 0.525 /
    # 0.350 recall when first measured, alone; rules from its tune half since)
    "blind 22]": (0.99, 0.99, 0.64, 0.52),
    # the twenty-third: a sixth run over real articles (1.000 / 1.000 precision, 0.575 /
    # 0.375 recall when first measured, alone; rules from its tune half since)
    "blind 23]": (0.99, 0.99, 0.79, 0.59),
    # the twenty-fourth: a seventh run over real articles, measured once at the end of the
    # session that wrote it (1.000 / 1.000 precision, 0.600 / 0.575 recall; 0.575 /
    # 0.575 with the code of that session's start)
    "blind 24]": (0.99, 0.99, 0.64, 0.72),
    # the twenty-fifth: an eighth run over real articles, a fifth of them driving-force
    # sentences (1.000 / 1.000 precision, 0.225 / 0.350 recall at the start of the
    # session that wrote it; 0.325 / 0.350 at its end, rules from its tune half; a little
    # lower alone)
    "blind 25]": (0.99, 0.99, 0.39, 0.47),
    # the twenty-sixth: everyday variation and traps, invented blind (1.000 / 0.967
    # precision, 0.582 / 0.527 recall with the code of the start of the session that
    # wrote it; 1.000 / 1.000, 0.618 / 0.509 at its end, alone)
    "blind 26]": (0.99, 0.99, 0.76, 0.59),
    # the twenty-seventh: a crowded universe of 2,657 invented names of 18 domains, written
    # blind (tests/data/universe-27-names.tsv), as pairs: its groups of one thing's names
    # and near misses sharing words (1.000 / 1.000 precision, 0.459 / 0.411 recall with
    # the code of the start of the session that wrote it, alone; 1.000 / 1.000, 0.534 /
    # 0.439 at its end)
    "universe 27]": (0.99, 0.99, 0.73, 0.63),
    # the twenty-eighth: a second crowded universe of 3,550 names of 29 domains, written
    # blind against the code of c805910 (tests/data/universe-28-names.tsv), as pairs
    # (1.000 / 0.994 precision, 0.321 / 0.297 recall at c805910, alone; 1.000 / 0.994,
    # 0.397 / 0.302 at the end of that session, rules from its tune half)
    "universe 28]": (0.99, 0.99, 0.65, 0.52),
    # the twenty-ninth: a third crowded universe of 3,838 names of 30 domains, written
    # blind against the session's rules at e37af6b (1.000 / 1.000 precision, 0.428 /
    # 0.421 recall, alone; 0.411 / 0.406 with the code of the session's start; 0.440 /
    # 0.421 at its end, a few lexicon rows from its tune half)
    "universe 29]": (0.99, 0.99, 0.69, 0.55),
    # the thirtieth: a fourth crowded universe of 3,153 names, written blind against the
    # session's final rules (93fb2a2), variant-heavy (58% of its groups of 2-4 names); no
    # rule taken from it (1.000 / 0.997 precision, 0.458 / 0.463 recall, alone)
    "universe 30]": (0.99, 0.99, 0.63, 0.57),
    # the thirty-first: a fifth crowded universe of 3,106 names, each group grown from a
    # real corpus name (1,474 of its 1,935 groups), written blind against the code of
    # 23029eb (1.000 / 0.997 precision, 0.675 / 0.730 recall then, alone; 1.000 / 0.995,
    # 0.778 / 0.750 at the session's end, rules from its tune half)
    "universe 31]": (0.99, 0.99, 0.83, 0.80),
    # the thirty-second: a sixth crowded universe of 3,113 names (729 groups grown from
    # corpus names, 314 invented, 480 near-miss lines), written blind against 1126ab1 and
    # measured once more at the session's end (0.988 / 0.996 precision, 0.447 / 0.454
    # recall with the code of the session's start, alone; 0.988 / 0.996, 0.462 / 0.468 at
    # its end before rules from its tune half; 0.990 / 0.996, 0.555 / 0.468 after)
    "universe 32]": (0.99, 0.99, 0.64, 0.61),
    # the thirty-third: a seventh universe, written blind against 49f2717; less the pairs
    # the file held already (0.995 / 0.995 precision, 0.354 / 0.333 recall then, alone)
    "universe 33]": (0.99, 0.99, 0.51, 0.42),
    # the thirty-fourth: an eighth, written blind against ce48e61; less the pairs the file
    # held already (0.993 / 0.997 precision, 0.428 / 0.427 recall then, alone)
    "universe 34]": (0.99, 0.99, 0.53, 0.51),
    # universe 35, written blind against b71e08b (the thirty-eighth session's end):
    # precision 1.000 / 1.000, recall 0.314 / 0.261 then
    "universe 35]": (0.99, 0.99, 0.52, 0.36),
    # universe 36, written blind against c5f4775 (most of the thirty-ninth session's
    # rules): precision 1.000 / 0.996, recall 0.424 / 0.411 then; 0.416 / 0.401 with the
    # code of the session's start
    "universe 36]": (0.99, 0.99, 0.56, 0.51),
    # the thirty-seventh (written blind against bab5efb): precision 1.000 / 1.000, recall
    # 0.215 / 0.237 then; 0.341 / 0.237 with lexicon rows from its tune half
    "universe 37]": (0.99, 0.99, 0.43, 0.29),
    # the thirty-eighth (written blind against 0b3aed9): precision 1.000 / 1.000, recall
    # 0.243 / 0.198 then; tune recall up with lexicon rows from its tune half
    "universe 38]": (0.99, 0.99, 0.55, 0.25),
    # the thirty-ninth (written blind against f884277): precision 1.000 / 1.000, recall
    # 0.366 / 0.311 then (0.362 / 0.309 with the code of the session's start)
    "universe 39]": (0.99, 0.99, 0.56, 0.36),
    # the fortieth (written blind against 6e41deb): precision 1.000 / 0.990, recall 0.263 /
    # 0.278 then; 0.271 / 0.284 with the forty-first session's rows written before it;
    # 0.421 / 0.295 at that session's end (rows from its tune half)
    "universe 40]": (0.99, 0.99, 0.44, 0.33),
    # the forty-first (written blind against 641014d): precision 1.000 / 1.000, recall
    # 0.167 / 0.236 with the code of the session's start, 0.181 / 0.242 with 3e44012;
    # 0.397 / 0.245 at the session's end (rows from its tune half)
    "universe 41]": (0.99, 0.99, 0.44, 0.29),
    # the forty-second (written blind against 6f77434): precision 0.993 / 0.992, recall
    # 0.304 / 0.323 then and with the forty-second session's first rows (e9abbbd); 0.491 /
    # 0.323 at that session's end (rows from its tune half)
    "universe 42]": (0.99, 0.99, 0.50, 0.36),
    # the forty-third (written blind against e373aa7): precision 0.994 / 0.994, recall
    # 0.397 / 0.432 with the code of the session's start, 0.397 / 0.437 with 14c34c1;
    # 0.547 / 0.435 at the session's end (rows from its tune half)
    "universe 43]": (0.99, 0.99, 0.58, 0.45),
    # the forty-fourth (written blind against eafe867): precision 1.000 / 1.000, recall
    # 0.240 / 0.224 with that code, 0.240 / 0.226 with 113e4df, before it was read
    "universe 44]": (0.99, 0.99, 0.29, 0.24),
    # the forty-fifth (written blind against eafe867): precision 0.987 / 1.000, recall
    # 0.161 / 0.198 with that code and with 113e4df
    "universe 45]": (0.98, 0.99, 0.20, 0.21),
    # the forty-sixth and forty-seventh (written blind during the forty-third session):
    # precision 1.000 / 1.000, recall 0.238 / 0.194 and 0.271 / 0.302 with eafe867, the
    # same or higher with 4d3b58e, before they were read
    "universe 46]": (0.99, 0.99, 0.24, 0.21),
    "universe 47]": (0.99, 0.99, 0.32, 0.31),
    # the forty-eighth and forty-ninth (written blind during the forty-fourth session):
    # precision 0.993 / 0.993 and 1.000 / 1.000, recall 0.272 / 0.283 and 0.334 / 0.273
    # with e4b3304, before they were read
    "universe 48]": (0.99, 0.99, 0.34, 0.30),
    "universe 49]": (0.99, 0.99, 0.37, 0.29),
    # the fiftieth: precision 1.000 / 0.989, recall 0.226 / 0.166 (0.164 without the
    # corpus) with e4b3304, before it was read
    "universe 50]": (0.99, 0.98, 0.28, 0.19),
    # the fifty-first: precision 1.000 / 1.000, recall 0.219 / 0.185 (0.181 without the
    # corpus) with e4b3304, before it was read
    "universe 51]": (0.99, 0.99, 0.29, 0.18),
    # the fifty-second: precision 1.000 / 1.000, recall 0.318 / 0.259 (0.316 / 0.265
    # without the corpus) with e4b3304, before it was read
    "universe 52]": (0.99, 0.99, 0.36, 0.26),
    # the fifty-third: precision 0.981 / 1.000 (0.980 without the corpus), recall 0.221 /
    # 0.210 (0.219 / 0.210) with e4b3304, before it was read
    "universe 53]": (0.98, 0.99, 0.27, 0.24),
    # the fifty-fourth and fifty-fifth: precision 1.000 / 1.000, recall 0.142 / 0.146
    # and 0.200 / 0.194 (0.198 / 0.192 without the corpus) with e4b3304, before they
    # were read
    "universe 54]": (0.99, 0.99, 0.22, 0.17),
    "universe 55]": (0.99, 0.99, 0.24, 0.20),
    # the fifty-seventh: precision 1.000 / 1.000, recall 0.232 / 0.236 (0.233 without
    # the corpus) with e4b3304, before it was read
    "universe 57]": (0.99, 0.99, 0.25, 0.24),
    # the fifty-sixth: precision 1.000 / 1.000, recall 0.196 / 0.251 (0.188 / 0.255
    # without the corpus) with e4b3304, before it was read
    "universe 56]": (0.99, 0.99, 0.19, 0.26),
    # the fifty-eighth to sixty-fourth, with e681e58, before they were read: precision
    # 0.978 / 0.975, 1.000 / 1.000 (59, 60, 61, 63), 1.000 / 0.990 (62), 1.000 / 0.989
    # (64); recall 0.282 / 0.259 (58), 0.290 / 0.327, 0.197 / 0.206, 0.162 / 0.161,
    # 0.307 / 0.236, 0.132 / 0.143, 0.225 / 0.179 (64)
    "universe 58]": (0.99, 0.99, 0.35, 0.25),
    "universe 59]": (0.99, 0.99, 0.34, 0.33),
    "universe 60]": (0.99, 0.99, 0.20, 0.20),
    "universe 61]": (0.99, 0.99, 0.17, 0.16),
    "universe 62]": (0.99, 0.98, 0.34, 0.23),
    "universe 63]": (0.99, 0.99, 0.17, 0.15),
    "universe 64]": (0.99, 0.98, 0.28, 0.19),
    # the sixty-fifth to sixty-eighth, with e681e58, before they were read: precision
    # 1.000 / 1.000, 1.000 / 1.000, 1.000 / 0.988, 0.991 / 0.990; recall 0.206 / 0.259,
    # 0.186 / 0.188, 0.189 / 0.193, 0.245 / 0.243; the sixty-ninth first with 4b92b4f
    # (e681e58 broke on one of its names): 1.000 / 1.000, 0.234 / 0.172
    "universe 65]": (0.99, 0.99, 0.24, 0.26),
    "universe 66]": (0.99, 0.99, 0.21, 0.19),
    "universe 67]": (0.99, 0.98, 0.19, 0.20),
    "universe 68]": (0.99, 0.98, 0.25, 0.24),
    "universe 69]": (0.99, 0.99, 0.23, 0.18),
    # the seventieth to seventy-fifth, with 33c143b, before they were read: precision
    # 1.000 / 0.991 (70), 1.000 / 1.000 (71, 72, 74), 1.000 / 0.975 (73), 1.000 / 0.989
    # (75); recall 0.256 / 0.233, 0.225 / 0.257, 0.155 / 0.161, 0.256 / 0.271, 0.298 /
    # 0.324, 0.225 / 0.204 (the lower of with and without the corpus)
    "universe 70]": (0.99, 0.99, 0.28, 0.23),
    "universe 71]": (0.99, 0.99, 0.24, 0.26),
    "universe 72]": (0.99, 0.99, 0.15, 0.16),
    "universe 73]": (0.99, 0.97, 0.28, 0.28),
    "universe 74]": (0.99, 0.99, 0.30, 0.32),
    "universe 75]": (0.99, 0.98, 0.24, 0.20),
    # the seventy-sixth to seventy-ninth, with 33c143b, before they were read: precision
    # 1.000 / 0.991 (76), 1.000 / 1.000 (77, 78), 0.977 / 0.972 (79); recall 0.252 /
    # 0.214, 0.179 / 0.232, 0.196 / 0.226, 0.214 / 0.211
    "universe 76]": (0.99, 0.99, 0.30, 0.22),
    "universe 77]": (0.99, 0.99, 0.22, 0.23),
    "universe 78]": (0.99, 0.99, 0.20, 0.23),
    "universe 79]": (0.98, 0.97, 0.27, 0.22),
    "universe 80]": (0.98, 0.99, 0.30, 0.25),
    "universe 81]": (0.99, 0.99, 0.29, 0.27),
    "universe 82]": (0.99, 0.98, 0.27, 0.28),
    "universe 83]": (0.99, 0.99, 0.18, 0.17),
    "universe 84]": (0.99, 0.99, 0.20, 0.20),
    "universe 85]": (0.99, 0.99, 0.21, 0.17),
    "universe 86]": (0.99, 0.99, 0.23, 0.19),
    "universe 87]": (0.99, 0.97, 0.23, 0.31),
    "universe 88]": (0.99, 0.99, 0.20, 0.23),
    "universe 89]": (0.99, 0.99, 0.24, 0.33),
    "universe 90]": (0.98, 0.98, 0.17, 0.17),
    "universe 91]": (0.98, 0.98, 0.31, 0.26),
    "universe 92]": (0.99, 0.99, 0.24, 0.27),
    "universe 93]": (0.98, 0.99, 0.23, 0.24),
    # universes 94-99, measured with 0b3758e (the forty-eighth session's start) before
    # they were read
    "universe 94]": (0.99, 0.99, 0.29, 0.25),
    "universe 95]": (0.99, 0.99, 0.23, 0.25),
    "universe 96]": (0.99, 0.99, 0.37, 0.39),
    "universe 97]": (0.98, 0.99, 0.26, 0.24),
    "universe 98]": (0.99, 0.99, 0.29, 0.28),
    "universe 99]": (0.99, 0.99, 0.22, 0.22),
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
    # (the fourteenth batch, traps written blind against the rules, counted apart: its
    # figures are its own, below; every row is decided among every labelled name, one
    # join serving both flows)
    everything = names_of(PAIRS, names)
    joined = join_keys(everything)
    every = score(PAIRS, grouping(everything, joined=joined))
    reviewed = score(PAIRS, grouping(everything, review=True, joined=joined))
    plain = score([r for r in PAIRS if not r["case"].endswith("blind 14]")],
                  grouping(everything, joined=joined))
    before = evaluate(PAIRS[:1386], names)  # (the rows before that batch)
    for split in ("tune", "holdout"):
        assert plain[split].precision >= 0.96, plain[split].wrong
        assert before[split].precision >= 0.97, before[split].wrong
        assert reviewed[split].precision >= every[split].precision, reviewed[split].wrong
        assert reviewed[split].recall >= every[split].recall
    if names:
        later = tuple(BATCH_FLOORS)  # (the rows before the eleventh batch)
        before_eleventh = evaluate([r for r in PAIRS if not r["case"].endswith(later)], names)
        assert before_eleventh["tune"].recall >= 0.66 and before_eleventh["holdout"].recall >= 0.70
        for batch, floors in BATCH_FLOORS.items():
            batch_scores = evaluate([r for r in PAIRS if r["case"].endswith(batch)], names)
            for (split, measure), floor in zip(_FLOORED, floors):
                if floor is not None:
                    assert getattr(batch_scores[split], measure) >= floor, (batch, split, measure)
        # (the tune rows before the tenth batch, whose 236 same pairs mix two or three
        # kinds of variation at once and are a quarter joined)
        earlier = evaluate([r for r in PAIRS if "two runs 10]" not in r["case"]
                            and not r["case"].endswith(later)], names)
        assert earlier["tune"].recall >= 0.82


# Each crowded universe's floors: tune and holdout precision, tune and holdout recall, held
# with the corpus' names as evidence and without them (as CI runs). Raised at the end of
# the forty-third session, whose rules and rows joined more of each (bench/RESULTS.md).
UNIVERSE_FLOORS = {
    # measured with the code of the start of the session that wrote it: precision 0.996 /
    # 0.987, recall 0.510 / 0.454 (tune / holdout groups, every pair of names); 1.000 /
    # 1.000, 0.585 / 0.487 at its end
    "universe-27-names.tsv": (0.99, 0.99, 0.76, 0.66),
    # written against that session's later code (c805910): precision 0.986, recall 0.377
    # over all its groups as written; tune / holdout 0.992 / 0.982, 0.469 / 0.372 at the
    # session's end (rules from its tune half)
    "universe-28-names.tsv": (0.99, 0.98, 0.68, 0.58),
    # written against the session's rules at e37af6b: precision 1.000 / 0.998, recall
    # 0.466 / 0.469 with the code of the session's start, 0.499 / 0.502 at its end (a few
    # lexicon rows from its tune half)
    "universe-29-names.tsv": (0.99, 0.99, 0.75, 0.64),
    # written against the session's final rules (93fb2a2), nothing taken from it:
    # precision 0.989 / 0.984, recall 0.531 / 0.533 (its writer counts 4 of its 15 false
    # pairs as its own wrong labels)
    "universe-30-names.tsv": (0.99, 0.98, 0.71, 0.67),
    # grown from real corpus names, written blind against 23029eb: precision 1.000 /
    # 0.981, recall 0.693 / 0.737 then; 1.000 / 0.982, 0.725 / 0.743 at the session's end
    # (rules from its tune half)
    "universe-31-names.tsv": (0.99, 0.98, 0.84, 0.83),
    # written blind against 1126ab1: precision 0.988 / 0.985, recall 0.575 / 0.584 with
    # the code of the session's start; 0.989 / 0.986, 0.598 / 0.603 at its end (5 of its 7
    # tune false pairs its writer's wrong labels, kept as written); 0.990 / 0.983, 0.676 /
    # 0.604 after rules and lexicon rows from its tune half
    "universe-32-names.tsv": (0.99, 0.99, 0.76, 0.74),
    # written blind against 49f2717 (the thirty-eighth session's start): precision 0.970
    # / 0.980, recall 0.486 / 0.481 then; 0.971 / 0.981, 0.495 / 0.494 with the session's
    # rules written before it was read
    "universe-33-names.tsv": (0.99, 0.99, 0.64, 0.60),
    # written blind against ce48e61 (most of the thirty-eighth session's rules): precision
    # 0.985 / 0.990, recall 0.537 / 0.538 then; 0.981 / 0.990, 0.530 / 0.529 with the
    # code of the session's start
    "universe-34-names.tsv": (0.98, 0.99, 0.65, 0.66),
    # written blind against b71e08b (the thirty-eighth session's end), synonyms most of
    # what it holds apart: precision 0.988 / 0.995, recall 0.391 / 0.335 then; 0.394 /
    # 0.340 with the thirty-ninth session's rules written before it was read
    "universe-35-names.tsv": (0.99, 0.99, 0.58, 0.45),
    # written blind against c5f4775 (most of the thirty-ninth session's rules): precision
    # 0.993 / 0.973 (its writer counts about 10 of its groups wrong), recall 0.498 / 0.475
    # then; 0.993 / 0.972, 0.490 / 0.461 with the code of the session's start
    "universe-36-names.tsv": (0.99, 0.97, 0.64, 0.59),
    # written blind against bab5efb (the thirty-ninth session's end), topics the others
    # rarely hold, keywords half its names: precision 0.997 / 0.997, recall 0.360 / 0.384
    # then; 0.470 / 0.384 with lexicon rows from its tune half (an attack took 7 back)
    "universe-37-names.tsv": (0.99, 0.99, 0.57, 0.47),
    # written blind against 0b3aed9 (most of the fortieth session's rules), a typical
    # archive's mix of topics and types: precision 1.000 / 1.000, recall 0.417 / 0.361
    # then; tune recall up with lexicon rows from its tune half, holdout 0.359
    "universe-38-names.tsv": (0.99, 0.99, 0.69, 0.44),
    # written blind against f884277 (the fortieth session's rules and rows), half grown
    # from corpus names: precision 0.998 / 0.993, recall 0.552 / 0.545 then (0.536 /
    # 0.539 with the code of the session's start)
    "universe-39-names.tsv": (0.99, 0.99, 0.72, 0.61),
    # written blind against 6e41deb (the fortieth session's end), half grown from corpus
    # names: precision 0.994 / 0.998, recall 0.520 / 0.554 then; 0.545 / 0.577 with the
    # forty-first session's rows written before it was read; 0.644 / 0.586 at its end
    "universe-40-names.tsv": (0.99, 0.99, 0.67, 0.64),
    # written blind against 641014d (the forty-first session's first rows), the everyday
    # topics of an archive: precision 0.998 / 0.979, recall 0.462 / 0.512 with the code of
    # the session's start (6e41deb); 0.998 / 0.980, 0.495 / 0.535 with 3e44012; 0.650 /
    # 0.547 at the session's end (rows from its tune half)
    "universe-41-names.tsv": (0.99, 0.98, 0.69, 0.60),
    # written blind against 6f77434 (the forty-first session's end), half grown from corpus
    # names, keywords 60% of its names: precision 0.993 / 0.989, recall 0.536 / 0.611
    # then; 0.546 / 0.618 with the forty-second session's first rows (e9abbbd), before
    # it was read; 0.994 / 0.989, 0.661 / 0.625 at that session's end
    "universe-42-names.tsv": (0.99, 0.99, 0.68, 0.65),
    # written blind against e373aa7 (the forty-second session's first three batches),
    # health, education, culture, nature, society; traps 45% of its names: precision
    # 0.970 / 0.986, recall 0.617 / 0.620 with the code of the session's start; 0.971 /
    # 0.987, 0.627 / 0.638 with 14c34c1, before it was read; 0.984 / 0.991, 0.724 / 0.640
    # at the session's end (a name's sense in parentheses kept apart, rows from its tune half)
    "universe-43-names.tsv": (0.98, 0.99, 0.74, 0.67),
    # written blind against eafe867 (the forty-second session's end), energy, computing,
    # finance, geopolitics, mobility; keywords 38% of its names: precision 1.000 / 1.000,
    # recall 0.503 / 0.458 then; 0.503 / 0.460 with 113e4df, before it was read
    "universe-44-names.tsv": (0.99, 0.99, 0.55, 0.48),
    # written blind against eafe867, work, housing, society, law, land and food, space:
    # precision 0.995 / 0.994, recall 0.399 / 0.483 then; 0.401 / 0.485 with 113e4df
    "universe-45-names.tsv": (0.99, 0.99, 0.45, 0.51),
    # written blind during the forty-third session (code at 56379ae), health, education,
    # culture, digital life: precision 0.977 / 0.998, recall 0.430 / 0.411 with eafe867
    # and with 4d3b58e, before it was read
    "universe-46-names.tsv": (0.97, 0.99, 0.45, 0.43),
    # ... security, climate impacts, infrastructure, management, research: precision 0.984
    # / 0.998, recall 0.444 / 0.473 with eafe867, 0.446 / 0.480 with 4d3b58e
    "universe-47-names.tsv": (0.98, 0.99, 0.49, 0.49),
    # written blind during the forty-fourth session, food, transport, space, population:
    # precision 0.990 / 0.996, recall 0.504 / 0.480 with e4b3304, before it was read
    "universe-48-names.tsv": (0.99, 0.99, 0.56, 0.50),
    # ... AI, media, environment, economy, law: precision 0.996 / 1.000, recall 0.552 /
    # 0.546 with e4b3304 (0.547 / 0.546 without the corpus), before it was read
    "universe-49-names.tsv": (0.99, 0.99, 0.59, 0.56),
    # ... work, retail, health, cities: precision 1.000 / 0.995, recall 0.435 / 0.402
    # with e4b3304, before it was read
    "universe-50-names.tsv": (0.99, 0.99, 0.48, 0.43),
    # ... technology and society, culture, energy policy, geopolitics: precision 1.000 /
    # 1.000, recall 0.482 / 0.490 with e4b3304, before it was read
    "universe-51-names.tsv": (0.99, 0.99, 0.54, 0.50),
    # ... science, finance, education, tourism: precision 0.987 / 0.995, recall 0.560 /
    # 0.556 with e4b3304, before it was read
    "universe-52-names.tsv": (0.98, 0.99, 0.60, 0.57),
    # ... AI in business, the future of work, ESG, foresight practice, digital culture:
    # precision 0.988 / 1.000, recall 0.434 / 0.466 with e4b3304, before it was read
    "universe-53-names.tsv": (0.98, 0.99, 0.47, 0.49),
    # ... manufacturing, cities and infrastructure, food systems, oceans and space:
    # precision 0.990 / 0.995, recall 0.418 / 0.428 with e4b3304, before it was read
    "universe-54-names.tsv": (0.99, 0.99, 0.48, 0.45),
    # ... generative AI and media, politics, household finance, wellbeing: precision
    # 1.000 / 0.993, recall 0.401 / 0.424 with e4b3304, before it was read (0.993 /
    # 0.993 with 6471cf3: its labels of WFH and pension age, see the criteria)
    "universe-55-names.tsv": (0.99, 0.99, 0.44, 0.44),
    # ... consumer culture, work and skills, climate and nature, society: precision
    # 0.992 / 0.994, recall 0.553 / 0.516 with e4b3304, before it was read
    "universe-57-names.tsv": (0.99, 0.99, 0.57, 0.54),
    # ... AI safety, cybersecurity, public health and biotech, trade: precision 0.993 /
    # 1.000, recall 0.424 / 0.468 with e4b3304, before it was read
    "universe-56-names.tsv": (0.99, 0.99, 0.43, 0.48),
    # ... health and care, defence, retail and food service, religion and identity:
    # precision 0.961 / 0.985, recall 0.497 / 0.454 with e681e58, before it was read
    # (0.970 / 0.993 with 8ed633f: a health or care system is no care)
    "universe-58-names.tsv": (0.97, 0.99, 0.55, 0.45),
    # ... energy hardware, law and rights, family and childhood, sport: precision 0.982 /
    # 0.995, recall 0.506 / 0.549 with e681e58, before it was read
    "universe-59-names.tsv": (0.98, 0.99, 0.53, 0.56),
    # ... cities, platforms, agriculture and water, development: precision 1.000 / 1.000,
    # recall 0.398 / 0.415 with e681e58, before it was read
    "universe-60-names.tsv": (0.99, 0.99, 0.40, 0.43),
    # ... computing, transport, mental health, arts and design: precision 0.997 / 0.998,
    # recall 0.398 / 0.413 with e681e58, before it was read
    "universe-61-names.tsv": (0.99, 0.99, 0.41, 0.42),
    # ... money, climate impacts, science, government: precision 0.996 / 0.992, recall
    # 0.507 / 0.513 with e681e58, before it was read
    "universe-62-names.tsv": (0.99, 0.99, 0.53, 0.52),
    # ... biotech, consumer technology, labour, geopolitics: precision 0.995 / 1.000,
    # recall 0.410 / 0.390 with e681e58, before it was read
    "universe-63-names.tsv": (0.99, 0.99, 0.44, 0.40),
    # ... materials and housing, food futures, education futures, security and crime:
    # precision 0.985 / 0.985, recall 0.425 / 0.404 with e681e58, before it was read
    "universe-64-names.tsv": (0.99, 0.98, 0.47, 0.41),
    # ... creative industries, mobility and tourism, water, demographics: precision 0.990
    # / 0.992, recall 0.492 / 0.507 with e681e58, before it was read
    "universe-65-names.tsv": (0.99, 0.99, 0.52, 0.52),
    # ... digital economy, energy security, urban life, youth: precision 0.994 / 0.994,
    # recall 0.485 / 0.495 with e681e58, before it was read
    "universe-66-names.tsv": (0.99, 0.99, 0.51, 0.51),
    # ... frontier science, labour, food, trust and information: precision 1.000 / 0.998,
    # recall 0.437 / 0.444 with e681e58, before it was read
    "universe-67-names.tsv": (0.99, 0.99, 0.45, 0.45),
    # ... corporate foresight, health technology, climate policy, culture: precision
    # 0.992 / 0.994, recall 0.480 / 0.491 with e681e58, before it was read
    "universe-68-names.tsv": (0.99, 0.99, 0.49, 0.49),
    # ... geopolitics, consumer finance, the built environment, ageing and care: first
    # measured with 4b92b4f (e681e58 broke on its name "rate rises"): precision 0.987 /
    # 0.989, recall 0.468 / 0.381
    "universe-69-names.tsv": (0.98, 0.98, 0.47, 0.40),
    # ... the space economy, retail logistics, youth culture: precision 0.996 / 0.982,
    # recall 0.439 / 0.465 with 33c143b, before it was read
    "universe-70-names.tsv": (0.99, 0.98, 0.45, 0.46),
    # ... AI infrastructure, government and public services, sport: precision 0.996 /
    # 0.996, recall 0.473 / 0.499 with 33c143b, before it was read
    "universe-71-names.tsv": (0.99, 0.99, 0.48, 0.51),
    # ... drug development, demographics, media and journalism: precision 0.997 / 1.000,
    # recall 0.366 / 0.357 with 33c143b, before it was read
    "universe-72-names.tsv": (0.99, 0.99, 0.37, 0.36),
    # ... the circular economy, the car industry, crime and justice: precision 0.998 /
    # 0.983, recall 0.487 / 0.505 with 33c143b, before it was read
    "universe-73-names.tsv": (0.99, 0.98, 0.50, 0.51),
    # ... civil society, nature and biodiversity, emerging markets: precision 0.990 /
    # 1.000, recall 0.494 / 0.512 with 33c143b, before it was read
    "universe-74-names.tsv": (0.98, 0.99, 0.50, 0.51),
    # ... robotics, wellbeing and lifestyle, trade: precision 0.983 / 0.993, recall 0.464
    # / 0.478 with 33c143b, before it was read
    "universe-75-names.tsv": (0.98, 0.99, 0.47, 0.48),
    # ... insurance and risk, the music industry, parenting: precision 0.966 / 0.998,
    # recall 0.448 / 0.442 with 33c143b, before it was read
    "universe-76-names.tsv": (0.96, 0.99, 0.48, 0.45),
    # ... oceans and shipping, higher education, cybercrime: precision 0.980 / 0.993,
    # recall 0.396 / 0.433 with 33c143b, before it was read
    "universe-77-names.tsv": (0.98, 0.99, 0.42, 0.43),
    # ... hydrogen and nuclear, fashion and beauty, local democracy: precision 0.988 /
    # 0.998, recall 0.395 / 0.416 with 33c143b, before it was read
    "universe-78-names.tsv": (0.99, 0.99, 0.40, 0.42),
    # ... mobility services, the attention economy, agriculture technology: precision
    # 0.992 / 0.991, recall 0.441 / 0.436 with 33c143b, before it was read
    "universe-79-names.tsv": (0.99, 0.99, 0.47, 0.44),
    "universe-80-names.tsv": (0.99, 0.99, 0.44, 0.43),
    "universe-81-names.tsv": (0.97, 0.98, 0.47, 0.45),
    "universe-82-names.tsv": (0.99, 0.97, 0.48, 0.47),
    "universe-83-names.tsv": (0.98, 0.96, 0.29, 0.29),
    "universe-84-names.tsv": (0.99, 0.98, 0.40, 0.38),
    "universe-85-names.tsv": (0.99, 0.99, 0.41, 0.36),
    "universe-86-names.tsv": (0.98, 0.99, 0.46, 0.48),
    "universe-87-names.tsv": (0.99, 0.98, 0.53, 0.52),
    "universe-88-names.tsv": (0.99, 0.98, 0.31, 0.36),
    "universe-89-names.tsv": (0.99, 0.99, 0.48, 0.51),
    "universe-90-names.tsv": (0.96, 0.98, 0.39, 0.41),
    "universe-91-names.tsv": (0.98, 0.98, 0.47, 0.41),
    "universe-92-names.tsv": (0.99, 0.99, 0.51, 0.49),
    "universe-93-names.tsv": (0.98, 0.97, 0.42, 0.44),
    # ... quantum computing, semiconductors, satellite internet: precision 0.977 / 0.988,
    # recall 0.453 / 0.423 with 0b3758e, before it was read
    "universe-94-names.tsv": (0.97, 0.98, 0.46, 0.42),
    # ... pollinators, soil health, forestry: precision 0.995 / 1.000,
    # recall 0.397 / 0.386 with 0b3758e, before it was read
    "universe-95-names.tsv": (0.99, 0.99, 0.39, 0.38),
    # ... personal data, digital identity, ad tech: precision 0.996 / 0.996,
    # recall 0.554 / 0.575 with 0b3758e, before it was read
    "universe-96-names.tsv": (0.99, 0.99, 0.57, 0.57),
    # ... dating, friendship, parenting teenagers: precision 0.976 / 0.997,
    # recall 0.354 / 0.352 with 0b3758e, before it was read
    "universe-97-names.tsv": (0.97, 0.99, 0.36, 0.35),
    # ... supply chains, critical minerals, logistics technology: precision 0.992 / 0.996,
    # recall 0.517 / 0.492 with 0b3758e, before it was read
    "universe-98-names.tsv": (0.99, 0.99, 0.52, 0.49),
    # ... longevity, wearables, sleep and nutrition: precision 0.995 / 0.987,
    # recall 0.444 / 0.451 with 0b3758e, before it was read
    "universe-99-names.tsv": (0.99, 0.98, 0.45, 0.45),
    # the forty-ninth session's, written blind: elections, populism and protest:
    # precision 0.990 / 0.994, recall 0.662 / 0.661 with 9eaedd1, before it was read;
    # 0.991 / 0.994, 0.689 / 0.661 at the session's end
    "universe-100-names.tsv": (0.99, 0.99, 0.68, 0.66),
    # ... film, television and streaming, books and publishing, podcasts: precision
    # 0.960 / 0.990, recall 0.385 / 0.386 with 9eaedd1, before it was read; 0.965 /
    # 0.990, 0.417 / 0.389 at the session's end
    "universe-101-names.tsv": (0.96, 0.98, 0.41, 0.38),
    # ... vaping, tobacco and drug policy, weight-loss drugs, vaccines: precision
    # 0.988 / 0.987, recall 0.593 / 0.604 with 9eaedd1, before it was read; 0.986 /
    # 0.987, 0.647 / 0.607 at the session's end
    "universe-102-names.tsv": (0.98, 0.98, 0.64, 0.60),
    # the fiftieth session's, written blind: aviation, airports, drones and air taxis:
    # precision 0.991 / 0.992, recall 0.518 / 0.480 with 6a86e69, before it was read;
    # 0.991 / 0.992, 0.543 / 0.483 at the session's end
    "universe-103-names.tsv": (0.99, 0.99, 0.54, 0.48),
    # ... journalism and news media, advertising and marketing, public relations:
    # precision 1.000 / 0.997, recall 0.550 / 0.554 with 6a86e69, before it was read;
    # 1.000 / 0.997, 0.578 / 0.554 at the session's end
    "universe-104-names.tsv": (0.99, 0.99, 0.57, 0.55),
    # ... fashion and textiles, beauty and skincare, luxury goods and resale: precision
    # 0.986 / 0.987, recall 0.630 / 0.586 with 6a86e69, before it was read; 0.987 /
    # 0.987, 0.665 / 0.586 at the session's end
    "universe-105-names.tsv": (0.98, 0.98, 0.66, 0.58),
    # ... and mid-session: defence, the arms industry, cyber and information warfare:
    # precision 0.988 / 0.986, recall 0.380 / 0.377 with cc63fca (and 6a86e69), before
    # it was read; 0.990 / 0.986, 0.398 / 0.377 at the session's end
    "universe-106-names.tsv": (0.98, 0.98, 0.39, 0.37),
    # ... video games and esports, virtual worlds, toys and collectibles: precision
    # 0.991 / 0.987, recall 0.521 / 0.584 with cc63fca (and 6a86e69), before it was
    # read; 0.991 / 0.987, 0.526 / 0.584 at the session's end
    "universe-107-names.tsv": (0.99, 0.98, 0.52, 0.58),
    # ... telecommunications and spectrum, broadband and satellite internet, undersea
    # cables and internet governance: precision 0.986 / 0.969, recall 0.514 / 0.487
    # with cc63fca (and 6a86e69), before it was read; 0.990 / 0.978, 0.520 / 0.485 at
    # the session's end
    "universe-108-names.tsv": (0.98, 0.97, 0.51, 0.48),
}


def test_crowded_universes_of_names_hold_precision():
    """tests/data/universe-*-names.tsv, each resolved at once (bench/universe_eval.py):
    every name may meet any other, as in an archive of thousands."""
    from bench.universe_eval import UNIVERSES, evaluate_files

    assert {path.name for path in UNIVERSES} == set(UNIVERSE_FLOORS)
    names = corpus_names([CORPUS, SEED])
    for path, _, scores in evaluate_files(UNIVERSES, names):
        for (split, measure), floor in zip(_FLOORED, UNIVERSE_FLOORS[path.name]):
            assert getattr(scores[split], measure) >= floor, (path.name, split, measure)


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
    with ThreadPoolExecutor(1) as pool:  # (the other process joins meanwhile)
        other = pool.submit(_joins_with_hash_seed, labelled, "1")
        joined = sorted(join_keys(labelled).items())
        assert len(joined) > 1000
        assert other.result() == joined


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
