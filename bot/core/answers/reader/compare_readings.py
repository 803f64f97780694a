"""Readings that compare: two letters, or a letter and an event, side by side."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.core.answers.facts import chronology, comparisons, count_claims, people_lists
from bot.core.answers.facts.openers import about_phrase
from bot.core.answers.reader.clues import clear_letter, rank_letters
from bot.core.answers.reader.context import (
    BOTH,
    SUBJECT_FIT,
    Context,
    Reading,
)
from bot.core.answers.reader.event_clues import anchoring_event, rank_events
from bot.core.answers.reader.question import Question, read_question
from bot.core.kb.corpus import KnowledgeBase
from bot.core.kb.models import Event, Letter
from bot.core.scope import Scope
from bot.core.search.names import normalize
from bot.core.search.numbers import NUMBER_WORD, number_value
from bot.core.search.stems import concepts


def compare_readings(context: Context) -> list[Reading]:
    """Two letters, or a letter and an event: order, time between, counts, demands, overlap."""
    scope, q = context.scope, context.question
    if not context.cue("compare") or q.has(_TO_WHICH_OF_TWO):
        return []  # "was it to Trump or to Kim?" asks one letter's recipient
    kb = scope.kb
    per_part = _things_per_part(scope, q)
    likely = [f for f in context.fits[:10] if f.score >= 3]
    strong = [f.letter for f in likely if f.clues != ["its content"]]
    weak = [f.letter for f in likely if f.clues == ["its content"]]
    # An event a letter came "before" describes the letter, and is also what it is compared to.
    events = list(dict.fromkeys([*context.events, *q.ids("event")]))
    # Letters with a clue of their own, not only nearness to the event or shared words.
    # With an event named, a recipient two letters share ("how long after the COI did the
    # 52 NGOs write to Kim") tells neither apart: the letter with a clue of its own is meant.
    shared = {
        c
        for f in likely
        for c in f.clues
        if q.ids("event") and sum(c in g.clues for g in likely) > 1
    }
    named = [
        f.letter
        for f in likely
        if any(
            c not in shared and c != "its content" and not c.startswith("around ") for c in f.clues
        )
    ]
    things: list[Letter | Event] = (
        per_part
        if len(per_part) >= 2
        # "did the 2019 letter come after the Panmunjom Declaration?": the letter and the
        # event, not another letter the event stands near.
        else [named[0], kb.events[events[0]]]
        if len(named) == 1 and events and (len(events) == 1 or q.asks_of_a_letter())
        else [*strong[:2], *(kb.events[e] for e in events), *weak]
        if len(events) < 2 or q.asks_of_a_letter()
        # "how many days after Trump met Kim Yong Chol did the summit take place?"
        else [kb.events[e] for e in events]
    )
    same_day = q.has(_SAME) and not q.has(BOTH)
    if same_day and len(events) == 1 and len(per_part) < 2 and len(named) != 1 and not q.years:
        # "was the rapporteur's briefing the same day the kim letter went out": of the
        # letters to Kim, the one nearest the event is meant
        event = kb.events[events[0]]
        letters = [t for t in things if isinstance(t, Letter)]
        when = event.date
        if len(letters) >= 2 and when:
            things = [min(letters, key=lambda x: _months_apart(x.date, when)), event]
    if len(things) < 2:
        return []
    a, b = things[0], things[1]
    asked = None
    if context.cue("yes_no") or q.has(_SAME):
        after, before = q.has(_AFTER), q.has(_BEFORE)
        if q.has(_SAME):
            asked = "same"
        elif after != before:  # "before or after?" asks which, not whether
            asked = "after" if after else "before"
            # "was the 2012 letter sent 6 years before the 2018 one?": the claim's order
            at_a, at_b = _said_at(q, a), _said_at(q, b)
            if at_a is not None and at_b is not None and at_b < at_a:
                a, b = b, a
    claimed = _CLAIMED_SPAN.search(q.norm) if asked in ("before", "after") else None
    count = number_value(claimed.group(1)) if claimed else None
    span = (count, claimed.group(2)) if claimed and count is not None else None
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
        if q.has(_REGIONS):
            out.append(
                Reading(
                    "compare",
                    cue + 2.0,
                    f"regions: {la.year} vs {lb.year}",
                    lambda: comparisons.regions(scope, la, lb),
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
                        scope, org_id, (la, lb), bool(context.cue("yes_no")) and q.has(_SAME_ONE)
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
        if context.cue("recipient") or q.has(_SAME_RECIPIENT):
            # "Did the 2012 and 2018 letters go to the same guy?", "how was Kim described"
            out.append(
                Reading(
                    "compare",
                    cue + max(context.cue("recipient"), 4.0) - 2.0,
                    f"whom the {la.year} and {lb.year} letters went to",
                    lambda: comparisons.recipients(
                        scope, la, lb, bool(context.cue("yes_no")) or q.has(_SAME_ONE)
                    ),
                )
            )
        if context.cue("sender"):
            out.append(
                Reading(
                    "compare",
                    cue + context.cue("sender") - 3.0,
                    f"who organised the {la.year} and {lb.year} letters",
                    lambda: comparisons.organisers(
                        scope, la, lb, bool(context.cue("yes_no")) or q.has(_SAME_ONE)
                    ),
                )
            )
        out.append(
            Reading(
                "compare",
                cue + (1.0 if both else 0.0),
                f"compare {la.title} and {lb.title}",
                lambda: comparisons.common(scope, la, lb, only_both=both),
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
        if q.has(_MORE) or context.cue("count"):
            out.append(
                Reading(
                    "compare",
                    # "how many more … than the one sent before Singapore": not which came
                    # first; "how many signers did each have": both counts, side by side
                    cue + (1.5 if q.has(_HOW_MANY_MORE) else 1.0) + (2.0 if q.has(_EACH) else 0.0),
                    f"how many more signed: {la.year} vs {lb.year}",
                    lambda: comparisons.more_signers(scope, la, lb, _claim(q, context, la, lb)),
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
                    lambda: comparisons.demand_difference(scope, *_as_asked(q, la, lb)),
                )
            )
    return [replace(r, subject=f"{a.id} {b.id}") for r in out]


def _as_asked(q: Question, a: Letter, b: Letter) -> tuple[Letter, Letter]:
    """The two letters in the order the question names them by year (else as given)."""
    at = [q.norm.find(f" {x.year} ") for x in (a, b)]
    return (b, a) if min(at) >= 0 and at[1] < at[0] else (a, b)


_PARTS = re.compile(r"\b(?:or|and|vs|versus|compared (?:to|with)|than|against)\b")


def _things_per_part(scope: Scope, question: Question) -> list[Letter | Event]:
    """One letter or event per part of "the HRW letter to Kim or the ICNK letter to Moon".

    Each side of "or", "and", "vs" describes its own letter or event; reading them apart
    keeps the clues of one ("ICNK") from pointing the other at a third letter.
    """
    parts = [p for p in _PARTS.split(question.text.casefold()) if len(p.split()) >= 1]
    if len(parts) < 2:
        return []
    kb = scope.kb
    found: list[Letter | Event] = []
    for part in parts[:4]:
        sub = read_question(scope, part)
        named = [kb.events[e] for e in sub.ids("event")]
        # Within one side, a letter something names (its kind, year, recipient…) beats one
        # its words merely resemble.
        fits = [
            f
            for f in rank_letters(scope, sub, anchoring_event(scope, sub))
            if f.clues != ["its content"]
        ]
        letter = clear_letter(fits)
        strong = letter is not None
        described = rank_events(scope, sub)
        thing: Letter | Event | None = None
        if named:
            thing = named[0]
        elif strong and _A_LETTER.search(part):  # "the one sent to Kim before Singapore"
            thing = letter
        elif described:
            thing = kb.events[described[0][0]]
        elif only := _the_one_event_called(kb, part):
            thing = only  # "… and the summit": the one summit the sources hold
        elif letter is not None and (question.asks_of_a_letter() or question.years):
            thing = letter  # not "between Kim and Moon signing …": two people, no letter
        if thing is not None and all(thing.id != other.id for other in found):
            found.append(thing)
    return found


def _the_one_event_called(kb: KnowledgeBase, part: str) -> Event | None:
    """The event "the summit" or "the declaration" means when only one is so called."""
    kind = _EVENT_KIND.search(part)
    if kind is None or _A_LETTER.search(part):
        return None
    called = [e for e in kb.events.values() if kind.group(1) in normalize(e.title).split()]
    return called[0] if len(called) == 1 else None


_EVENT_KIND = re.compile(r"\bthe (summit|declaration|resolution|hearing|testimony|briefing)\b")


def _topic_of_both(q: Question) -> str | None:
    """The topic asked of two letters, without the clause naming the other letter."""
    phrase = about_phrase(q)
    phrase = _THE_OTHER_CLAUSE.sub("", phrase).strip() if phrase else None
    named = phrase and concepts(phrase) and not _A_LETTER_WORD.search(phrase)
    return phrase if named else None


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
_A_LETTER = re.compile(r"\b(?:letters?|the one|that one|appeals?)\b")
_WHO_IN_BOTH = re.compile(
    # not "who said it was both America's responsibility and …": words, not two letters
    r"\b(?:who(?! (?:said|says|say|called|claimed|described|warned|argued))|"
    r"which (?:\w+ )?(?:staff|staffers?|people|person|persons|contacts?|spokes\w*|officials?|"
    r"campaigners?|employees?|individuals?)|\b(?:anyone|anybody|someone|somebody)\b)"
    r"\b.*\b(?:both|each of)\b"
)
_REGIONS = re.compile(r"\bregions?\b|\bcontinents?\b")
_SAME = re.compile(r"\bsame (?:day|date|time)\b")
#: "Same coordinator?": whether one thing was the same for both, asked yes or no.
_SAME_ONE = re.compile(r"\bsame\b")
_SAME_RECIPIENT = re.compile(
    r"\bsame (?:guy|man|leader|recipient|addressee)\b|\bto the same (?:person|one)\b|"
    r"\b(?:was|is) (?:\w+ ){1,3}(?:described|called|referred to|styled)\b"
)


def _said_at(q: Question, thing: Letter | Event) -> int | None:
    """Where the question names a letter (by its year) or an event, if it does."""
    tokens = q.norm.split()
    if isinstance(thing, Letter) and str(thing.year) in tokens:
        return tokens.index(str(thing.year))
    return next((m.start for m in q.mentions if m.entity_id == thing.id), None)


#: Speaking for a group: "who spoke for HRW", "the HRW spokesperson", "same person".
_SPOKE_FOR = re.compile(r"\b(?:spoke|speaks|spokes\w+|same person|quoted|voice|commented)\b")
#: How far apart a claim puts two things: "10 days before", "two weeks after".
_CLAIMED_SPAN = re.compile(
    rf"\b(\d+|{NUMBER_WORD}) (day|week|month|year)s? (?:before|after|earlier|later|ahead)\b"
)
_AFTER = re.compile(r"\bafter\b")
_BEFORE = re.compile(r"\bbefore\b")
_GAP = re.compile(
    r"\bhow (?:long|many (?:years|months|days)|much time)\b|\btime between\b|\bapart\b(?! from)|"
    r"\bgap\b|\belapsed\b|\bpassed\b"
)
_FIRST = re.compile(
    r"\bfirst\b|\bearlier\b|\blater\b|\bbefore\b|\bafter\b|\bolder\b|"
    r"\bnewer\b|\bprecede\w*|\bfollow\w*"
)


def _claim(q: Question, context: Context, a: Letter, b: Letter) -> tuple[Letter, bool] | None:
    """In "did the 2012 letter have more signers than the 2018 one": 2012, said to have more."""
    match = _MORE_THAN.search(q.norm)
    if not context.cue("yes_no") or match is None:
        return None
    after = q.norm[match.end() :]
    compared_to = b if str(b.year) in after and str(a.year) not in after else a
    claimed = a if compared_to is b else b
    return claimed, match.group(1) not in ("fewer", "smaller")


_MORE_THAN = re.compile(r"\b(more|fewer|bigger|larger|smaller)\b(?: \w+){0,4} than\b")
_HOW_MANY_MORE = re.compile(r"\bhow many (?:more|fewer|less)\b")
_MORE = re.compile(r"\bmore\b|\bfewer\b|\bbigger\b|\blarger\b|\bsmaller\b|\bdifference in\b")


def _months_apart(a: str, b: str) -> int:
    """Roughly how many months lie between two ISO dates of any precision."""

    def months(date: str) -> int:
        return int(date[:4]) * 12 + (int(date[5:7]) if len(date) >= 7 else 6)

    return abs(months(a) - months(b))
