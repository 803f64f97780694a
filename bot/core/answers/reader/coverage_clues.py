"""Letters described by who covered them, spoke on them, or released them.

"The letter RFA covered", "the one ICC reposted", "the letter Rogers said set out the
issues", "the letter Amnesty, HRW and FIDH put out": the people and organisations around a
letter's sources say which letter is meant.
"""

from __future__ import annotations

import re

from bot.core.answers.facts.letter_facts import released_by
from bot.core.kb.corpus import KnowledgeBase
from bot.core.kb.models import Letter
from bot.core.search.stems import stems

#: Points for a letter described by who covered it or who was quoted about it.
COVERAGE = 2.0
COVERAGE_WORDS = re.compile(
    r"\b(?:article|report\w*|cover\w*|wrote about|writes about|"
    r"written about|story|piece|statement|quoted|comment\w*|spoke|contacts?|press|"
    r"spokes\w*|repost\w*|posted|published|shared|carried|ran|talk\w*|discuss\w*|"
    r"according to|per|said|says)\b"
)


def coverage_clues(
    kb: KnowledgeBase, letter: Letter, mentioned: set[str], asked: set[str]
) -> list[tuple[float, str]]:
    """Clues from who reported on a letter, spoke about it, or was its press contact.

    "The letter Roseanne Gerin wrote about", "the one RFA covered", "the letter Ha Tae Keung
    made a statement about", "the letter where he was the Seoul press contact": a source's
    author or publisher, someone quoted on it, or (weaker) someone its sources name.
    """
    clues = []
    sources = [kb.sources[s] for s in letter.sources if s in kb.sources]
    for entity_id in mentioned:
        entity = kb.get(entity_id)
        names = {n.casefold() for n in getattr(entity, "names", ())}
        if any(s.author and s.author.casefold() in names for s in sources):
            clues.append((COVERAGE, f"reported by {kb.name_of(entity_id)}"))
        elif entity_id in kb.organizations and (
            published := [s for s in sources if s.publisher.casefold() in names]
        ):
            # "the letter ICC reposted": a copy of another's release says more than coverage
            copied = asked & _COPIED and any(s.original_publisher for s in published)
            clues.append((COVERAGE * (2 if copied else 1), f"covered by {kb.name_of(entity_id)}"))
        elif entity_id in kb.people and (
            said := [q.text for q in kb.quotes_by(entity_id) if letter.id in q.about]
        ):
            # "the letter Rogers said set out the issues Kim had to deal with": his words
            # about which letter the question echoes.
            echoed = len(asked & set(stems(" ".join(said))))
            clues.append(
                (COVERAGE * 1.5 + min(echoed, 4) / 2, f"{kb.name_of(entity_id)} quoted on it")
            )
        elif entity_id in kb.people and any(
            set(r.sources) & set(letter.sources) for r in kb.people[entity_id].roles
        ):
            clues.append((COVERAGE / 2, f"{kb.name_of(entity_id)} named in its sources"))
    return clues


#: Stems of words for copying another's release.
_COPIED = frozenset(stems("reposted republished reprinted shared copied"))
#: Stems of words for copying another's release.
_COPIED = frozenset(stems("reposted republished reprinted shared copied"))


def released_by_all(kb: KnowledgeBase) -> dict[str, tuple[str, ...]]:
    """Each letter → the organisations its reported counts name as behind it."""
    return {letter.id: tuple(released_by(kb, letter)[0]) for letter in kb.letters.values()}
