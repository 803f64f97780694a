"""Answers that say first what the sources do not cover, then what they do say.

A reply nobody recorded, an outcome after the sources' dates, contact details the
knowledge base never keeps, individual signers the sources count but do not name.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.core.answers.answer import Answer, AnswerBuilder, cite_in, with_direct
from bot.core.answers.cards import letters as letter_cards
from bot.core.answers.cards import people as people_cards
from bot.core.answers.cards.people import event as event_card
from bot.core.answers.facts import claims
from bot.core.kb.corpus import KnowledgeBase
from bot.core.kb.dates import human_date
from bot.core.kb.models import Event, Letter, Person
from bot.core.scope import Scope


def not_covered(scope: Scope, what: str, letter: Letter | None) -> Answer:
    """Say first that the sources do not report `what`; then what they do say."""
    if letter is not None:
        card = letter_cards.letter(scope, letter.id)
        direct = (
            f"The sources do not report {what}. Here is what they say about the "
            f"{letter.year} letter and the reactions to it."
        )
        return with_direct(card, direct, f"not covered: {what}", (), "not_covered")
    builder = AnswerBuilder(scope.kb, "ask", "Not in the sources")
    builder.direct = f"The sources do not report {what}."
    newest = max(scope.kb.letters.values(), key=lambda x: x.date, default=None)
    builder.suggestions += ["Which letters are there?"] + (
        [f"What was said about the {newest.year} letter?"] if newest else []
    )
    builder.interpretation = f"not covered: {what}"
    return builder.build(found=False)


def individual_signers(scope: Scope, letter: Letter | None, yes_no: bool = True) -> Answer:
    """Did individuals sign (`yes_no`), or which did: what the letter's counts say of them.

    No individual is named in the sources, which the answer says first when asked which.
    """
    counted = [
        c for c in (letter.reported_counts if letter else ()) if "individual" in c.unit.casefold()
    ]
    if letter is None or not counted:
        return not_covered(
            scope,
            "individuals signing in their own name; the named signatories are organisations",
            letter,
        )
    card = letter_cards.letter(scope, letter.id)
    card, marks = cite_in(card, scope.kb, [s for c in counted for s in c.sources])
    counts = f"they count {counted[0].describe()} for the {letter.year} letter"
    direct = (
        f"Yes, according to the sources: {counts}, but name no individual signer. {marks}"
        if yes_no
        else f"The sources do not name any individual signer: {counts}. {marks}"
    )
    return with_direct(card, direct, f"individual signers of {letter.title}", (), "yes_no")


def person_as_signer(scope: Scope, person: Person, letter: Letter | None) -> Answer:
    """Did a person sign in their own name: the sources name organisations as signers."""
    if letter is not None:
        return claims.person_involved(scope, person, letter, signed=True)
    card = people_cards.person(scope, person.id)
    sources = [s for r in person.roles for s in r.sources] or list(person.sources)
    card, marks = cite_in(card, scope.kb, sources)
    post = (
        f" The sources describe {person.name} as {person.roles[-1].title}." if person.roles else ""
    )
    direct = (
        f"The sources do not name {person.name} as a signer of any letter: the signatories "
        f"they name are organisations.{post} {marks}"
    )
    return with_direct(card, direct, f"did {person.name} sign in their own name", (), "yes_no")


def contact_refused(scope: Scope, people: tuple[str, ...] = ()) -> Answer:
    """Contact details are never kept: say so, and who the people asked about are."""
    kb = scope.kb
    builder = AnswerBuilder(kb, "ask", "Contact details are not kept")
    builder.direct = (
        "The knowledge base does not keep phone numbers, e-mail addresses or "
        "other contact details of anyone, by design."
    )
    named = [kb.people[p] for p in people if p in kb.people]
    for person in named:
        role = person.roles[-1] if person.roles else None
        if role is not None:
            org = kb.name_of(role.organization) if role.organization else None
            builder.direct += (
                f" {person.name} is named in the sources as {role.describe(org)}. "
                f"{builder.marks(role.sources)}"
            )
    builder.suggestions += ["Who is Phil Robertson?"]
    builder.interpretation = "contact details (not kept)"
    return builder.build(found=False)


def after_its_sources(scope: Scope, event: Event) -> bool:
    """Whether every source on an event was published before it took place.

    The 2018 sources wrote days before the Singapore summit: what it achieved, whether human
    rights were raised there, is not in them.
    """
    dates = [scope.kb.sources[s].date or "" for s in event.sources if s in scope.kb.sources]
    if not event.date or not dates or not all(dates):
        return False
    # A source dated only by its month ("2018-06") is not after an event in that month.
    return all(d <= event.date[: len(d)] for d in dates) and any(d < event.date for d in dates)


def outcome_not_reported(scope: Scope, event: Event, afterwards: bool = False) -> Answer:
    """An event's outcome asked of sources written before it: say so, then what they say.

    With `afterwards`, what followed it ("did the House pass it too?"), which no source
    reports whenever it was written.
    """
    card = event_card(scope, event.id)
    when = human_date(event.date) if event.date else "it took place"
    if afterwards:
        direct = (
            f"The sources do not report what followed “{event.title}” ({when}). What they say "
            "about it follows."
        )
        shown = f"what followed {event.title} (not in the sources)"
    else:
        direct = (
            f"The sources do not report what came of the {event.title}: they were written "
            f"before it took place ({when}). What they say about it beforehand follows."
        )
        shown = f"the outcome of {event.title} (not in the sources)"
    return with_direct(card, direct, shown, (), "not_covered")


#: Words that ask how things stand now, which no source can say: "is he still at HRW?",
#: "how many prisoners are there right now?".
_NOW = re.compile(
    r"\b(?:right now|as of now|as of today|currently|current|nowadays|these days|at present|"
    r"at the moment|anymore|any more|to this day|today s|today|this year|"
    r"(?:are|is) there now|now\s*$)\b|"
    r"\b(?:is|are|does|do|has|have) (?:\w+ ){1,3}still\b"
)


def newest_source_date(kb: KnowledgeBase) -> str | None:
    """The date of the newest dated source (found once per knowledge base)."""
    return kb.derived(
        "newest_source_date",
        lambda base: max((s.date for s in base.sources.values() if s.date), default=None),
    )


def later_than_sources(scope: Scope, norm: str, years: tuple[int, ...]) -> str | None:
    """What a question asks of the time after the newest source, if it does.

    "how things stand now", "anything from 2024", "what happened afterwards": the clause
    the answer opens with ("The sources do not report …").
    """
    newest_date = newest_source_date(scope.kb)
    if newest_date is None:
        return None
    newest = int(newest_date[:4])
    later = [y for y in years if y > newest]
    if later:
        return f"anything from {later[0]}"
    if _NOW.search(norm):
        return "how things stand now"
    if _AFTERWARDS.search(norm):
        return "what happened afterwards"
    return None


#: Words that ask what came later: "did Seoul subsequently resume…", "whatever happened to
#: Ha after the letter", "did he go on to…"; not "which came later" or "later than".
_AFTERWARDS = re.compile(
    r"\b(?:subsequently|afterwards?|later on|ever since|since then|whatever happened|"
    r"went on to|go on to|gone on to|in the years after|in the years since|because of (?:the|"
    r"these|those|this|that) (?:\w+ )?letters?|as a result of (?:the|these|this) letters?)\b|"
    r"\bwhat happened (?:to|with) .*\bafter\b|"
    r"^ (?:did|has|have|was|were) (?:\w+ ){1,8}(?:later|finally|eventually)\b(?! than)|"
    r"^ (?:did|has|have|was|were) (?!(?:\w+ ){0,3}(?:letter|one)\b)"
    r".*\bafter the (?:\d{4} )?(?:\w+ ){0,2}letters?\b"
)


def as_of_sources(scope: Scope, answer: Answer, what: str) -> Answer:
    """`answer`, opened by saying the sources do not report `what` (a later time)."""
    newest = newest_source_date(scope.kb)
    opening = f"The sources do not report {what}: the newest of them is from {human_date(newest)}."
    direct = f"{opening} As of then: {answer.direct}" if answer.direct else opening
    first = answer.lead[0] if answer.lead else None
    lead = (direct, *answer.lead[1:]) if first == answer.direct else (direct, *answer.lead)
    return replace(answer, direct=direct, lead=lead, kind="not_covered")
