"""Wordings: the forms a key shares with the other wordings of the same thing
(`signatures`): word order ("X in Y" / "Y X"), prepositions, growth and decline,
derivations (an adjective and its noun, an -ing word and its nominalisation),
generic last words, numbers and the lexicon's synonyms. Each rule is a small
function of a key's words, registered by name in `RULES`; its docstring and the
comments of the word lists it reads name the false joins reviews found against it.
The rules live in modules by topic (`order`, `trends`, `compounds`, `gerunds`,
`adjectives`), the words several of them read in `words`, names written as sentences
in `headlines`. `join_keys` joins keys that share a form.
"""

from __future__ import annotations

import re
from typing import Callable

from ..keys import _LONGEST_NAME, _ics_adjective, _noun_lemmas
from ..lexicon import lexicon
from .words import (_Forms, _NOUNS_OF, _WORD_VARIANTS, _Name, _adjective, _lengthened, _place,
                    _temperatures, _time_numbers, _TREND_NOUNS, _erosion_as_decline,
                    _evolving_as_changing,
                    _trend_word, _trend_word_before_one, _use_as_itself, _participle_as_act,
                    _against_as_on, _use_in_as_in,
                    _rate_as_itself)
from .order import (_ORDER_WORDS, against_from_with, and_either_way, aspect_of_the,
                    between, cross_as_across, driven_by, facing_as_for, in_context, in_dropped,
                    in_kind_of_place,
                    of_what_by_whom, one_preposition_for_another,
                    reordered_around_preposition, toward_as_to, under_as_to, where_first)
from .trends import (emergence_as_rise, growing_attention, growth_as_rise, on_the_rise,
                     popularity_as_rise, return_as_revival, shift_as_change,
                     trend_of_a_phrase)
from .compounds import (adverb_after_an_act, ai_generated_media, anti_backlash, cardinal_numbers,
                        city_as_urban, concern_word, digital_as_online, european_as_eu,
                        farm_as_agricultural, gaming_as_games, generic_last_word,
                        healthcare_as_health, induced_as_from, last_word_variant,
                        link_word_dropped, medium_either_place, online_last, ordinal_numbers,
                        scam_as_fraud, sector_as_industry, tie_either_way, town_of, v_as_versus)
from .gerunds import (act_last, activity_first, doer_doing, gerund_after_a_preposition,
                      gerund_as_noun)
from .adjectives import (adjective_as_noun, adjective_of_an_impact, e_prefix,
                         modifier_as_noun, place_possessive, quality_last, sex_as_people)
from .headlines import (_bankruptcy_filed, _change_headline, _headline_as_phrase,
                        _headline_before_where,
                        _inner_articles_dropped, _passive_as_active, _progressive_as_simple,
                        sentence_words)

__all__ = ["RULES", "normal_words", "signatures"]

# The wording rules, by name: each adds the forms it reads in a key's words (to sets:
# their order does not matter). Each has an example in tests/test_resolve_wordings.py's
# RULE_EXAMPLES, which fails for a rule without one.
RULES: dict[str, Callable[[_Name, _Forms], None]] = {rule.__name__: rule for rule in (
    reordered_around_preposition, between, driven_by, and_either_way, in_dropped,
    against_from_with, toward_as_to, one_preposition_for_another, aspect_of_the, in_context,
    generic_last_word, tie_either_way, town_of, v_as_versus, ai_generated_media,
    induced_as_from,
    link_word_dropped,
    growth_as_rise, shift_as_change, cardinal_numbers, ordinal_numbers, concern_word,
    gerund_as_noun, adjective_as_noun, adjective_of_an_impact, quality_last, modifier_as_noun,
    place_possessive, e_prefix, on_the_rise, doer_doing, where_first, of_what_by_whom,
    cross_as_across, trend_of_a_phrase, gerund_after_a_preposition, medium_either_place,
    act_last, in_kind_of_place, popularity_as_rise, return_as_revival, activity_first,
    online_last, adverb_after_an_act, facing_as_for, sex_as_people, last_word_variant,
    anti_backlash, emergence_as_rise, digital_as_online, european_as_eu, sector_as_industry,
    scam_as_fraud, growing_attention, under_as_to, gaming_as_games, city_as_urban,
    healthcare_as_health, farm_as_agricultural)}
