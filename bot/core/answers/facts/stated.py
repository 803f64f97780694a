"""A yes-or-no question no reading understood, answered by a sentence of the sources.

"Is North Korea a party to human rights treaties?" names no letter, person or event the
readers know how to ask about; but a sentence of the record says so in as many words. When
one sentence holds nearly every word of the question, the answer leads with it: "Yes, the
sources say so: …". A question whose words no one sentence covers gets no verdict.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from bot.core.answers.answer import Answer, cite_in
from bot.core.answers.polarity import NEGATION
from bot.core.kb.corpus import KnowledgeBase
from bot.core.kb.sentences import split_sentences
from bot.core.search.names import normalize
from bot.core.search.stems import concepts

#: A question that asks yes or no ("is North Korea a party to …", "did the Council …"), or a
#: claim put as one ("North Korea is a party to human rights treaties?").
_YES_NO = re.compile(
    r"^ (?:is|are|was|were|did|does|do|has|have|had)\b|"
    r"^ (?!(?:which|what|who|whom|whose|when|where|why|how)\b)(?:\w+ ){1,4}(?:is|are|has|have) "
)
#: Where the yes-or-no question ends: a second sentence, or an alternative put after it
#: ("…, or is that a myth the NGOs repeat?").
_QUESTION_ENDS = re.compile(
    r"\?\s|,? or (?:is|was|are|were|do|does|did) (?:that|it|this)\b|,?\s+because\b"
)
#: Words of doubt and emphasis that are no part of what is asked: "is it even a party".
_EMPHASIS = frozenset(concepts("even actually really any anywhere ever truly indeed say"))
#: The share of the question's words one sentence must hold to say so.
_COVERED = 0.75
#: Fewer shared words than this are too few to stand for a claim.
_FEWEST_SHARED = 3


def stated(kb: KnowledgeBase, question: str) -> tuple[str, tuple[str, ...]] | None:
    """The sentence of the sources that states what a yes-or-no question asks, and its sources.

    Only the record's own sentences count (letters, events, organisations), not quotes: a
    quote is what someone said, not what the sources establish. A sentence that negates
    what the question does not is no support.
    """
    norm = f" {normalize(asked_clause(question))} "
    if not _YES_NO.match(norm):
        return None
    asked = concepts(norm) - _EMPHASIS
    if len(asked) < _FEWEST_SHARED:
        return None
    negated = NEGATION.search(norm) is not None
    best: tuple[float, str, tuple[str, ...]] | None = None
    for sentence, sources, words in kb.derived("record_sentences", _record_sentences):
        shared = asked & words
        share = len(shared) / len(asked)
        if len(shared) < _FEWEST_SHARED or share < _COVERED:
            continue
        if any(w.isdigit() and w not in shared for w in asked):
            continue  # "before 2012", "the 52 groups": a figure the sentence lacks
        if (NEGATION.search(normalize(sentence)) is not None) != negated:
            continue
        if best is None or share > best[0]:
            best = (share, sentence, sources)
    return None if best is None else (best[1], best[2])


def asked_clause(question: str) -> str:
    """The yes-or-no question itself, without what follows it ("…, or is that a myth?")."""
    return _QUESTION_ENDS.split(question, maxsplit=1)[0]


def stated_answer(
    kb: KnowledgeBase, question: str, said: tuple[str, tuple[str, ...]], card: Answer
) -> Answer:
    """ "Yes, the sources say so: …" over `card`: `said` is what `stated` found."""
    sentence, sources = said
    cited, marks = cite_in(card, kb, sources)
    direct = f"Yes, the sources say so: {sentence.strip()} {marks}".rstrip()
    return replace(
        cited,
        direct=direct,
        lead=(direct, *cited.lead),
        found=True,
        interpretation=f"what the sources state on {question[:80]}",
    )


def _record_sentences(kb: KnowledgeBase) -> list[tuple[str, tuple[str, ...], frozenset[str]]]:
    """Every sentence the record states in its own words, its sources and its words."""
    return [
        (sentence, sources, frozenset(concepts(sentence))) for sentence, sources in _sentences(kb)
    ]


def _sentences(kb: KnowledgeBase) -> Iterator[tuple[str, tuple[str, ...]]]:
    for event in kb.events.values():
        for _, sentence in split_sentences(event.summary):
            yield sentence, event.sources
    for org in kb.organizations.values():
        for _, sentence in split_sentences(org.description or ""):
            yield sentence, org.sources
    for letter in kb.letters.values():
        for _, sentence in split_sentences(letter.summary):
            yield sentence, letter.sources
        for statement in (*letter.demands, *letter.abuses_cited):
            yield statement.text, statement.sources or letter.sources
