"""Which of the organisations a question lists signed a letter, or did not.

"Which one of these did NOT sign the 2012 letter: Amnesty, FIDH, ICC?": each is checked
against the signatories the sources name; where the list is printed only in part, one not
on it is "not named", not "did not sign".
"""

from __future__ import annotations

from bot.core.answers.answer import Answer, cite_in, with_direct
from bot.core.answers.cards import letters as letter_cards
from bot.core.kb.models import Letter
from bot.core.kb.sentences import and_list
from bot.core.scope import Scope


def signed_among(scope: Scope, letter: Letter, org_ids: list[str], negated: bool) -> Answer:
    """Of the organisations listed, those that did not sign (`negated`), or those that did."""
    kb = scope.kb
    card = letter_cards.signatories(scope, letter.id)
    card, marks = cite_in(card, kb, letter.sources)
    signers = {s.organization for s in letter.signatories}
    on = [kb.name_of(o) for o in org_ids if o in signers]
    off = [kb.name_of(o) for o in org_ids if o not in signers]
    absent = present = ""
    if off:
        verb = ("is" if len(off) == 1 else "are") + " not named among its signatories"
        absent = (
            f"{and_list(off)} {verb} (the sources do not print the full list)"
            if letter.list_is_partial
            else f"{and_list(off)} did not sign it"
        )
    if on:
        present = f"{and_list(on)} signed it"
    if negated:
        parts = ([absent] if off else ["every one of them signed it"]) + ([present] if on else [])
    else:
        parts = ([present] if on else ["none of them signed it"]) + ([absent] if off else [])
    parts[0] = f"Of those named, for the {letter.year} letter: {parts[0]}"
    direct = "; ".join(parts) + f". {marks}"
    asked = "did not sign" if negated else "signed"
    return with_direct(
        card,
        direct,
        f"which of those listed {asked} {letter.title}",
        (),
        "signed",
    )
