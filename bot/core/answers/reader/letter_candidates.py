"""Which letters are worth scoring for a question, found through indexes, not a scan.

Past a few dozen letters, scoring every one for every question is what a slow answer is
made of (100,000 entities hold thousands of letters): only letters a clue indexes (a year,
a name, a recipient's government, an event, a distinctive word) are scored.
"""

from __future__ import annotations

from bot.core.answers.reader.letter_words import letters_by_word
from bot.core.answers.reader.question import Question
from bot.core.kb.corpus import KnowledgeBase
from bot.core.kb.models import Letter


def candidates(
    kb: KnowledgeBase, question: Question, named: set[str], mentioned: set[str], asked: set[str]
) -> list[Letter]:
    """Letters some clue could point at, found through indexes rather than a scan of all."""
    if len(kb.letters) <= _SCAN_ALL:
        return list(kb.letters.values())
    ids: set[str] = set(named)
    by_year = kb.derived("letters_by_year_ids", letters_by_year)
    for year in question.years:
        ids.update(by_year.get(year, ()))
    places = kb.derived("recipient_places", recipient_places)
    for entity_id in mentioned:
        ids.update(x.id for x in kb.letters_to(entity_id))
        ids.update(x.id for x in kb.letters_signed_by(entity_id))
        for person_id, governments in places.items():
            if entity_id in governments:
                ids.update(x.id for x in kb.letters_to(person_id))
    for event_id in question.ids("event"):
        ids.update(kb.events[event_id].related_letters)
    by_word = kb.derived("letters_by_word", letters_by_word)
    for word in asked:
        ids.update(by_word.get(word, ()))
    return [kb.letters[i] for i in ids if i in kb.letters]


#: Up to this many letters, every letter is scored; past it, only those a clue indexes.
_SCAN_ALL = 50


def letters_by_year(kb: KnowledgeBase) -> dict[int, list[str]]:
    """Each year's letter ids."""
    years: dict[int, list[str]] = {}
    for letter in kb.letters.values():
        years.setdefault(letter.year, []).append(letter.id)
    return years


def recipient_places(kb: KnowledgeBase) -> dict[str, set[str]]:
    """For each recipient, the governments they led ("Pyongyang" points at Kim Jong Un)."""
    places: dict[str, set[str]] = {}
    for letter in kb.letters.values():
        person = kb.people.get(letter.recipient)
        if person is None:
            continue
        for role in person.roles:
            org = kb.organizations.get(role.organization or "")
            if org is not None:
                places.setdefault(person.id, set()).add(org.id)
    return places
