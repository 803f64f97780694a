"""Whether two names stand for one organisation or person.

"Is CSW the same as Christian Solidarity Worldwide?", "does ICNK stand for the coalition
against crimes against humanity?": yes when both names are one entity's, else who each is.
"""

from __future__ import annotations

from bot.core.answers.answer import Answer, cite_in, with_direct
from bot.core.answers.cards import people as people_cards
from bot.core.kb.models import Organization, Person
from bot.core.scope import Scope
from bot.core.search.names import normalize


def same_name(scope: Scope, first: tuple[str, str], second: tuple[str, str]) -> Answer:
    """Yes if both names (each `(entity id, words used)`) are one entity, else who each is."""
    kb = scope.kb
    (a_id, a_words), (b_id, b_words) = first, second
    a_words, b_words = _as_written(scope, a_id, a_words), _as_written(scope, b_id, b_words)
    card = _card(scope, a_id)
    card, marks = cite_in(card, kb, [*_sources(scope, a_id), *_sources(scope, b_id)])
    if a_id == b_id:
        direct = f"Yes: “{a_words}” and “{b_words}” both name {kb.name_of(a_id)}. {marks}"
    else:
        direct = (
            f"No: “{a_words}” is {kb.name_of(a_id)}, and “{b_words}” is {kb.name_of(b_id)}. {marks}"
        )
    return with_direct(card, direct, f"are “{a_words}” and “{b_words}” one name", (), "yes_no")


def _card(scope: Scope, entity_id: str) -> Answer:
    """The profile of an organisation or a person."""
    if entity_id in scope.kb.organizations:
        return people_cards.org(scope, entity_id)
    return people_cards.person(scope, entity_id)


def _entity(scope: Scope, entity_id: str) -> Organization | Person | None:
    """The organisation or person an id names."""
    return scope.kb.organizations.get(entity_id) or scope.kb.people.get(entity_id)


def _sources(scope: Scope, entity_id: str) -> tuple[str, ...]:
    """Where the sources give an organisation or a person."""
    found = _entity(scope, entity_id)
    return found.sources if found is not None else ()


def _as_written(scope: Scope, entity_id: str, words: str) -> str:
    """The name or alias the user's words stand for, as the sources write it ("CSW")."""
    found = _entity(scope, entity_id)
    names = found.names if found is not None else ()
    return next((n for n in names if normalize(n).strip() == words.strip()), words)
