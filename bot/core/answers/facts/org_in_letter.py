"""What a letter's record says about one organisation named in it.

"What does the 2012 release say about Free NK Gulag?", "per the ICNK release, what role did
Open North Korea play?": the part the letter's sources give it (organiser, releaser,
signatory, and how they list it), then what the organisation is.
"""

from __future__ import annotations

from bot.core.answers.answer import Answer, cite_in, with_direct
from bot.core.answers.cards import people as people_cards
from bot.core.answers.facts.letter_facts import released_by
from bot.core.answers.facts.openers import what_it_is
from bot.core.kb.models import Letter, Organization
from bot.core.kb.sentences import and_list
from bot.core.scope import Scope


def org_in_letter(scope: Scope, org: Organization, letter: Letter) -> Answer:
    """The organisation's part in the letter as its sources give it, then what it is."""
    kb = scope.kb
    entry = letter.signatory(org.id)
    parts = []
    if letter.coordinator == org.id:
        parts.append("organised it")
    if org.id in released_by(kb, letter)[0] and letter.coordinator != org.id:
        parts.append("released it")
    if entry is not None:
        parts.append("is a named signatory")
    card, marks = cite_in(
        people_cards.org(scope, org.id),
        kb,
        [*(entry.sources if entry else ()), *letter.sources, *org.sources],
    )
    kind, more = what_it_is(scope, org)
    if parts:
        direct = f"In the {letter.year} letter's sources, {org.name} {and_list(parts)}. {marks}"
        if entry is not None and entry.note:
            direct += f" {entry.note}"  # how the source lists it, in the curators' words
    else:
        direct = f"The sources on the {letter.year} letter give {org.name} no part in it. {marks}"
    direct += f" {org.name} is {kind}{more}"
    return with_direct(card, direct, f"what {letter.title} says about {org.name}", (), "org")
