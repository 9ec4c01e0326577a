"""Resolve: when differently written names are the same thing.

Four layers, from safe to reviewed, one module each (the rules of the second in
modules of their own):

1. `resolution_key` (keys.py; every build, one name at a time): the identity key made
   lenient to the ways machine-written summaries vary a name: accents,
   punctuation, hyphens, `&`/and, possessives, British spellings, leading
   articles, "X (Y)" (X, with Y kept as an alias), and inflection: each word is
   lemmatised as a noun by lemminflect's lexicon (cellular automata -> cellular
   automaton, crises -> crisis), words the lexicon knows only as verbs or
   adjectives stay as written ("creates"), and an -ics word before another word
   is its adjective (electronics warfare -> electronic warfare). Names with the
   same key, in one entity kind, are one node.
2. `join_keys` (join.py; every build, over the whole corpus): keys the corpus gives
   evidence for, joined into one: an acronym and its long form when some name
   writes "Long Form (ACR)" or, for three letters or more, when the initials of
   exactly one long name's content words spell it (two-letter initials never
   join on their own); "X in/of/for Y" and "Y X"; "X and Y" and "Y and X"; "X
   technology" and "X". Only when both names occur; never two long forms through
   one acronym. Its evidence: the wordings a key shares with others (wordings/,
   `signatures`), acronyms (acronyms.py; whether a name is one: keys.py), the other
   name a name declares ("X (formerly Twitter)": keys.py) or carries (names.py:
   "OpenAI's ChatGPT", "Mayor Eric Adams") and the shipped tables (lexicon.py).
3. An analyst's aliases file (aliases.py; `kg build --aliases FILE`, a CSV of
   `same,NAME,NAME` and `never,NAME,NAME` rows), honoured by the build: "same"
   joins two keys, "never" keeps two names apart even when their keys agree.
4. `candidates` (review.py, used by `kg resolve`): pairs the build does not join on its own
   (near-identical spellings, spacing, initials it has no evidence for), each with
   a score and its evidence, for a person to review into the aliases file.

>>> resolution_key("Large Language Models (LLMs)") == resolution_key("large language model")
True
>>> resolution_key("El Niño") == resolution_key("El Nino")
True
>>> resolution_key("AI ethics") == resolution_key("AI")
False
>>> join_keys([("technology", "LLMs"), ("keyword", "Large Language Models")])
{'llm': 'large language model'}
"""

from .aliases import AliasTable
from .join import join_keys
from .keys import (alias_keys, is_acronym, lemma, load_lexicons, name_key, normal_form,
                   resolution_key, split_alias)
from .lexicon import lexicon
from .review import Candidate, accepted_candidates, candidates
from .wordings import signatures

__all__ = ["normal_form", "split_alias", "name_key", "alias_keys", "resolution_key",
           "join_keys", "is_acronym", "AliasTable", "Candidate", "candidates",
           "accepted_candidates", "signatures", "lemma", "lexicon", "load_lexicons"]
