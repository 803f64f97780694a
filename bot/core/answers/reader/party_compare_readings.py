"""Readings that compare two letters' parties: whom each went to and who organised each."""

from __future__ import annotations

import re

from bot.core.answers.facts import comparisons
from bot.core.answers.reader.context import Context, Reading
from bot.core.kb.models import Letter

#: "Same coordinator?": whether one thing was the same for both, asked yes or no.
SAME_ONE = re.compile(r"\bsame\b")
_SAME_RECIPIENT = re.compile(
    r"\bsame (?:guy|man|leader|recipient|addressee)\b|\bto the same (?:person|one)\b|"
    r"\b(?:was|is) (?:\w+ ){1,3}(?:described|called|referred to|styled)\b"
)
#: How a person is described: their title or position as each letter gives it.
_DESCRIBED = re.compile(
    r"\b(?:described|describes|describe|description|called|named|titled|title|titles|"
    r"position|referred to|refer to|refers to|styled|addressed as)\b"
)
#: Above "X on both" (their quotes), when the person is the letters' recipient.
_DESCRIBED_RECIPIENT = 3.5


def parties_compared(
    context: Context, la: Letter, lb: Letter, cue: float, both: bool
) -> list[Reading]:
    """Whom two letters went to, and who organised them, when the question asks either.

    A yes-or-no question naming someone ("were both sent to Moon?", "were both coordinated
    by HRW?") gets its verdict about the one it names.
    """
    scope, q = context.scope, context.question
    yes_no = bool(context.cue("yes_no")) or q.has(SAME_ONE)
    out = []
    # "2012 vs 2018: how was Kim described?": the recipient's title in each letter
    described_recipient = bool(
        context.people and context.people[0] in (la.recipient, lb.recipient) and q.has(_DESCRIBED)
    )
    # "were the 2012 and 2018 letters both sent to Moon?": whether he is whom both went to
    to_claimed = bool(
        context.cue("recipient_claim")
        and context.cue("yes_no")
        and not context.cue("demands")  # "both went to Kim: did they ask the same?"
        and both
        and q.ids("person")
    )
    # "phil robertson 2012 vs 2019, same guy diff job?": the same person, not the recipient
    someone_else = any(p not in (la.recipient, lb.recipient) for p in context.people)
    same_recipient = q.has(_SAME_RECIPIENT) and not someone_else
    if context.cue("recipient") or same_recipient or described_recipient or to_claimed:
        # "Did the 2012 and 2018 letters go to the same guy?", "how was Kim described"
        claimed_person = q.ids("person")[0] if to_claimed else None
        out.append(
            Reading(
                "compare",
                cue
                + max(context.cue("recipient"), 4.0)
                - 2.0
                + (_DESCRIBED_RECIPIENT if described_recipient or to_claimed else 0.0),
                f"whom the {la.year} and {lb.year} letters went to",
                lambda: comparisons.recipients(scope, la, lb, yes_no, claimed_person),
            )
        )
    if context.cue("sender"):
        claimed_org = next(iter(q.ids("organization")), None)
        out.append(
            Reading(
                "compare",
                cue + context.cue("sender") - 3.0,
                f"who organised the {la.year} and {lb.year} letters",
                lambda: comparisons.organisers(scope, la, lb, yes_no, claimed_org),
            )
        )
    return out
