"""Where words a user quotes stand in the record when no one is quoted saying them.

"Is ICC the group 'campaigning for persecuted Christians since 1995'?", "I keep seeing 'the
world's three largest international human rights organizations' — is that a real line?":
the words are the sources' own account of a group, a person, an event or a letter, not
anyone's quote. The answer says so and gives the sentence that holds them, cited.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from rapidfuzz import fuzz

from bot.core.answers.answer import Answer, AnswerBuilder
from bot.core.answers.facts.candidates import candidates_of
from bot.core.kb.sentences import split_sentences
from bot.core.scope import Scope
from bot.core.search.names import normalize
from bot.core.search.stems import concepts

#: A fragment must match a sentence this closely (rapidfuzz partial ratio) to be its words.
_VERBATIM = 90
#: Fewer distinctive words than this are too common to place ("human rights").
_FEWEST_CONCEPTS = 3
#: Entities of a kind read directly up to this many; past it, the index picks candidates.
_SCORE_ALL = 3000


@dataclass(frozen=True, slots=True)
class Passage:
    """A sentence of the record, what it describes, and the sources that back it."""

    about: str
    sentence: str
    sources: tuple[str, ...]


def recorded_words(
    scope: Scope, shown: str, words: str, verbatim_only: bool = False
) -> Answer | None:
    """The record's sentence that holds the quoted words, or None when none does.

    `verbatim_only`: only a sentence with the words nearly as quoted, which outranks a quote
    that shares only part of them.
    """
    found = _best_passage(scope, words)
    if found is None or (verbatim_only and not found[0]):
        return None
    passage = found[1]
    builder = AnswerBuilder(scope.kb, "who_said", f"Where “{shown}” comes from")
    builder.direct = (
        f"No one is quoted saying that; it is in the sources' own account of "
        f"{passage.about}: “{passage.sentence}” {builder.marks(passage.sources)}"
    )
    builder.interpretation = f"who said “{shown}”"
    return builder.build()


def _best_passage(scope: Scope, words: str) -> tuple[bool, Passage] | None:
    """The passage holding the words nearly verbatim, else every distinctive one of them.

    The flag says whether the words were found nearly verbatim.
    """
    wanted = concepts(words)
    if len(wanted) < _FEWEST_CONCEPTS:
        return None
    norm = normalize(words)
    best: tuple[tuple[int, int], Passage] | None = None
    for passage in _passages(scope, words):
        text = normalize(passage.sentence)
        verbatim = fuzz.partial_ratio(norm, text) >= _VERBATIM
        if not verbatim and not wanted <= concepts(passage.sentence):
            continue
        # verbatim first, then the shortest sentence: the one most about the words
        rank = (int(verbatim), -len(passage.sentence))
        if best is None or rank > best[0]:
            best = (rank, passage)
    return (bool(best[0][0]), best[1]) if best else None


def _passages(scope: Scope, words: str) -> Iterator[Passage]:
    """Every sentence the record says of a group, a person, an event or a letter."""
    kb = scope.kb
    for org in candidates_of(scope, words, "organization", kb.organizations, _SCORE_ALL, 20):
        yield from _sentences(org.name, org.description, org.sources)
    for person in candidates_of(scope, words, "person", kb.people, _SCORE_ALL, 20):
        yield from _sentences(person.name, person.description, person.sources)
    for event in candidates_of(scope, words, "event", kb.events, _SCORE_ALL, 20):
        yield from _sentences(event.title, event.summary, event.sources)
    for letter in candidates_of(scope, words, "letter", kb.letters, _SCORE_ALL, 20):
        about = f"the {letter.year} letter ({letter.title})"
        for text in (letter.summary, letter.background, letter.date_note, *letter.notes):
            yield from _sentences(about, text, letter.sources)
        for signatory in letter.signatories:
            yield from _sentences(about, signatory.note, signatory.sources or letter.sources)


def _sentences(about: str, text: str | None, sources: tuple[str, ...]) -> Iterator[Passage]:
    """Each sentence of a text as a passage about `about`."""
    for _, sentence in split_sentences(" ".join((text or "").split())):
        yield Passage(about, sentence, sources)
