"""Readings of a year claimed of a letter the question names otherwise.

"The letter to Moon was sent in 2018, right?", "the one ICC co-signed — that was 2018,
wasn't it?": the recipient, the signer or the count says which letter is meant, and the
year is the claim to check, not a clue; read as a clue, it pulls the question to the
letter of that year. The answer opens with Yes or No and the letter's own date.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.core.answers.answer import Answer
from bot.core.answers.facts import letter_facts
from bot.core.answers.reader.clues import clear_letter, rank_letters
from bot.core.answers.reader.context import Context, Reading
from bot.core.answers.reader.question import read_question
from bot.core.kb.models import Letter
from bot.core.scope import Scope

#: Over the readings of the letter the year names: the year is what is claimed.
_CLAIM_SCORE = 11.0


def date_claim_readings(context: Context) -> list[Reading]:
    """Whether the letter the other clues name was sent in the year the question claims."""
    scope, q = context.scope, context.question
    claimed = _SENT_IN.search(q.norm)
    if claimed is None or not context.cue("yes_no"):
        return []
    year = next(g for g in claimed.groups() if g)
    denied = bool(_DENIED.search(claimed.group(0)))  # "that wasn't the 2018 letter, was it?"
    # The letter the question names once the claimed year is set aside
    without = read_question(scope, q.text.replace(year, " "))
    fits = rank_letters(scope, without, None)
    letter = clear_letter(fits)
    if letter is None and fits:
        # "was the letter to Kim sent in 2018?": of the letters the clues fit equally, the
        # one of that year, if one is
        tied = [f.letter for f in fits if f.score == fits[0].score and f.score > 0]
        letter = next((x for x in tied if str(x.year) == year), None)
    if letter is None:
        return []
    return [
        Reading(
            "date",
            _CLAIM_SCORE,
            f"was {letter.title} sent in {year}",
            lambda: _date_checked(scope, letter, int(year), denied),
            subject=letter.id,
        )
    ]


def _date_checked(scope: Scope, letter: Letter, year: int, denied: bool = False) -> Answer:
    """The letter's date, opened by whether it was sent in the `year` claimed (or `denied`)."""
    answer = letter_facts.date(scope, letter)
    held = letter.year == year
    if denied:
        verdict = (
            f"No, it is the {year} letter." if held else f"Right, it is not the {year} letter."
        )
    else:
        verdict = "Yes." if held else "No."
    direct = f"{verdict} {answer.direct}"
    lead = (direct, *answer.lead[1:]) if answer.lead else (direct,)
    return replace(answer, direct=direct, lead=lead, kind="yes_no")


_DENIED = re.compile(r"\b(?:wasn ?t|isn ?t|not)\b")
#: A bare year claimed as when a letter went out: "sent in 2018", "that was 2018, wasn't it";
#: not "sent in July 2018" (a month claimed: see `claim_readings`) nor "the 2012 letter".
_SENT_IN = re.compile(
    r"\b(?:sent|written|dated|published|released|issued|delivered|went out|came out)"
    r"(?: \w+){0,3}? (?:in|during) ((?:19|20)\d\d)\b|"
    r"\b(?:that|it|this) (?:was|s|is)(?: (?:back )?in)? ((?:19|20)\d\d)\b(?! (?:letter|one)\b)|"
    # "… put out with 40 others — that wasn't the 2018 letter, was it?"
    r"\b(?:that|it|this) (?:was|wasn ?t|isn ?t|is|s)(?: not)? the ((?:19|20)\d\d) (?:letter|one)\b"
)
