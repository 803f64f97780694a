"""Letters described by the press contacts and spokespeople their sources list.

"The one with press contacts in Seoul, Tokyo, London and Bangkok": a release names its
press contacts and spokespeople with the city and languages they speak for (`people.yaml`
keeps these as roles, sourced to the release). The words of those roles, gathered per
source, describe the letters the source is about.
"""

from __future__ import annotations

import re

from bot.core.kb.corpus import KnowledgeBase
from bot.core.kb.models import Letter
from bot.core.search.stems import stems

#: Words that speak of a letter's contacts or spokespeople.
CONTACT_WORDS = re.compile(r"\b(?:contacts?|spokes\w*|press (?:line|people|officers?))\b")
#: Points per role word the question shares with the letter's contacts (at most `_MOST`).
_PER_WORD = 1.0
_MOST = 4
#: Fewer shared words than this are a coincidence ("press").
_FEWEST = 2


def contact_clue(kb: KnowledgeBase, letter: Letter, asked: set[str]) -> tuple[float, str] | None:
    """Points for a letter whose sources' contacts have the roles the question describes."""
    table = kb.derived("role_words_by_source", role_words_by_source)
    words: set[str] = set()
    for source_id in letter.sources:
        words |= table.get(source_id, frozenset())
    shared = asked & words
    if len(shared) < _FEWEST:
        return None
    return _PER_WORD * min(len(shared), _MOST), "its press contacts"


def role_words_by_source(kb: KnowledgeBase) -> dict[str, frozenset[str]]:
    """Each source → the stems of the role titles it attests."""
    found: dict[str, set[str]] = {}
    for person in kb.people.values():
        for role in person.roles:
            words = stems(role.title)
            for source_id in role.sources:
                found.setdefault(source_id, set()).update(words)
    return {s: frozenset(w) for s, w in found.items()}
