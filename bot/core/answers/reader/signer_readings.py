"""Readings that pick signatories out of a letter's list.

"Which Christian groups signed the 2012 letter?" (the signatories a description fits) and
"which of these did NOT sign it: Amnesty, FIDH, ICC?" (each group listed, checked).
"""

from __future__ import annotations

import re

from bot.core.answers.facts import lists, which_of
from bot.core.answers.reader.context import Context, Reading, letter_fit
from bot.core.answers.reader.org_descriptions import (
    described_signers,
    described_signers_anywhere,
)
from bot.core.answers.reader.signing_claims import every_letter
from bot.core.search.stems import stems


def described_signer_readings(context: Context) -> list[Reading]:
    """ "Which Christian groups signed the 2012 letter": the signatories that fit."""
    letter, scope = context.letter, context.scope
    asks = max(
        context.cue("signatories"),
        # "the Christian groups that show up across all these letters"
        _MEMBERSHIP_CUE if context.question.has(_MEMBERSHIP) or _across(context) else 0.0,
    )
    if not asks or context.question.countries or context.cue("countries"):
        return []  # "what countries do the groups come from" asks their countries
    question = context.question
    if context.cue("yes_no") and question.described is not None:
        return []  # "did the Christian charity in the UK sign?" asks about that one group
    described_id = question.described.entity_id if question.described else None
    if [o for o in context.orgs if o != described_id] and not question.has(_WHICH):
        return []  # "I volunteer with a refugee charity … did LiNK sign?": that group
    named = frozenset(
        stems(" ".join(m.surface for m in question.mentions if m is not question.described))
    )
    if letter is None:
        return _across_letters(context, asks, named)
    found = described_signers(scope, letter, question.norm, named)
    if found is None:
        return []
    described, org_ids = found
    return [
        Reading(
            "signatories",
            asks + letter_fit(context) + 1.0,
            f"who signed → {letter.title}, {described}",
            lambda: lists.signatories_described(
                scope, letter, described, org_ids, bool(context.cue("yes_no"))
            ),
            subject=letter.id,
        )
    ]


def _across_letters(context: Context, asks: float, named: frozenset[str]) -> list[Reading]:
    """ "The Christian and faith-based groups across all these letters": every letter's."""
    q, scope = context.question, context.scope
    if q.asks_of_a_letter() and not _across(context):
        return []  # "which Christian groups signed the letter to Kim?" asks which letter
    found = described_signers_anywhere(scope, q.norm, named)
    if found is None:
        return []
    described, org_ids = found
    return [
        Reading(
            "signatories",
            asks + 1.0 + (1.5 if _across(context) else 0.0),
            f"signatories of any letter that are {described}",
            lambda: lists.signatories_described_anywhere(scope, described, org_ids),
        )
    ]


def _across(context: Context) -> bool:
    """Whether every letter is asked of: "across all these letters", "on the letters"."""
    return context.letter is None and (
        every_letter(context.question) or context.question.has(_ANY_LETTER)
    )


#: "across all these letters", "on any of the letters", "in the letters".
_ANY_LETTER = re.compile(
    # "which christian groups signed any of the letters"
    r"\b(?:across|over|throughout|in|on|among|from|signed|joined|backed) "
    r"(?:all |any |each |every )?(?:of )?"
    r"(?:the |these |those |our )?(?:three |3 )?letters\b"
)


#: Words that put organisations on a letter without a signing verb: "on the 2012 list",
#: "among the supporters", "behind the letter".
_MEMBERSHIP = re.compile(
    r"\b(?:on|in) the (?:\w+ ){0,3}list\b|\bamong\b|\bbehind\b|\bpart of\b|\bsupporters?\b|"
    r"\bbacked\b|\bsign\w*\b|\bjoin\w*\b|\bmembers?\b"
)
_MEMBERSHIP_CUE = 6.0


def which_of_readings(context: Context) -> list[Reading]:
    """ "Which of these did NOT sign the 2012 letter: Amnesty, FIDH, ICC?": each checked."""
    letter, q = context.letter, context.question
    # "the 2012 ICNK letter": the coalition says which letter, it is not one of the choices
    orgs = [o for o in q.ids("organization") if o not in q.descriptors]
    if letter is None or len(orgs) < 2 or not q.has(_WHICH_OF):
        return []
    negated = q.has(_NOT_SIGN)
    scope = context.scope
    return [
        Reading(
            "signed",
            # above "which letter": the letter is given, the listed groups are asked about
            max(context.cue("signed"), _WHICH_OF_CUE) + letter_fit(context) + 1.0,
            f"which of those listed {'did not sign' if negated else 'signed'} {letter.title}",
            lambda: which_of.signed_among(scope, letter, orgs, negated),
            subject=letter.id,
        )
    ]


#: "Which one of these", "which of the following", "which of Amnesty, FIDH or ICC".
_WHICH_OF = re.compile(
    r"\bwhich (?:one |ones )?(?:of (?:these|those|them|the following)|among)\b|"
    r"\bwhich (?:one )?of (?:\w+ ){1,4}(?:or|and) \w+|"
    # a quiz: "which one was on the 2012 letter: Freedom House or Radio Free Asia?"
    r"^ which (?:one|group|org|organi[sz]ation|ngo)\b.* \w+ or (?:\w+ ){1,5}$"
)
_WHICH_OF_CUE = 7.0
_NOT_SIGN = re.compile(r"\b(?:not|didn ?t|never|wasn ?t|weren ?t)\b(?: \w+)? (?:sign|signed|on)\b")
#: Words that ask for signatories picked out, rather than about one group.
_WHICH = re.compile(r"\b(?:which|what|who|list|name|how many|any|all|every)\b")
