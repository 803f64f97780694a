"""Readings that compare: two letters, or a letter and an event, side by side."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.core.answers.facts import (
    chronology,
    comparisons,
    count_claims,
    count_comparisons,
    people_lists,
)
from bot.core.answers.reader.claimed_order import claimed_order
from bot.core.answers.reader.compared_things import things_compared, within_one_letter
from bot.core.answers.reader.context import (
    BOTH,
    COUNTABLE,
    SUBJECT_FIT,
    Context,
    Reading,
)
from bot.core.answers.reader.event_clues import TIME_PASSED
from bot.core.answers.reader.party_compare_readings import SAME_ONE, parties_compared
from bot.core.answers.reader.phrases import about_phrase
from bot.core.answers.reader.question import Question
from bot.core.kb.models import Letter
from bot.core.search.stems import concepts


def compare_readings(context: Context) -> list[Reading]:
    """Two letters, or a letter and an event: order, time between, counts, demands, overlap."""
    scope, q = context.scope, context.question
    if not context.cue("compare") or q.has(_TO_WHICH_OF_TWO) or within_one_letter(q):
        return []  # "was it to Trump or to Kim?" asks one letter's recipient
    things = things_compared(context)
    if (
        len(things) < 2
        or (context.cue("topic") and not q.mentions and not q.years)
        or (context.cue("who_said") and not q.ids("letter") and not q.years)
    ):
        # "what was said about peace on the peninsula versus human rights?": two topics,
        # though each may describe some event; "who asserted that it is both a moral duty
        # and in the national interest?": words remembered
        return []
    a, b, asked, span = claimed_order(q, things[0], things[1], bool(context.cue("yes_no")))
    cue = context.cue("compare") + SUBJECT_FIT + 1.0
    out = [
        Reading(
            "compare",
            cue - 0.5,
            f"which came first: {a.title} or {b.title}",
            lambda: chronology.order(scope, a, b, asked, span),
        )
    ]
    if q.has(_GAP):
        out.append(
            Reading(
                "compare",
                cue + 1,
                f"time between {a.title} and {b.title}",
                lambda: chronology.gap(scope, a, b),
            )
        )
    if q.has(_FIRST):
        out.append(
            Reading(
                "compare",
                cue + 1,
                f"which came first: {a.title} or {b.title}",
                lambda: chronology.order(scope, a, b, asked, span),
            )
        )
    if isinstance(a, Letter) and isinstance(b, Letter):
        la, lb = a, b
        both = q.has(BOTH)
        # "HRW + CSW: in both 2012 and 2018 letters?": whether the groups named signed both
        yes_no = both and bool(context.cue("yes_no") or q.text.rstrip().endswith("?"))
        if q.has(_REGIONS):
            ra, rb = _as_asked(q, la, lb)
            out.append(
                Reading(
                    "compare",
                    cue + 2.0,
                    f"regions: {ra.year} vs {rb.year}",
                    # "did the 2018 letter have africa but the 2012 one didn't?"
                    lambda: comparisons.regions(
                        scope, ra, rb, q.norm if context.cue("yes_no") else None
                    ),
                )
            )
        if context.orgs and not q.subjects("person") and q.has(_SPOKE_FOR):
            # "who spoke for HRW on the 2018 letter, versus the 2019 one?": its people quoted
            org_id = context.orgs[0]
            out.append(
                Reading(
                    "compare",
                    cue + 3.0,
                    f"who spoke for {scope.kb.name_of(org_id)} on each letter",
                    lambda: people_lists.voices_per_letter(
                        scope, org_id, (la, lb), bool(context.cue("yes_no")) and q.has(SAME_ONE)
                    ),
                )
            )
        if context.people and context.cue("quotes"):
            person_id = context.people[0]
            out.append(
                Reading(
                    "compare",
                    cue + 2.0,
                    f"{scope.kb.name_of(person_id)} on both",
                    lambda: comparisons.quoted_on_both(scope, person_id, la, lb),
                )
            )
        asked_person = (
            context.people[0] if context.people and both and not context.cue("quotes") else None
        )
        if asked_person in (la.recipient, lb.recipient) and context.orgs:
            asked_person = None  # "did CSW sign both … letters to the North's leader?": CSW

        if q.has(_WHO_IN_BOTH) or asked_person:
            # "Which HRW staff appear on both?": people, of the body named if any; "did
            # Robertson appear in both?": whether he is one of them.
            org = context.orgs[0] if context.orgs else None
            out.append(
                Reading(
                    "compare",
                    # "was Rogers involved in both?": ahead of whether he was in the first
                    cue + (2.5 if asked_person else 2.0),
                    f"people in both the {la.year} and {lb.year} letters",
                    lambda: people_lists.people_in_both(scope, la, lb, org, asked_person),
                )
            )
        out += parties_compared(context, la, lb, cue, both)
        out.append(
            Reading(
                "compare",
                cue + (1.0 if both else 0.0),
                f"compare {la.title} and {lb.title}",
                lambda: comparisons.common(
                    scope, la, lb, only_both=both, asked=tuple(context.orgs) if yes_no else ()
                ),
            )
        )
        if context.cue("yes_no") and both and q.numbers:
            # "Did the 2018 and 2019 letters both claim more than 300 groups?"
            out.append(
                Reading(
                    "compare",
                    cue + 2.5,
                    f"is {q.numbers[0]:,} a figure of both the {la.year} and {lb.year} letters",
                    lambda: count_claims.count_in_both(scope, la, lb, q.numbers),
                )
            )
        counted = next((c for c, p in _COUNTED.items() if q.has(p)), None)
        if counted is None and not q.has(_HOW_MANY_MORE) and _represented_figure(q, la, lb):
            counted = "represent"  # "the over-300 groups in 2018 and in 2019, same figure?"
        if counted and (q.has(_MORE) or context.cue("count") or context.cue("compare")):
            # "which letter represented more NGOs": the groups represented, not the signers
            out.append(
                Reading(
                    "compare",
                    cue + 2.0,
                    f"{count_comparisons.COUNTED[counted]}: {la.year} vs {lb.year}",
                    lambda: count_comparisons.other_counts(
                        scope, la, lb, counted, q.has(_SAME_FIGURE)
                    ),
                )
            )
        elif (
            # "same guy diff job?": beside a person, a different job, not counts
            q.has(_MORE) and not (context.people and " diff " in q.norm)
        ) or (context.cue("count") or q.has(_SIGNER_COUNTS)):
            out.append(
                Reading(
                    "compare",
                    # "how many more … than the one sent before Singapore": not which came
                    # first; "how many signers did each have": both counts, side by side
                    # "compare signatory counts: A vs B": counts of two letters, not of one
                    cue
                    + (1.5 if q.has(_HOW_MANY_MORE) else 1.0)
                    + (2.0 if q.has(_EACH) else 0.0)
                    + (1.5 if _counts_both_signers(context, la, lb) else 0.0)
                    # "how did the number of signers compare", "signers: 2018 vs 2019 counts"
                    + (2.0 if q.has(_SIGNER_COUNTS) else 0.0),
                    f"how many more signed: {la.year} vs {lb.year}",
                    lambda: count_comparisons.more_signers(
                        scope, la, lb, _claim(q, context, la, lb)
                    ),
                )
            )
        phrase = _topic_of_both(q)
        if phrase and not context.people and (context.cue("yes_no") or context.cue("topic")):
            # "did the 2018 letter ask about separated families that the 2012 one did not?"
            claim = "first only" if q.has(_THE_OTHER_NOT) else "both" if q.has(BOTH) else None
            out.append(
                Reading(
                    "compare",
                    cue + 3.0,
                    f"{phrase} in the {la.year} and {lb.year} letters",
                    lambda: comparisons.topic_in_each(scope, *_as_asked(q, la, lb), phrase, claim),
                )
            )
        if context.cue("demands") or context.cue("letter_says"):
            out.append(
                Reading(
                    "compare",
                    cue + 2,  # what the letters asked, not who signed them
                    f"demands: {la.year} vs {lb.year}",
                    # "what did 2018 ask for that 2012 didn't": the letter asked of first
                    lambda: comparisons.demand_difference(
                        scope,
                        *_as_asked(q, la, lb),
                        same_claimed=bool(context.cue("yes_no")) and q.has(_SAME_ASKS),
                    ),
                )
            )
    return [replace(r, subject=f"{a.id} {b.id}") for r in out]


def _as_asked(q: Question, a: Letter, b: Letter) -> tuple[Letter, Letter]:
    """The two letters in the order the question names them by year (else as given)."""
    at = [q.norm.find(f" {x.year} ") for x in (a, b)]
    return (b, a) if min(at) >= 0 and at[1] < at[0] else (a, b)


def _topic_of_both(q: Question) -> str | None:
    """The topic asked of two letters, without the clause naming the other letter."""
    phrase = about_phrase(q)
    phrase = _THE_OTHER_CLAUSE.sub("", phrase).strip() if phrase else None
    named = (
        phrase
        and concepts(phrase)
        and not _A_LETTER_WORD.search(phrase)
        and not _POINTS_BACK.match(phrase)
    )
    return phrase if named else None


#: "more organisations on it? numbers please": "on it" is on the letter, no topic.
_POINTS_BACK = re.compile(r"(?:it|them|this|that|these|those)\b")


_THE_OTHER_CLAUSE = re.compile(
    r"\s*\b(?:that|which|than|but|and|in|from)\s+(?:the\s+)?(?:other|\d{4}|earlier|later|"
    r"first|second|moon|kim)\b.*$"
)
#: A phrase that names letters ("both the 2018 letter") is no topic.
_A_LETTER_WORD = re.compile(r"\b(?:letters?|ones?|both|\d{4})\b")
_THE_OTHER_NOT = re.compile(
    r"\b(?:that|which) the (?:other|\d{4}|\w+) (?:one |letter )?(?:did|does) ?n[o']?t\b"
)
_EACH = re.compile(r"\b(?:each|respectively|by the numbers|side by side)\b")
_TO_WHICH_OF_TWO = re.compile(
    r"\b(?:was|is|were) (?:it|that|this|they) (?:addressed |written |sent )?to (?:\w+ ){1,3}or "
)
_WHO_IN_BOTH = re.compile(
    # not "who said it was both America's responsibility and …": words, not two letters
    r"\b(?:who(?! (?:said|says|say|called|claimed|described|warned|argued|characteri[sz]ed|"
    r"termed|framed|labell?ed|put it|spoke of|talked of))|"
    r"which (?:\w+ )?(?:staff|staffers?|people|person|persons|contacts?|spokes\w*|officials?|"
    r"campaigners?|employees?|individuals?)|\b(?:anyone|anybody|someone|somebody)\b)"
    r"\b.*\b(?:both|each of)\b"
)
#: The regions the signers come from, compared.
_REGIONS = re.compile(r"\bregions?\b|\bcontinents?\b")


#: Speaking for a group: "who spoke for HRW", "the HRW spokesperson", "same person".
_SPOKE_FOR = re.compile(r"\b(?:spoke|speaks|spokes\w+|same person|quoted|voice|commented)\b")
_GAP = re.compile(
    r"\bhow (?:long|many (?:years|months|days)|much time)\b|\btime between\b|\bapart\b(?! from)|"
    rf"\bgap\b|\belapsed\b|\binterval\b|\bspan(?:ned)? between\b|{TIME_PASSED.pattern}|"
    r"\b(?:years|months|weeks|days) (?:between|separat\w*)\b"
)
#: "which came first"; not "the first open letter to kim", which only says which letter.
_FIRST = re.compile(
    r"\bfirst\b(?! (?:open |joint |coalition )?(?:letter|one|appeal)\b)|\bearlier\b|\blater\b|"
    r"\bbefore\b|\bafter\b|\bolder\b|\bnewer\b|\bprecede\w*|\bfollow\w*|"
    # "dates of the 2012 and 2018 letters?": both dates, in order
    r"\bdates\b"
)


def _claim(q: Question, context: Context, a: Letter, b: Letter) -> tuple[Letter, bool] | None:
    """In "did the 2012 letter have more signers than the 2018 one": 2012, said to have more."""
    match = _MORE_THAN.search(q.norm)
    if not context.cue("yes_no") or match is None:
        return None
    after = q.norm[match.end() :]
    # the one named after "than" is compared to; by default the first named has the claim
    compared_to = a if _named_in(q, a, after) and not _named_in(q, b, after) else b
    claimed = a if compared_to is b else b
    return claimed, match.group(1) not in ("fewer", "smaller")


#: The two letters' signers counted: "the number of signers", "signer counts".
_SIGNER_COUNTS = re.compile(
    r"\b(?:(?:number|numbers|count|counts|total|totals) of (?:signers|signatories|signatures|"
    r"co ?signers|signing (?:groups|organi[sz]ations))|(?:signer|signatory|signature) "
    r"(?:counts?|numbers?|totals?)|signers (?:\w+ ){0,4}counts?|"
    # "which letter had more signers, the one to Moon or the one before the summit?"
    r"(?:more|fewer) (?:signers|signatories|co ?signers|signatures|orgs|organi[sz]ations|groups|"
    r"ngos))\b"
)


def _counts_both_signers(context: Context, a: Letter, b: Letter) -> bool:
    """ "Compare signatory counts: the HRW letter vs the one to Moon": two letters' signers."""
    q = context.question
    return bool(context.cue("count")) and q.has(COUNTABLE) and _both_described(context, a, b)


