"""What a moderator's form names (a letter, a person, an organisation), resolved strictly.

Answers may guess: a wrong guess costs one question, and the reply shows the reading it
chose. A write may not: a guess stores a signatory on the wrong letter for good. So a
name resolves here only when it is an id, an exact name, alias or abbreviation, a year
that exactly one letter has, or a clearly close typo of one whole name (a high full-string
similarity, no rival close behind). Anything weaker raises `NotFoundError` with the
lenient resolver's candidates as "did you mean" suggestions, never as the answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Final, TypeVar

from rapidfuzz import fuzz

from bot.core.errors import NotFoundError
from bot.core.kb.models import Entity, EntityKind, Letter, Organization, Person
from bot.core.scope import Scope
from bot.core.search.names import normalize
from bot.core.search.resolve import best_letters

#: Full-string similarity (rapidfuzz `ratio`, 0-100) a typo must reach: "Humn Rights
#: Watch" (97) passes; "Zzzz Unknown Org" against "UN" (a partial match) never competes.
TYPO_MIN_RATIO: Final = 90.0
#: A typo's runner-up (another entity) must trail by this much, or nothing is chosen.
TYPO_MARGIN: Final = 5.0
#: Names shorter than this are never typo-corrected: "UNHRC" is not "UNHCR".
TYPO_MIN_LENGTH: Final = 6
#: Candidates scored per lookup, and suggestions shown.
_CANDIDATES: Final = 10
_SUGGESTIONS: Final = 5

_YEAR_ONLY = re.compile(r"(?:the )?([0-9]{4})(?: letter)?")
_PAREN = re.compile(r"\s*\([^)]*\)\s*")

E = TypeVar("E", bound=Entity)
Named = TypeVar("Named", Organization, Person)


def strict_letter(scope: Scope, text: str) -> Letter:
    """The letter `text` names exactly; NotFoundError with suggestions otherwise."""
    kb = scope.kb
    text = text.strip()[: scope.max_query_length]
    if text in kb.letters:
        return kb.letters[text]
    year = _YEAR_ONLY.fullmatch(normalize(text))
    if year is not None:
        of_year = [letter for letter in kb.letters.values() if letter.year == int(year[1])]
        if len(of_year) == 1:
            return of_year[0]
        raise NotFoundError(
            "letter", text, _letter_labels(of_year or _lenient_letters(scope, text))
        )
    found = _strict(scope, text, "letter", kb.letters, _letter_names)
    if found is not None:
        return found
    raise NotFoundError("letter", text, _letter_labels(_lenient_letters(scope, text)))


def strict_person(scope: Scope, text: str) -> Person:
    """The person `text` names exactly; NotFoundError with suggestions otherwise."""
    return _strict_named(scope, text, "person", scope.kb.people)


def strict_organization(scope: Scope, text: str) -> Organization:
    """The organisation `text` names exactly; NotFoundError with suggestions otherwise."""
    return _strict_named(scope, text, "organization", scope.kb.organizations)


def strict_subjects(scope: Scope, text: str) -> list[str]:
    """Ids of the letters or events `text` names exactly, else [] (the caller keeps a topic).

    Tried in order: an id, exact titles or aliases (comma-separated), a name written
    inside the text (as typed: no typo correction), one letter named strictly.
    """
    text = text.strip()[: scope.max_query_length]
    if text in scope.kb.letters or text in scope.kb.events:
        return [text]
    named = [
        eid
        for part in text.split(",")
        for eid in sorted(scope.names.aliases.get(normalize(part), ()))
        if scope.names.kind(eid) in ("letter", "event")
    ]
    if named:  # exact titles first: a title may contain an event's name
        return list(dict.fromkeys(named))
    mentions = [
        m.entity_id
        for m in scope.names.find_mentions(text, correct_typos=False)
        if m.kind in ("letter", "event")
    ]
    if mentions:
        return list(dict.fromkeys(mentions))
    try:
        return [strict_letter(scope, text).id]
    except NotFoundError:
        return []


def _strict_named(scope: Scope, text: str, kind: EntityKind, table: dict[str, Named]) -> Named:
    text = text.strip()[: scope.max_query_length]
    if text in table:
        return table[text]
    found = _strict(scope, text, kind, table, _names)
    if found is not None:
        return found
    matches = scope.names.lookup(text, kinds=(kind,), limit=_SUGGESTIONS, cutoff=70.0)
    raise NotFoundError(kind, text, tuple(scope.names.display(eid) for eid, _ in matches))


def _strict(
    scope: Scope,
    text: str,
    kind: EntityKind,
    table: dict[str, E],
    names_of: Callable[[E], Iterable[str]],
) -> E | None:
    """The entity of `kind` an exact alias or a clear typo names; None when there is none.

    Raises NotFoundError when an exact alias names several entities of the kind.
    """
    wanted = normalize(text)
    if not wanted:
        return None
    exact = sorted(eid for eid in scope.names.aliases.get(wanted, ()) if eid in table)
    if len(exact) == 1:
        return table[exact[0]]
    if exact:
        raise NotFoundError(
            kind, text, tuple(f"{scope.names.display(eid)} ({eid})" for eid in exact[:_SUGGESTIONS])
        )
    if len(wanted) < TYPO_MIN_LENGTH:
        return None
    # The lenient lookup (cached, scored with WRatio, which favours partial matches) only
    # proposes candidates; each is judged on its whole names with plain `ratio`.
    scored = []
    for eid, _ in scope.names.lookup(text, kinds=(kind,), limit=_CANDIDATES, cutoff=70.0):
        if eid in table:
            best = max((fuzz.ratio(wanted, name) for name in names_of(table[eid])), default=0.0)
            scored.append((best, eid))
    scored.sort(reverse=True)
    if not scored or scored[0][0] < TYPO_MIN_RATIO:
        return None
    if len(scored) > 1 and scored[1][0] > scored[0][0] - TYPO_MARGIN:
        return None
    return table[scored[0][1]]


def _names(entity: Organization | Person) -> set[str]:
    """Every whole name of an organisation or person, normalised, with and without "(…)"."""
    return _normalised(entity.names)


def _letter_names(letter: Letter) -> set[str]:
    return _normalised((letter.title, *letter.aliases))


def _normalised(names: Iterable[str]) -> set[str]:
    found: set[str] = set()
    for name in names:
        found.update({normalize(name), normalize(_PAREN.sub(" ", name))})
    return {name for name in found if name}


def _lenient_letters(scope: Scope, text: str) -> list[Letter]:
    """What the answers' resolver would have guessed, offered only as suggestions."""
    guessed = best_letters(scope, text)
    fuzzy = scope.names.lookup(text, kinds=("letter",), limit=_SUGGESTIONS, cutoff=60.0)
    extra = [scope.kb.letters[eid] for eid, _ in fuzzy if eid in scope.kb.letters]
    return list(dict.fromkeys([*guessed, *extra]))[:_SUGGESTIONS]


def _letter_labels(letters: Iterable[Letter]) -> tuple[str, ...]:
    return tuple(f"{letter.title} ({letter.date})" for letter in letters)[:_SUGGESTIONS]
