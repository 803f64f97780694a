"""Readings of counts claimed of a letter: "62 groups signed the 2018 letter, right?".

A number before what it counts is the claim; a number that only names the letter ("the
52-group letter") is not; a number of demands is checked against the letter's demands.
"""

from __future__ import annotations

import re

from bot.core.answers.facts import count_claims
from bot.core.answers.facts.openers import answer_demands, answer_signatories
from bot.core.answers.reader.context import (
    BOTH,
    COUNTABLE,
    OF_DEMANDS,
    Context,
    Reading,
    letter_fit,
)
from bot.core.search.numbers import UNITS, number_value


def count_claim_readings(context: Context) -> list[Reading]:
    """A count of signers, or of demands, claimed of the letter the question means."""
    scope, q, letter = context.scope, context.question, context.letter
    if letter is None:
        return []
    choice = _CHOICE.search(q.norm)
    # "52 or 300?? which is it for the 2018 letter": two counts the letter's sources report
    reported = {c.count for c in letter.reported_counts}
    both_reported = choice is not None and {int(choice[1]), int(choice[2])} <= reported
    if not (context.cue("yes_no") or (choice and (q.has(COUNTABLE) or both_reported))):
        return []
    base = max(context.cue("yes_no"), 4.0) + 2.0  # "40 or 50 groups?" asks, as yes or no does
    out: list[Reading] = []
    # "did the letter of the 52 welcome …", "the 52-group letter had 76 signers": a count
    # that only names the letter is not the one claimed
    # "name the 22 countries, I doubt you can": the count asks for a list, claims nothing
    listed = {int(n) for n in _ASKED_TO_LIST.findall(q.norm)}
    counts_claimed = [n for n in q.numbers if not _names_the_letter(q.norm, n) and n not in listed]
    if (
        counts_claimed
        and q.has(COUNTABLE)
        # "24 more signers than 2018?" compares; "the letter sent five days before the
        # summit carried 76 signatures" claims a count of the letter the time describes
        and not (
            context.cue("compare")
            and (
                q.has(_MORE_OR_FEWER)
                or q.has(BOTH)
                or len(q.years) > 1
                or not _counted(q.norm, counts_claimed[0])
            )
        )
        # "is Freedom House one of the 76?" asks about Freedom House; "62 groups signed
        # HRW's letter?" still claims a count
        and (not context.orgs or _counted(q.norm, counts_claimed[0]))
    ):
        number = counts_claimed[0]
        if q.countries and not q.region:
            # "five United States organisations appear on the 2012 list?": a count of those
            # from there
            out.append(
                Reading(
                    "yes_no",
                    base + letter_fit(context) + 2.0,
                    f"are {number} signers of {letter.title} from {', '.join(q.countries)}",
                    lambda: answer_signatories(scope, letter, q.countries, claimed=number),
                )
            )
        out.append(
            Reading(
                "yes_no",
                # a number before what it counts is the claim, ahead of who is named
                base + letter_fit(context) + (1.0 if _counted(q.norm, number) else 0.0),
                f"is {number} a count of {letter.title}",
                lambda: count_claims.count_claim(
                    scope,
                    letter,
                    number,
                    _claimed_of_signers(q.norm, number) and not _of_places(q.norm, number),
                ),
            )
        )
    of_signers = (q.has(COUNTABLE) or both_reported) and not q.has(OF_DEMANDS)  # not "demands"
    if choice and of_signers and {int(choice[1]), int(choice[2])} <= set(counts_claimed):
        # "was it 52 or 76 groups on the 2018 letter?": which, not yes or no
        choices = (int(choice[1]), int(choice[2]))
        out.append(
            Reading(
                "count",
                base + letter_fit(context) + 2.5,
                f"{choices[0]} or {choices[1]}: a count of {letter.title}",
                lambda: count_claims.count_choice(scope, letter, choices, q.has(_NAMES)),
            )
        )
    demanded = _DEMANDS_COUNTED.search(q.norm)
    if demanded and letter.demands:
        # "the 2018 letter only had like 4 demands, right?": the count of its demands
        said = demanded.group(1)
        number = number_value(said) or 0  # the pattern admits only numbers
        out.append(
            Reading(
                "yes_no",
                base + letter_fit(context) + 2.0,
                f"did {letter.title} make {number} demands",
                lambda: answer_demands(scope, letter, False, claimed=number),
            )
        )
    return out


