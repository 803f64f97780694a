"""Claims of whom letters went to: "all three went to Kim?", "did ICNK write to Moon?".

An organisation "wrote to" someone when it signed or coordinated a letter addressed to
them. Where a letter's sources name only some of its signers, "not named" is said as such,
never as "did not sign".
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.core.answers.answer import Answer, cite_in, with_direct
from bot.core.answers.cards import letters as letter_cards
from bot.core.kb.models import Letter, Organization, Person
from bot.core.kb.sentences import and_list
from bot.core.scope import Scope


def wrote_to(scope: Scope, org: Organization, people: Sequence[Person]) -> Answer:
    """Yes if the organisation signed or coordinated a letter to each person, else No, with why."""
    kb = scope.kb
    card = letter_cards.letters(scope, signed_by=org.id)
    signed = kb.letters_signed_by(org.id)
    done: list[str] = []
    missing: list[Person] = []
    for person in people:
        theirs = [x for x in signed if x.recipient == person.id]
        for letter in theirs:
            card, marks = cite_in(card, kb, letter.sources)
            part = "coordinated" if letter.coordinator == org.id else "signed"
            done.append(f"{part} the {letter.year} letter to {person.name} {marks}".rstrip())
        if not theirs:
            missing.append(person)
    # "it" once the organisation is named in the sentence before
    it = "it" if done else org.name
    said = [f"{org.name} {and_list(done)}"] if done else []
    for person in missing:
        to_them = kb.letters_to(person.id)
        said.append(
            f"the sources do not name {it} on the {_years(to_them)} letter to {person.name}"
            + _named_of(to_them)
            if to_them
            else f"the sources record no letter to {person.name}"
        )
    if not missing:
        verdict = "Yes."
    elif done and len(people) > 1:
        verdict = f"No, only to {and_list([p.name for p in people if p not in missing])}."
    else:
        verdict = "No."
    said[0] = said[0][0].upper() + said[0][1:]
    direct = f"{verdict} {'; '.join(said)}."
    if signed and not done:
        # what it did sign, so a "No" is not read as "it wrote to no one"
        to = and_list(list(dict.fromkeys(kb.name_of(x.recipient) for x in signed)))
        plural = "s" if len(signed) > 1 else ""
        direct += f" {org.name} signed or coordinated the {_years(signed)} letter{plural}, to {to}."
    names = and_list([p.name for p in people])
    return with_direct(card, direct, f"did {org.name} write to {names}")


def _years(letters: Sequence[Letter]) -> str:
    return and_list([str(x.year) for x in letters])


def _named_of(letters: Sequence[Letter]) -> str:
    """ "(they name 12 of its 76 signers)": "not named" is no "did not sign"."""
    if len(letters) != 1 or not letters[0].list_is_partial:
        return ""
    (x,) = letters
    return f" (they name {len(x.signatories)} of its {x.counted_in_all:,} signers)"


def all_to(scope: Scope, person_id: str, others_asked: bool = False) -> Answer:
    """Whether every letter went to one person ("all three letters were to Kim, right?").

    With `others_asked` ("did any letter go to someone other than Kim?") the yes and no
    are the other way round.
    """
    kb = scope.kb
    card = letter_cards.letters(scope, recipient=person_id)
    every = letter_cards.letters_oldest_first(kb)
    to = [x for x in every if x.recipient == person_id]
    others = [x for x in every if x.recipient != person_id]
    card, marks = cite_in(card, kb, [s for x in every for s in x.sources])
    name = kb.name_of(person_id)
    elsewhere = "; ".join(f"the {x.year} letter went to {kb.name_of(x.recipient)}" for x in others)
    if not others:
        answer = "No" if others_asked else "Yes"
        direct = f"{answer}. All {len(every)} letters were addressed to {name}. {marks}"
    elif others_asked:
        direct = (
            f"Yes. {elsewhere[0].upper()}{elsewhere[1:]}; {len(to)} of the {len(every)} "
            f"letters were addressed to {name}. {marks}"
        )
    else:
        direct = (
            f"No. {len(to)} of the {len(every)} letters were addressed to {name}; "
            f"{elsewhere}. {marks}"
        )
    return with_direct(card, direct, f"were all the letters addressed to {name}", (), "yes_no")
