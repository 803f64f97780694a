"""Comparisons across letters: what differs and what they share.

How many more signed is in `count_comparisons`; which came first and how long between are
in `chronology`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rapidfuzz import fuzz

from bot.core.answers.answer import Answer, AnswerBuilder, Item, answering, not_found
from bot.core.answers.cards.people import name_with_abbreviation
from bot.core.answers.cards.quotes import quote_item
from bot.core.answers.facts.chronology import dated_items, gap, order
from bot.core.answers.facts.count_comparisons import more_signers
from bot.core.answers.facts.topic_match import TOPIC_FIT, share
from bot.core.kb.corpus import KnowledgeBase
from bot.core.kb.models import Letter, Statement
from bot.core.scope import Scope
from bot.core.search.names import normalize
from bot.core.search.resolve import resolve_letter

#: Two demands this similar (rapidfuzz token set ratio) are the same demand in other words.
SAME_DEMAND = 70.0


def demand_difference(
    scope: Scope, first: Letter, second: Letter, same_claimed: bool = False
) -> Answer:
    """What one letter demanded that the other did not (similar wording counts as the same).

    `same_claimed` ("they asked for the same things, right?"): Yes, In part or No first.
    """
    builder = AnswerBuilder(
        scope.kb, "compare", f"Demands: {first.year} letter vs {second.year} letter"
    )

    def only(a: Letter, b: Letter) -> list[Item]:
        return [
            Item("•", s.text, builder.cite(s.sources))
            for s in a.demands
            if not any(fuzz.token_set_ratio(s.text, t.text) >= SAME_DEMAND for t in b.demands)
        ]

    only_first, only_second = only(first, second), only(second, first)
    shared = [
        Item("•", s.text, builder.cite(s.sources))
        for s in first.demands
        if any(fuzz.token_set_ratio(s.text, t.text) >= SAME_DEMAND for t in second.demands)
    ]
    builder.direct = (
        f"{len(only_first)} of the {len(first.demands)} demands of the "
        f"{first.year} letter are not among the {len(second.demands)} of the "
        f"{second.year} letter, and {len(only_second)} of the {second.year} "
        f"letter's are not among the {first.year} letter's."
    )
    if shared:
        builder.direct += f" Both asked: {'; '.join(i.text.rstrip('.') for i in shared)}."
    if same_claimed:
        verdict = "Yes" if not only_first and not only_second else "In part" if shared else "No"
        builder.direct = f"{verdict}: {builder.direct}"
    builder.section("Asked by both", shared)
    builder.section(f"Only in the {first.year} letter", only_first)
    builder.section(f"Only in the {second.year} letter", only_second)
    builder.interpretation = f"demands of the {first.year} letter vs the {second.year} letter"
    return builder.build()


def topic_in_each(
    scope: Scope, first: Letter, second: Letter, phrase: str, claim: str | None = None
) -> Answer:
    """What each of two letters says on a topic, by its statement that speaks of it.

    `claim` is what a yes/no asks: "both" ("did both letters press for UN engagement?") or
    "first only" ("did the 2018 letter ask about families that the 2012 one did not?").
    """
    kb = scope.kb
    builder = AnswerBuilder(
        kb, "compare", f"“{phrase}” in the {first.year} and {second.year} letters"
    )
    found: dict[str, Statement | None] = {}
    for letter in (first, second):
        statements = (*letter.demands, *letter.abuses_cited, *letter.excerpts)
        fit, best = max(
            ((share(kb, phrase, s.text), s) for s in statements),
            key=lambda pair: pair[0],
            default=(0.0, None),
        )
        found[letter.id] = best if fit >= TOPIC_FIT else None
    said = [
        f"the {x.year} letter: {st.text.rstrip('.')} {builder.marks(st.sources)}"
        if (st := found[x.id]) is not None
        else f"the {x.year} letter does not, as the sources give it"
        for x in (first, second)
    ]
    holds = {
        "both": all(found.values()),
        "first only": found[first.id] is not None and found[second.id] is None,
    }.get(claim or "")
    opening = "" if holds is None else "Yes. " if holds else "No. "
    builder.direct = f"{opening}On {phrase}, {said[0]}; {said[1]}."
    builder.interpretation = f"{phrase} in the {first.year} and {second.year} letters"
    return builder.build(found=any(found.values()))


def common(
    scope: Scope,
    first: Letter,
    second: Letter,
    only_both: bool = False,
    asked: tuple[str, ...] = (),
) -> Answer:
    """Organisations that signed both letters and people quoted about both.

    With `only_both` ("who signed both?"), the lists of one letter's signers are left out.
    `asked`: organisations the question asks about ("HRW + CSW: in both?"), answered first.
    """
    kb = scope.kb
    builder = AnswerBuilder(kb, "compare", f"{first.title} vs {second.title}")
    a = {s.organization: s for s in first.signatories}
    b = {s.organization: s for s in second.signatories}
    both = sorted(a.keys() & b.keys(), key=kb.name_of)
    speakers_a = {q.speaker for q in kb.quotes_about(first.id)}
    speakers_b = {q.speaker for q in kb.quotes_about(second.id)}
    people = sorted(speakers_a & speakers_b, key=kb.name_of)
    names = ", ".join(kb.name_of(o) for o in both) or "none"
    incomplete = [
        x
        for x in (first, second)
        if max((c.count for c in x.reported_counts if c.of_signers), default=0) > len(x.signatories)
    ]
    builder.direct = (
        f"{len(both)} named signator{'y' if len(both) == 1 else 'ies'} signed both: {names}."
    )
    if incomplete and not both:
        builder.direct = (
            "The sources don't say: of the signatories they name, none signed both, but "
            + " and ".join(f"the {x.year} letter's full list" for x in incomplete)
            + (" is" if len(incomplete) == 1 else " are")
            + " not printed."
        )
    if people:
        builder.direct += " Quoted about both: " + ", ".join(kb.name_of(p) for p in people) + "."
    if asked:
        verdict = _in_both(kb, asked, (first, second), incomplete)
        builder.direct = f"{verdict} {builder.direct}"
    builder.lead.append(
        f"Named signatories: {len(a)} ({first.year}) and {len(b)} "
        f"({second.year}). Only named signatories can be compared; the "
        "sources do not list every signer of either letter."
    )

    def rows(ids: list[str], *tables: dict) -> list[Item]:
        return [
            Item(
                kb.name_of(o),
                kb.organizations[o].country or "",
                builder.cite(s for t in tables if o in t for s in t[o].sources),
            )
            for o in ids
        ]

    builder.section("Signed both", rows(both, a, b))
    if only_both and both:
        builder.interpretation = f"who signed both the {first.year} and {second.year} letters"
        return builder.build()
    builder.section(
        f"Only the {first.year} letter", rows(sorted(a.keys() - b.keys(), key=kb.name_of), a)
    )
    builder.section(
        f"Only the {second.year} letter", rows(sorted(b.keys() - a.keys(), key=kb.name_of), b)
    )
    builder.interpretation = f"compare the {first.year} and {second.year} letters"
    return builder.build()


def _in_both(
    kb: KnowledgeBase,
    asked: tuple[str, ...],
    letters: tuple[Letter, Letter],
    incomplete: list[Letter],
) -> str:
    """Yes, No or "the sources don't say", whether each asked organisation signed both."""
    missing = [
        (o, x) for o in asked for x in letters if o not in {s.organization for s in x.signatories}
    ]
    names = " and ".join(kb.name_of(o) for o in asked)
    if not missing:
        verb = "is a named signatory" if len(asked) == 1 else "are named signatories"
        return f"Yes: {names} {verb} of both letters."
    gaps = "; ".join(f"{kb.name_of(o)} is not named for the {x.year} letter" for o, x in missing)
    if all(x in incomplete for _, x in missing):
        return f"The sources don't say: {gaps}, whose full list is not printed."
    return f"No: {gaps}."


#: What /compare can compare, and the function that does it.
ASPECTS = ("signers", "order", "gap", "counts", "demands", "organisers")


@answering("compare")
def compare(scope: Scope, letter_a: str, letter_b: str, aspect: str | None = None) -> Answer:
    """/compare: two letters by one aspect (who signed both, by default).

    The aspects: signers, order, time between (gap), counts, demands or organisers.
    """
    first, second = resolve_letter(scope, letter_a), resolve_letter(scope, letter_b)
    chosen = (aspect or "signers").strip().casefold()
    functions: dict[str, Callable[[Scope, Letter, Letter], Answer]] = {
        "signers": common,
        "order": order,
        "gap": gap,
        "counts": more_signers,
        "demands": demand_difference,
        "organisers": organisers,
        "organizers": organisers,
    }
    if chosen not in functions:
        return not_found(
            "compare",
            f"Compare by one of: {', '.join(ASPECTS)}.",
            [f"compare {first.year} {second.year} --aspect {a}" for a in ASPECTS],
        )
    return functions[chosen](scope, first, second)


def recipients(
    scope: Scope, first: Letter, second: Letter, yes_no: bool = False, claimed: str | None = None
) -> Answer:
    """Whom each of two letters went to, as the sources described them then, and if the same.

    With `yes_no` ("did they go to the same person?") the answer opens with Yes or No; with
    `claimed` ("did both go to Moon?") the Yes is for that person being whom both went to.
    """
    kb = scope.kb
    builder = AnswerBuilder(kb, "compare", f"Recipients: {first.year} and {second.year} letters")
    marks = builder.marks((*first.sources, *second.sources))

    def described(x: Letter) -> str:
        role = f" ({x.recipient_role})" if x.recipient_role else ""
        return f"{kb.name_of(x.recipient)}{role}" if x.recipient else "no one the sources name"

    same = bool(first.recipient) and first.recipient == second.recipient
    agreed = same and claimed in (None, first.recipient)
    builder.direct = ("Yes. " if yes_no and agreed else "No. " if yes_no else "") + (
        f"Both went to {kb.name_of(first.recipient)}: described as {first.recipient_role} "
        f"in {first.year} and as {second.recipient_role} in {second.year}. {marks}"
        if same and first.recipient
        else f"The {first.year} letter went to {described(first)}, the {second.year} letter "
        f"to {described(second)}. {marks}"
    )
    dated_items(builder, first, second)
    builder.interpretation = f"whom the {first.year} and {second.year} letters went to"
    return builder.build()


def every_recipient(scope: Scope) -> Answer:
    """Whom each letter went to, oldest first, as the sources described them then."""
    kb = scope.kb
    letters = sorted(kb.letters.values(), key=lambda x: x.date)
    builder = AnswerBuilder(kb, "compare", "Whom each letter went to")
    each = "; ".join(
        f"the {x.year} letter went to "
        + (kb.name_of(x.recipient) if x.recipient else "no one the sources name")
        + (f" ({x.recipient_role})" if x.recipient_role else "")
        for x in letters
    )
    marks = builder.marks(s for x in letters for s in x.sources)
    builder.direct = f"{each[:1].upper()}{each[1:]}. {marks}"
    dated_items(builder, *letters)
    builder.interpretation = "whom each letter went to"
    return builder.build(found=bool(letters))


def organisers(
    scope: Scope, first: Letter, second: Letter, yes_no: bool = False, claimed: str | None = None
) -> Answer:
    """Who organised each of two letters, and whether it was the same organisation.

    With `yes_no` ("did they have the same coordinator?") the answer opens with Yes or No;
    `claimed` is the organisation a yes-or-no question says organised both ("were both
    coordinated by HRW?"), so the verdict is about it.
    """
    kb = scope.kb
    builder = AnswerBuilder(kb, "compare", f"Organisers: {first.year} and {second.year} letters")
    marks = builder.marks((*first.sources, *second.sources))
    both = first.coordinator if first.coordinator == second.coordinator else None
    if both and yes_no and claimed and claimed != both:
        builder.direct = (
            f"No: {name_with_abbreviation(scope, both)}, not {kb.name_of(claimed)}, organised "
            f"both the {first.year} and the {second.year} letters. {marks}"
        )
    elif both:
        builder.direct = ("Yes: " if yes_no else "") + (
            f"{name_with_abbreviation(scope, both)} organised both the {first.year} "
            f"and the {second.year} letters. {marks}"
        )
    else:
        names = [
            name_with_abbreviation(scope, x.coordinator)
            if x.coordinator
            else "no organiser the sources name"
            for x in (first, second)
        ]
        builder.direct = ("No. " if yes_no else "") + (
            f"Different organisers: {names[0]} for the {first.year} letter, "
            f"{names[1]} for the {second.year} letter. {marks}"
        )
    dated_items(builder, first, second)
    builder.interpretation = f"who organised the {first.year} and {second.year} letters"
    return builder.build()


#: A region claimed to be missing from the first letter named, not to be only in it.
_MISSING = re.compile(r"\b(?:missing|absent|lacking|left out)\b")


def regions(scope: Scope, first: Letter, second: Letter, claim: str | None = None) -> Answer:
    """The regions each letter's sources say its signers come from, and which differ.

    `claim`: a yes-or-no question's words ("did the 2018 letter have Africa but the 2012 one
    didn't?"): whether the region it names is the first letter's alone opens the answer.
    """
    builder = AnswerBuilder(scope.kb, "compare", f"Regions: {first.year} and {second.year} letters")
    a, b = set(first.signatory_regions), set(second.signatory_regions)
    marks = builder.marks((*first.sources, *second.sources))

    def listed(regions: set[str]) -> str:
        return ", ".join(sorted(regions)) or "none"

    # What differs is what a comparison asks: it comes first.
    builder.direct = (
        f"Only the {first.year} letter: {listed(a - b)}; only the {second.year} letter: "
        f"{listed(b - a)}. The {first.year} letter lists signers from {listed(a)}; the "
        f"{second.year} letter from {listed(b)}. {marks}"
    )
    named = [r for r in sorted(a | b) if claim and f" {normalize(r)} " in claim]
    if named:
        region = named[0]
        # "is Africa missing from the 2012 letter's regions, compared with 2018's?": the
        # second letter's alone
        alone = (
            (region in b and region not in a)
            if _MISSING.search(claim or "")
            else (region in a and region not in b)
        )
        builder.direct = ("Yes. " if alone else "No. ") + builder.direct
    builder.interpretation = f"regions of the {first.year} and {second.year} letters' signers"
    return builder.build()


def quoted_on_both(scope: Scope, person_id: str, first: Letter, second: Letter) -> Answer:
    """Whether someone is quoted about both letters, with the quotes."""
    kb = scope.kb
    builder = AnswerBuilder(kb, "quotes", f"{kb.name_of(person_id)} on both letters")
    on = {x.id: [q for q in kb.quotes_by(person_id) if x.id in q.about] for x in (first, second)}
    both = all(on.values())
    name = kb.name_of(person_id)
    quoted = [x for x in (first, second) if on[x.id]]
    if both:
        builder.direct = (
            f"Yes. {name} is quoted about "
            + " and ".join(
                f"the {x.year} letter ({len(on[x.id])} quote{'s' if len(on[x.id]) != 1 else ''})"
                for x in (first, second)
            )
            + "."
        )
    elif quoted:
        only = quoted[0]
        other = second if only is first else first
        builder.direct = (
            f"No. {name} is quoted about the {only.year} letter "
            f"({len(on[only.id])} quote{'s' if len(on[only.id]) != 1 else ''}), "
            f"not about the {other.year} letter."
        )
    else:
        builder.direct = (
            f"No. The sources quote {name} about neither the {first.year} "
            f"nor the {second.year} letter."
        )
    builder.section(
        "Quotes", [quote_item(scope, builder, q) for x in (first, second) for q in on[x.id]]
    )
    builder.interpretation = f"is {kb.name_of(person_id)} quoted on both letters"
    return builder.build()
