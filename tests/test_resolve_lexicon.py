"""kg's word tables (kg/lexicon/*.csv): each keeps the rules it was made by."""

from __future__ import annotations

from pathlib import Path

from .conftest import node_of


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
    from kg.resolve.keys import _lemmas, _lexicon_rows, lemma, plural_rule

    rows = [noun for noun, in _lexicon_rows("noun-lemmas.csv")]
    assert len(rows) == 2149 and rows == sorted(set(rows))
    verbs = 0
    for noun in rows:
        assert noun.isalpha() and noun.islower()
        if _lemmas(noun, "VERB") and not _lemmas(noun, "NOUN"):
            # a noun lemminflect knows only as a verb: its plural reads as the verb
            verbs += 1
            plural = noun + ("es" if noun.endswith(("x", "z", "ch", "sh")) else "s")
            assert _lemmas(plural, "VERB")[:1] == (noun,) and lemma(plural) == noun
            continue
        assert not any(_lemmas(noun, pos) for pos in ("NOUN", "VERB", "ADJ", "ADV"))
        plural = noun if noun.endswith("s") else noun + ("es" if noun.endswith("o") else "s")
        assert plural_rule(plural) != noun
    assert verbs == 295


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


def test_every_synonyms_row_joins_its_variant_to_its_preferred_wording():
    # (a row whose preferred wording is an acronym, "forever chemical,PFAS", joined
    # nothing until an acronym's key met the long names read as it whole; a variant of
    # two rows, "flygskam", kept the second only)
    from kg.resolve.join import join_keys
    from kg.resolve.keys import _lexicon_rows, resolution_key

    rows = [(variant.removeprefix("="), preferred)
            for variant, preferred in _lexicon_rows("synonyms.csv") if variant != preferred]
    assert len(rows) > 1000
    apart = []
    for variant, preferred in rows:
        joined = join_keys([("keyword", variant), ("keyword", preferred)])
        first, second = resolution_key(variant), resolution_key(preferred)
        if joined.get(first, first) != joined.get(second, second):
            apart.append((variant, preferred))
    assert apart == []
    variants = [variant.lower() for variant, _ in _lexicon_rows("synonyms.csv")]
    assert len(variants) == len(set(variants))
