"""Counts claimed of one letter or of two, checked against the counts the sources report.

"Was the 2018 letter signed by 52 groups?", "did the 2018 and 2019 letters both claim more
than 300 groups?".
"""

from __future__ import annotations

from bot.core.answers.answer import Answer, AnswerBuilder, cite_in, with_direct
from bot.core.answers.cards import letters as letter_cards
from bot.core.answers.facts.count_comparisons import signer_total
from bot.core.kb.models import Letter, ReportedCount
from bot.core.scope import Scope


def count_in_both(scope: Scope, first: Letter, second: Letter, numbers: tuple[int, ...]) -> Answer:
    """Whether each letter's sources report the figure claimed of both, with what it counts."""
    builder = AnswerBuilder(scope.kb, "compare", f"{numbers[0]:,} in both letters?")
    found: dict[str, ReportedCount | None] = {
        letter.id: next((c for c in letter.reported_counts if c.count in numbers), None)
        for letter in (first, second)
    }
    parts = []
    for letter in (first, second):
        count = found[letter.id]
        parts.append(
            f"the {letter.year} letter gives {count.describe()} {builder.marks(count.sources)}"
            if count is not None
            else f"the {letter.year} letter gives no such figure"
        )
    given = [x for x in (first, second) if found[x.id] is not None]
    opening = (
        "Yes, both do"
        if len(given) == 2
        else f"No, only the {given[0].year} letter does"
        if given
        else "No, neither does"
    )
    builder.direct = f"{opening}: {parts[0]}; {parts[1]}."
    builder.interpretation = (
        f"is {numbers[0]:,} a figure of both the {first.year} and {second.year} letters"
    )
    return builder.build(found=True)


def count_claim(scope: Scope, letter: Letter, number: int, of_signers: bool = False) -> Answer:
    """Whether a number is one the sources report for the letter, or its named signers.

    `of_signers`: the number is claimed of those who signed ("three hundred signers"), so
    a count of the groups they represent does not bear it out.
    """
    kb = scope.kb
    card = letter_cards.signatories(scope, letter.id)
    matching = [c for c in letter.reported_counts if c.count == number]
    signed = [c for c in letter.reported_counts if c.of_signers]
    if matching and of_signers and signed and not matching[0].of_signers:
        card, marks = cite_in(card, kb, [*signed[0].sources, *matching[0].sources])
        direct = (
            f"No. The sources report {signed[0].describe()} for the {letter.year} letter; "
            f"the {number:,} is another count: {matching[0].describe()}. {marks}"
        )
    elif matching:
        card, marks = cite_in(card, kb, matching[0].sources)
        direct = (
            f"Yes. The sources report {matching[0].describe()} for the {letter.year} "
            f"letter. {marks}"
        )
    elif number == len(letter.signatories):
        direct = f"Yes: {number} is the number of signatories the sources name for it."
    else:
        reported = "; ".join(c.describe() for c in letter.reported_counts) or "no count"
        card, marks = cite_in(card, kb, [s for c in letter.reported_counts for s in c.sources])
        named = len(letter.signatories)
        direct = (
            f"No. For the {letter.year} letter the sources report {reported} "
            f"{marks}; they name {named} "
            f"{'signatory' if named == 1 else 'signatories'}."
        )
        # "76 signed the 2018 letter?": the number is another letter's, a common mix-up
        elsewhere = next(
            (
                (other, c)
                for other in letter_cards.letters_oldest_first(kb)
                if other.id != letter.id
                for c in other.reported_counts
                if c.count == number
            ),
            None,
        )
        if elsewhere is not None:
            other, count = elsewhere
            card, marks = cite_in(card, kb, count.sources)
            direct += f" The {number:,} is the {other.year} letter's: {count.describe()}. {marks}"
    return with_direct(card, direct, f"is {number:,} a count of {letter.title}", (), "yes_no")


def count_choice(
    scope: Scope, letter: Letter, choices: tuple[int, int], names_asked: bool = False
) -> Answer:
    """Which of two numbers the sources report for a letter ("52 or 76 co-signers?").

    `names_asked` ("how many names are on the printed list — 39 or 43?"): the signatories
    the sources name, when that is one of the two.
    """
    kb = scope.kb
    card = letter_cards.signatories(scope, letter.id)
    matching = [c for c in letter.reported_counts if c.count in choices]
    total = signer_total(letter)
    named = len(letter.signatories)
    reported = "; ".join(c.describe() for c in letter.reported_counts) or "no count"
    total_offered = total is not None and total[0] in choices
    if named in choices and (names_asked or not (matching or total_offered)):
        card, marks = cite_in(card, kb, [s for c in letter.reported_counts for s in c.sources])
        direct = (
            f"{named}: the sources name {named} signatories of the {letter.year} letter "
            f"(and report {reported}). {marks}"
        )
    elif total is not None and total_offered and total[0] not in {c.count for c in matching}:
        # "40 or 43 signers?": the total the sources give in parts, not one of the parts
        card, marks = cite_in(card, kb, total[2])
        direct = f"{total[0]:,}: the {letter.year} letter's signers add up to {total[1]}. {marks}"
    elif len({c.count for c in matching}) == 2:
        # "52 or 300?": both, of different things (signers, and the groups they represent)
        card, marks = cite_in(card, kb, [s for c in matching for s in c.sources])
        direct = (
            f"Both, counting different things: for the {letter.year} letter the sources "
            f"report {'; and '.join(c.describe() for c in matching)}. {marks}"
        )
    elif matching:
        card, marks = cite_in(card, kb, matching[0].sources)
        direct = (
            f"{matching[0].count:,}: the sources report {matching[0].describe()} for the "
            f"{letter.year} letter. {marks}"
        )
    else:
        card, marks = cite_in(card, kb, [s for c in letter.reported_counts for s in c.sources])
        direct = f"Neither: for the {letter.year} letter the sources report {reported}. {marks}"
    a, b = choices
    return with_direct(card, direct, f"{a:,} or {b:,}: a count of {letter.title}", (), "count")