# Words a rule reorders a name around: `signatures` reads the forms of a name's
# other forms too ("then_reordered") only when it holds one (a new reordering rule adds
# its word here).
_REORDERING = _ORDER_WORDS | {"and", "between", "by", "on", "in", "under"}
# (not every -ical: economical, historical, classical, political are other words)
# (nor "biological": biologicals are farm inputs, biologics drugs; a review's false joins)
_LEARNED_ICAL_RE = re.compile(r"\B(?<!bi)(olog|ograph|ometr)ical\b")


def _loose(key: str) -> str:
    """A key with every -ics word as its adjective, where that is one idea, and the
    learned adjectives in -ical as in -ic ("hydrological" / "hydrologic")."""
    if "ical" in key:
        key = _LEARNED_ICAL_RE.sub(r"\1ic", key)
    return " ".join(word[:-1] if _ics_adjective(word) else word for word in key.split())


def _in_order(some: list[str], words: list[str]) -> bool:
    """Whether `some` are words of `words` in their order (a form "as written", less
    some words: "ai filmmaking" of "ai driven filmmaking").

    >>> _in_order(["ai", "filmmaking"], ["ai", "driven", "filmmaking"])
    True
    >>> _in_order(["filmmaking", "ai"], ["ai", "driven", "filmmaking"])
    False
    """
    rest = iter(words)
    return all(word in rest for word in some)


def normal_words(key: str) -> list[str]:
    """A key's words as `signatures` reads them before its rules: the lexicon's way of
    writing each (`_lengthened`, `_WORD_VARIANTS`), number words of time as digits, a
    first word of growth or decline as "rising" or "declining".

    >>> normal_words("effect on ai")
    ['impact', 'on', 'ai']
    """
    return _trend_word(_temperatures(_time_numbers(_lengthened(
        [_WORD_VARIANTS.get(word, word) for word in key.split()]))))


