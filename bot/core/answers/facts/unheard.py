"""Words a claim puts in a speaker's mouth that the sources say elsewhere, not from them.

"Did Rubio list forced abortions among the abuses?" shares "forced" and "abuses" with his
quote, but "forced abortions" comes from the Commission of Inquiry's findings.
"""

from __future__ import annotations

import re
from itertools import pairwise

from rapidfuzz import fuzz, process

from bot.core.kb.corpus import KnowledgeBase
from bot.core.kb.sentences import and_list
from bot.core.search.names import normalize
from bot.core.search.stems import STOP_WORDS, concepts

_WORD = re.compile(r"[a-z]{3,}")
#: Two spellings this close (rapidfuzz ratio, 0–100) are one word misremembered or mistyped.
_NEAR_SPELLING = 80


def unheard_of(kb: KnowledgeBase, words: str, speaker: str) -> str | None:
    """Words of the claim that the sources say elsewhere, in other words than the speaker's.

    "Did Rubio list forced abortions?": the sources speak of "forced abortions" in the
    Commission of Inquiry's findings, but no quote of Rubio's has "abortions". Only a pair
    of content words found together elsewhere counts, so a paraphrase's own wording ("urge
    Moon to change course") is never taken for a claim the speaker did not make.
    """
    texts = " ".join(normalize(q.text) for q in kb.quotes_by(speaker))
    said, spelled = concepts(texts), set(_WORD.findall(texts))
    elsewhere = kb.derived("said_elsewhere", _said_elsewhere)
    person = kb.people.get(speaker)
    # "was it Marco Rubio who urged …": the speaker's own name is no word of the claim
    named = set(normalize(" ".join((person.name, *person.aliases))).split()) if person else set()
    typed = [w for w in normalize(words).split() if w not in STOP_WORDS | named and len(w) >= 4]
    unheard = [
        w
        for pair in pairwise(typed)
        if f" {' '.join(pair)} " in elsewhere
        for w in pair
        if not concepts(w) & said
        and not process.extractOne(w, spelled, scorer=fuzz.ratio, score_cutoff=_NEAR_SPELLING)
    ]
    return and_list([f"“{w}”" for w in dict.fromkeys(unheard)]) or None


def _said_elsewhere(kb: KnowledgeBase) -> str:
    """What the letters, events and quotes say, normalised, for finding a pair of words."""
    texts = [
        s.text for x in kb.letters.values() for s in (*x.demands, *x.abuses_cited, *x.excerpts)
    ]
    texts += [e.summary for e in kb.events.values()] + [q.text for q in kb.quotes.values()]
    return " ".join(f" {normalize(t)} " for t in texts)
