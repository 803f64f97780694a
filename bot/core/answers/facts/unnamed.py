"""Whether an organisation the knowledge base does not know signed a letter.

"Was NKDB among the 2012 signers?", "did Open Doors sign any of these letters?": no
organisation of that name is in the knowledge base, so none is among the signatories the
sources name. Whether that is a firm no depends on whether the letter's list is printed
whole; the answer says which.
"""

from __future__ import annotations

from bot.core.answers.answer import Answer, cite_in, with_direct
from bot.core.answers.cards import letters as letter_cards
from bot.core.kb.models import Letter
from bot.core.scope import Scope


def unknown_signer(scope: Scope, name: str, letter: Letter | None) -> Answer:
    """Whether an organisation named `name`, unknown to the knowledge base, signed."""
    kb = scope.kb
    if letter is None:
        card = letter_cards.letters(scope)
        partial = [x for x in kb.letters.values() if x.list_is_partial]
        whole = [x for x in kb.letters.values() if not x.list_is_partial]
        card, marks = cite_in(card, kb, [s for x in kb.letters.values() for s in x.sources])
        direct = (
            f"Not as far as the sources say: no organisation called “{name}” is among the "
            f"signatories they name for any of the {len(kb.letters)} letters. {marks}"
        )
        if partial and whole:
            direct += f" The sources print the full list only for {_the_letters(whole)}."
        elif partial:
            direct += " They print no letter's full list of signers."
        return with_direct(card, direct, f"did “{name}” sign any letter", (), "signed")
    card = letter_cards.signatories(scope, letter.id)
    card, marks = cite_in(card, kb, letter.sources)
    named = len(letter.signatories)
    counted = letter.counted_in_all
    if counted is not None and letter.list_is_partial:
        direct = (
            f"The sources don't say. No organisation called “{name}” is among the {named} of "
            f"{counted:,} signatories they name for the {letter.year} letter, and they "
            f"do not print the full list. {marks}"
        )
    else:
        direct = (
            f"No. No organisation called “{name}” is among the {named} signatories the "
            f"sources list for the {letter.year} letter. {marks}"
        )
    return with_direct(card, direct, f"did “{name}” sign {letter.title}", (), "signed")


def _the_letters(letters: list[Letter]) -> str:
    """ "the 2012 letter", "the 2018 and 2019 letters", "none of the letters"."""
    if not letters:
        return "none of the letters"
    years = " and ".join(str(x.year) for x in sorted(letters, key=lambda x: x.date))
    return f"the {years} letter{'s' if len(letters) > 1 else ''}"