def signatures(key: str, then_reordered: bool = True, lengthen: bool = True) -> set[str]:
    """The forms a key shares with the keys it names the same thing as, beside itself:
    those of each of `RULES` read in its words, after the words the lexicon writes
    otherwise (a shortened word, a synonym: `_lengthened`; "usage" as "use", "working"
    as "work": `_WORD_VARIANTS`), number words before a unit of time as digits
    (`_time_numbers`) and a first word of growth or decline as "rising" or "declining"
    (`_trend_word`); and, with `then_reordered`, the forms of each form that is not
    itself reordered ("bias detection in AI systems" -> "bias detection in AI" -> "AI
    bias detection"; not a generic word dropped after reordering: "technology in
    advertising" is not advertising); all in their loose form (an -ics word as its
    adjective, where that is one idea); and those of the key without the articles after
    its prepositions (`_inner_articles_dropped`), of a headline read as a phrase
    (`_headline_as_phrase`), of a word of growth or decline before one word as "rising"
    or "declining" (`_trend_word_before_one`), of "erosion of" as "decline of"
    (`_erosion_as_decline`), of "evolving" as "changing" (`_evolving_as_changing`) and
    of "against" as "on" after what is aimed (`_against_as_on`).
    `join_keys` joins keys that share a form.

    Two marked forms meet only across: ">Y X" of "X of Y", and "<N X" for a leading
    adjective and each noun N it may be made from ("technological dependence" gives
    "<technology dependence", "dependence on technology" ">technology dependence"): an
    adjective meets its noun only in a reordered name, never another adjective guessed
    to the same noun (national / native) nor a plain name ("organ farming"). Forms
    marked "=" are the name as written, less some words: "X Y" of "X in Y" meets only
    them.

    >>> sorted(signatures("decline in birth rate"))  # doctest: +NORMALIZE_WHITESPACE
    ['=decline birth rate', '=decline in birth rate', '>birth rate decline',
     '>birth rate decline (of a place)', 'birth rate decline', 'decline * birth rate',
     'decline in birth rate']
    >>> sorted(signatures("declining house price"))  # doctest: +NORMALIZE_WHITESPACE
    ['=declining house price', 'declination of house price', 'decline of house price',
     'declining house price', 'house price declination', 'house price decline']
    >>> sorted(signatures("design driven by ai"))  # doctest: +NORMALIZE_WHITESPACE
    ['=ai driving design', '=design driven by ai', '>ai design driven', 'ai design driven',
     'ai driven design', 'ai driving design', 'design by ai', 'design driven by ai']
    """
    if key.count(" ") >= _LONGEST_NAME:  # (more words than that)
        return {_loose(key)}
    in_order = sentence_words(key.replace("-", " ").split())
    sentence = {"\u00a7" + in_order} if in_order else set()  # (met only by another's)
    plain = [_WORD_VARIANTS.get(word, word) for word in key.split()]
    lengthened = _lengthened(plain) if lengthen else plain
    # (and the forms of the words as written: "utilization of invisible creatures" read
    # as "use of ..." still meets "invisible creature utilization")
    written = signatures(key, then_reordered, False) if lengthen and lengthened != plain \
        else set()
    for other in (_inner_articles_dropped(key.split()), _headline_as_phrase(key.split()),
                  _headline_before_where(key.split()), _change_headline(key.split()),
                  _passive_as_active(key.split()), _bankruptcy_filed(key.split()),
                  _progressive_as_simple(key.split()),
                  _trend_word_before_one(plain), _erosion_as_decline(plain),
                  _evolving_as_changing(plain), _use_as_itself(plain), _use_in_as_in(plain),
                  _against_as_on(plain),
                  _participle_as_act(plain), _rate_as_itself(plain)):
        if other:
            written |= signatures(" ".join(other), then_reordered, lengthen)
    # (after the lexicon, whose rows write "four-day week")
    words = _trend_word(_temperatures(_time_numbers(lengthened)))
    forms = _Forms({key, " ".join(words), lexicon().whole_names.get(key, key),
                    # a name in s written as a possessive: "Jevon's paradox" is Jevons'
                    " ".join(w[:-1] if w[-1] == "s" and w in _noun_lemmas() else w
                             for w in words)})
    # (the "of" of a noun written "X of Y" counts not beside another: "latency of chain
    # of thought" reorders around its first)
    held = {at + 1 for at in range(len(words) - 2)
            if " ".join(words[at:at + 3]) in _NOUNS_OF}
    free = [word for at, word in enumerate(words) if at not in held]
    name = _Name(key, words, [(at, word) for at, word in enumerate(words)
                              if 0 < at < len(words) - 1 and (
                                  words.count(word) == 1 or
                                  at not in held and free.count(word) == 1)])
    for rule in RULES.values():
        rule(name, forms)
    found, reordered, dropped = forms.found, forms.reordered, forms.dropped
    loose = {form: _loose(form) for form in found | dropped | reordered}
    marked = {loose[form] for form in found} | \
        {">" + loose[form] for form in reordered - forms.directed} | \
        {"<" + _loose(form) for form in forms.derived} | \
        {"~" + _loose(form) for form in forms.adjective_kept} | \
        ({"~" + _loose(" ".join(words))} if len(words) > 2 and (
            _adjective(words[0]) or _place(words[0])) else set()) | \
        {"=" + loose[form] for form in found | dropped  # (the key is found; one word
         if " " in form and (form in dropped or form == key  # meets no "X Y" of "X in Y")
                             or _in_order(form.split(), words))}
    if then_reordered and _REORDERING.intersection(words):
        for form in found - reordered - forms.final - {key}:
            if "*" not in form and "(concern)" not in form:  # (not as written: no "=")
                marked |= {f for f in signatures(form, then_reordered=False) if f[0] != "="}
        for form in forms.adjective_kept:  # (the forms in which the lexicon wrote the
            # adjective otherwise, no longer Y's either: "insufficient research funding"
            # as "shortage of research funding"; not "organic retail growth" as "rise
            # of organic retail")
            marked |= {f for f in signatures(form, then_reordered=False)
                       if f[0] != "=" and words[0] not in f.lstrip("<>~").split()}
        if len(words) >= 4 and words[0] in _TREND_NOUNS:
            # the whole phrase after a word of growth or decline is what rises, as its
            # reorderings say it ("rising concern about data privacy": "data privacy
            # concern rise", as "rising data privacy concerns" reads)
            marked |= {f"{f.lstrip('>')} {_TREND_NOUNS[words[0]]}"
                       for f in signatures(" ".join(words[1:]), then_reordered=False)
                       if f[0] not in "=<~" and "(" not in f and "*" not in f}
    return marked | written | sentence