def _both_described(context: Context, *letters: Letter) -> bool:
    """Whether each letter has a clue besides words of its text ("the HRW letter").

    Each clue must be at least a third as strong as the best letter's: one letter, and
    another barely hinted at, is one letter asked of.
    """
    top = max((f.score for f in context.fits), default=0.0)
    clued = {
        f.letter.id for f in context.fits if set(f.clues) - {"its content"} and f.score >= top / 3
    }
    return all(letter.id in clued for letter in letters)


def _named_in(q: Question, letter: Letter, words: str) -> bool:
    """Whether words name the letter: by its year, or by a mention of it or its recipient."""
    surfaces = [
        m.surface for m in q.mentions if m.entity_id in (letter.id, letter.recipient) and m.surface
    ]
    return str(letter.year) in words or any(f" {s} " in words for s in surfaces)


_MORE_THAN = re.compile(r"\b(more|fewer|bigger|larger|smaller)\b(?: \w+){0,4} than\b")
#: Counts other than the signers', by the words that ask for them.
_COUNTED = {
    "represent": re.compile(r"\brepresent\w*"),
    "countr": re.compile(r"\b(?:countries|country|nations|nationalities)\b"),
}
#: A claim that two letters asked alike: "they asked for the same things, right?"
_SAME_ASKS = re.compile(r"\bsame\b|\balike\b|\bidentical\b")
#: "is that the same figure in both?": a count compared, asked yes or no.
_SAME_FIGURE = re.compile(r"\bsame (?:figure|number|count|total|amount)s?\b")
_HOW_MANY_MORE = re.compile(r"\bhow many (?:more|fewer|less)\b|\bby how (?:many|much)\b")
_MORE = re.compile(
    # not "did Kim get more than one of these letters": letters counted, not signers
    r"\bmore\b(?! than one\b)|\bfewer\b|\bbigger\b|\blarger\b|\bsmaller\b|\bdifference in\b|"
    r"\bdiff\b|"
    # "which had the most signers, the hrw letter or the moon one": of two, the more
    r"\b(?:most|fewest|biggest|largest|smallest)\b(?=.* or )|"
    r"\bminus\b|\bdelta\b|\bsubtract\w*|\bexceed\w*|\boutnumber\w*|\bsurpass\w*"
)


def _represented_figure(q: Question, *letters: Letter) -> bool:
    """Whether a number asked is the groups-represented count of every letter compared."""
    return any(
        all(any("represent" in c.unit and c.count == n for c in x.reported_counts) for x in letters)
        for n in q.numbers
    )