#: Two numbers offered as a choice: "52 or 76".
_CHOICE = re.compile(r"\b(\d+) or (\d+)\b")
#: A number claimed of those who signed, not of the groups they stand for.
_SIGNING_WORD = re.compile(r"\b(?:signers|signatories|co ?signers|cosigners|signed|signing)\b")
_SIGNER_COUNT = re.compile(rf"{_SIGNING_WORD.pattern}(?!.*\brepresent)")
_REPRESENTED = re.compile(r"\brepresent(?:s|ed|ing)?\b")


def _claimed_of_signers(norm: str, number: int) -> bool:
    """Whether the number is claimed of those who signed, not of the groups they stand for.

    The words right after the number decide: "300 NGOs represented by the signers" are
    the groups represented, "300 signers representing 52 groups" the signers; otherwise
    a signing word not followed by "represent".
    """
    at = re.search(rf"\b{number}\b((?: \w+){{1,3}})", norm)
    after = at.group(1) if at else ""
    represented = _REPRESENTED.search(after)
    signers = _SIGNING_WORD.search(after)
    if represented or signers:
        return signers is not None and (
            represented is None or signers.start() < represented.start()
        )
    return bool(_SIGNER_COUNT.search(norm))


def _of_places(norm: str, number: int) -> bool:
    """Whether the number counts places: "groups from at least 22 countries" (not signers)."""
    return bool(re.search(rf"\b{number} (?:\w+ )?(?:countries|nations|regions|continents)\b", norm))


_ASKED_TO_LIST = re.compile(
    r"\b(?:name|list|need|give me|show me|tell me)(?: all)?(?: the| those| these)? (\d+)\b"
)


def _names_the_letter(norm: str, number: int) -> bool:
    """Whether a number only says which letter: "the letter of the 52", "the 52-org letter"."""
    return (
        re.search(
            rf"\b(?:letter|one) (?:of|from|by) the {number}\b|"
            # "the organisation that organized the letter from 52 groups"
            rf"(?<!\bwas )(?<!\bis )\bthe (?:\w+ )?(?:letter|one) (?:from|of|with) {number}\b|"
            # "the 52-organisation joint letter", not "52 signed the letter"
            rf"\b{number} (?:(?!signed|backed|endorsed|joined|co\b)\w+ ){{0,2}}(?:letter|one)\b|"
            # "the addressee of the letter signed by 52 organisations", not "was the letter
            # signed by 52 organisations?"
            r"(?<!\bwas )(?<!\bis )(?<!\bwere )(?<!\bwasn t )\bthe (?:\w+ )?(?:letter|one) "
            rf"(?:that was |which was |that |which )?(?:signed|backed|endorsed|co signed) by "
            rf"(?:\w+ )?{number}\b",
            norm,
        )
        is not None
    )


def _counted(norm: str, number: int) -> bool:
    """Whether the number is claimed of what it counts ("62 organisations signed").

    Not "the 52 groups", which names the letter they signed.
    """
    return re.search(rf"(?<!the )(?<!of )\b{number} (?:\w+ )?{_COUNTED_NOUN}", norm) is not None


_COUNTED_NOUN = (
    r"(?:groups|organi[sz]ations|ngos|orgs|signatories|signers|co ?signers|charities|signatures)\b"
)


#: Words that make a number a difference between two counts.
_MORE_OR_FEWER = re.compile(r"\b(?:more|fewer|less|bigger|smaller|larger|difference)\b")
#: A number of demands claimed: "only had like 4 demands", "made five calls".
_SMALL = [*UNITS, "ten"]
_DEMANDS_COUNTED = re.compile(
    rf"\b(\d{{1,2}}|{'|'.join(_SMALL)}) (?:\w+ )?"
    r"(?:demands|calls|reforms|requests|asks|recommendations|points)\b"
)


#: "How many names are on the printed list — 39 or 43?": the names, not a reported total.
_NAMES = re.compile(r"\bnames\b|\bprinted\b|\blisted\b|\bnamed\b")
