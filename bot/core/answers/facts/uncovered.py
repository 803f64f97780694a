"""Answers that say first what the sources do not cover, then what they do say.

A reply nobody recorded, an outcome after the sources' dates, contact details the
knowledge base never keeps, individual signers the sources count but do not name.
"""

from __future__ import annotations

from bot.core.answers.answer import Answer, AnswerBuilder, cite_in, with_direct
from bot.core.answers.cards import letters as letter_cards
from bot.core.kb.models import Letter
from bot.core.scope import Scope


def not_covered(scope: Scope, what: str, letter: Letter | None) -> Answer:
    """Say first that the sources do not report `what`; then what they do say."""
    if letter is not None:
        card = letter_cards.letter(scope, letter.id)
        direct = (
            f"The sources do not report {what}. Here is what they say about the "
            f"{letter.year} letter and the reactions to it."
        )
        return with_direct(card, direct, f"not covered: {what}", (), "not_covered")
    builder = AnswerBuilder(scope.kb, "ask", "Not in the sources")
    builder.direct = f"The sources do not report {what}."
    newest = max(scope.kb.letters.values(), key=lambda x: x.date, default=None)
    builder.suggestions += ["Which letters are there?"] + (
        [f"What was said about the {newest.year} letter?"] if newest else []
    )
    builder.interpretation = f"not covered: {what}"
    return builder.build(found=False)


def individual_signers(scope: Scope, letter: Letter | None, yes_no: bool = True) -> Answer:
    """Did individuals sign (`yes_no`), or which did: what the letter's counts say of them.

    No individual is named in the sources, which the answer says first when asked which.
    """
    counted = [
        c for c in (letter.reported_counts if letter else ()) if "individual" in c.unit.casefold()
    ]
    if letter is None or not counted:
        return not_covered(
            scope,
            "individuals signing in their own name; the named signatories are organisations",
            letter,
        )
    card = letter_cards.letter(scope, letter.id)
    card, marks = cite_in(card, scope.kb, [s for c in counted for s in c.sources])
    counts = f"they count {counted[0].describe()} for the {letter.year} letter"
    direct = (
        f"Yes, according to the sources: {counts}, but name no individual signer. {marks}"
        if yes_no
        else f"The sources do not name any individual signer: {counts}. {marks}"
    )
    return with_direct(card, direct, f"individual signers of {letter.title}", (), "yes_no")


def contact_refused(scope: Scope) -> Answer:
    """Contact details are never kept: say so."""
    builder = AnswerBuilder(scope.kb, "ask", "Contact details are not kept")
    builder.direct = (
        "The knowledge base does not keep phone numbers, e-mail addresses or "
        "other contact details of anyone, by design."
    )
    builder.suggestions += ["Who is Phil Robertson?"]
    builder.interpretation = "contact details (not kept)"
    return builder.build(found=False)
