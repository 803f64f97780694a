"""Cards about letters: who signed, what they asked for, one letter, the timeline."""

from __future__ import annotations

from bot.core.answers.answer import Answer, AnswerBuilder, Item, answering
from bot.core.answers.cards.people import name_with_abbreviation
from bot.core.answers.cards.quotes import quote_item
from bot.core.kb.dates import human_date
from bot.core.kb.knowledge import KnowledgeBase
from bot.core.kb.models import Letter
from bot.core.scope import Scope
from bot.core.search.numbers import counted
from bot.core.search.resolve import (
    country_matches,
    resolve_letter,
    resolve_organization,
    resolve_person,
)


def _letter_heading(scope: Scope, letter: Letter) -> str:
    recipient = scope.kb.name_of(letter.recipient)
    role = f" ({letter.recipient_role})" if letter.recipient_role else ""
    return f"{letter.kind.capitalize()} to {recipient}{role}, {human_date(letter.date)}."


def _count_lines(builder: AnswerBuilder, letter: Letter) -> list[str]:
    """ "Sources report …" lines; how each source words the count goes to the notes."""
    lines = []
    for count in letter.reported_counts:
        lines.append(f"Sources report {count.describe()} {builder.marks(count.sources)}")
        if count.note:
            builder.notes.append(f"On “{count.describe()}”: {count.note}")
    return lines


@answering("signatories")
def signatories(
    scope: Scope,
    letter: str,
    country: str | None = None,
    also: tuple[str, ...] = (),
    excluding: bool = False,
) -> Answer:
    """Who signed a letter: the counts sources report, then the signatories we can name.

    `country` (and any countries in `also`) keeps only the signatories from there.
    """
    found = resolve_letter(scope, letter)
    kb = scope.kb
    builder = AnswerBuilder(kb, "signatories", f"Who signed: {found.title}")
    builder.lead.append(_letter_heading(scope, found))
    builder.lead.extend(_count_lines(builder, found))
    named = list(found.signatories)
    wanted = (country, *also) if country else ()
    if wanted:
        named = [
            s
            for s in named
            if excluding
            != any(country_matches(kb.organizations[s.organization], c) for c in wanted)
        ]
        country = " or ".join(wanted)
    total_named = len(found.signatories)
    if country:
        builder.lead.append(
            f"{len(named)} of the {total_named} signatories we can name are from {country}."
        )
    else:
        builder.lead.append(_named_line(found, total_named))
    if found.signatory_regions:
        builder.lead.append("Signatories come from " + ", ".join(found.signatory_regions) + ".")
    items = []
    for signatory in named:
        organization = kb.organizations[signatory.organization]
        details = [d for d in (organization.country, signatory.note) if d]
        items.append(
            Item(
                name_with_abbreviation(scope, organization.id),  # as printed: "PSALT NK"
                "; ".join(details),
                builder.cite(signatory.sources),
                community=organization.guild_id is not None,
                entity_id=organization.id,
            )
        )
    builder.section("Named signatories", items)
    builder.notes.extend(found.notes)
    builder.suggestions += [
        f"What did the {found.year} letter demand?",
        f"What was said about the {found.year} letter?",
    ]
    if not named and country:
        builder.suggestions.append(f"Who signed the {found.year} letter?")
    builder.interpretation = f"signatories of {found.title}" + (
        f" from {country}" if country else ""
    )
    return builder.build(found=bool(named) or not country)


def _named_line(letter: Letter, named: int) -> str:
    reported = letter.signers_reported.count if letter.signers_reported else 0
    if reported and named < reported:
        return (
            f"We can name {named} of the {reported:,} the sources report; the others are "
            "not named in our sources."
        )
    return f"We can name {named} signator{'y' if named == 1 else 'ies'}."


@answering("demands")
def demands(scope: Scope, letter: str) -> Answer:
    """What a letter demanded, the abuses or findings it cited, and passages quoted from it."""
    found = resolve_letter(scope, letter)
    builder = AnswerBuilder(scope.kb, "demands", f"What it asked for: {found.title}")
    builder.lead.append(_letter_heading(scope, found))
    _content_sections(builder, found)
    builder.section(
        "Quoted from the letter",
        [Item("•", f"“{s.text}”", builder.cite(s.sources)) for s in found.excerpts],
    )
    if not builder.sections:
        builder.lead.append("Our sources do not describe what this letter asked for.")
    builder.notes.extend(n for s in found.demands if (n := s.note))
    builder.suggestions += [f"Who signed the {found.year} letter?"]
    builder.interpretation = f"demands of {found.title}"
    return builder.build(found=bool(builder.sections))


def _content_sections(builder: AnswerBuilder, found: Letter) -> None:
    """A letter's demands and the abuses or findings it cited, each with its sources."""
    builder.section(
        "Demands",
        [
            Item(f"{n}.", s.text, builder.cite(s.sources))
            for n, s in enumerate(found.demands, start=1)
        ],
    )
    builder.section(
        "Abuses and findings cited",
        [Item("•", s.text, builder.cite(s.sources)) for s in found.abuses_cited],
    )


def every_letters_demands(scope: Scope) -> Answer:
    """ "What did each of the letters ask for?": every letter's demands, oldest first."""
    kb = scope.kb
    builder = AnswerBuilder(kb, "demands", "What each letter asked for")
    chosen = letters_oldest_first(kb)
    builder.direct = (
        "; ".join(
            f"the {x.year} letter made {counted(len(x.demands), 'demand')}" for x in chosen
        ).capitalize()
        + "."
    )
    for found in chosen:
        builder.section(
            f"{found.title} ({human_date(found.date)})",
            [
                Item(f"{n}.", s.text, builder.cite(s.sources))
                for n, s in enumerate(found.demands, start=1)
            ],
        )
    builder.interpretation = "demands of every letter"
    return builder.build(found=bool(builder.sections))


@answering("letter")
def letter(scope: Scope, letter: str) -> Answer:
    """Everything about one letter: when, to whom, why, counts, context and reactions."""
    found = resolve_letter(scope, letter)
    kb = scope.kb
    builder = AnswerBuilder(kb, "letter", found.title)
    builder.lead.append(_letter_heading(scope, found) + " " + builder.marks(found.sources))
    if found.date_note:
        builder.lead.append(f"Date: {found.date_note}")
    if found.coordinator:
        builder.lead.append(f"Coordinated by {kb.name_of(found.coordinator)}.")
    builder.lead.extend(_count_lines(builder, found))
    builder.section("Summary", [Item("", found.summary, builder.cite(found.sources))])
    if found.background:
        builder.section(
            "Why it was written", [Item("", found.background, builder.cite(found.sources))]
        )
    # What it asked for and what it cited are what the letter is; the signatories, which
    # can run to dozens, have a question of their own (suggested below).
    _content_sections(builder, found)
    builder.section(
        "Signatories we can name", [Item("", f"{len(found.signatories)} (see who signed)", ())]
    )
    events = [kb.events[e] for e in found.related_events]
    builder.section(
        "Context",
        [
            Item(f"{e.title} ({human_date(e.date)})", e.summary, builder.cite(e.sources))
            for e in events
        ],
    )
    builder.section(
        "What was said about it", [quote_item(scope, builder, q) for q in kb.quotes_about(found.id)]
    )
    builder.notes.extend(found.notes)
    builder.suggestions += [
        f"Who signed the {found.year} letter?",
        f"What did the {found.year} letter demand?",
    ]
    builder.interpretation = f"about {found.title}"
    return builder.build()


def letters_oldest_first(kb: KnowledgeBase) -> list[Letter]:
    """Every letter, oldest first (computed once per knowledge base)."""
    return kb.derived(
        "letters_by_date",
        lambda base: sorted(base.letters.values(), key=lambda item: (item.date, item.id)),
    )


@answering("letters")
def letters(
    scope: Scope,
    recipient: str | None = None,
    year: int | None = None,
    signed_by: str | None = None,
    not_to: bool = False,
) -> Answer:
    """The letters, oldest first, optionally to a recipient, in a year, or signed by an org.

    With `not_to`, the letters to anyone but the recipient ("which letter wasn't sent to Kim?").
    """
    kb = scope.kb
    every = letters_oldest_first(kb)
    chosen = every
    filters = []
    if recipient:
        person = resolve_person(scope, recipient)
        chosen = [x for x in chosen if (x.recipient == person.id) != not_to]
        filters.append(f"{'not ' if not_to else ''}addressed to {person.name}")
    if year is not None:
        chosen = [x for x in chosen if x.year == year]
        filters.append(f"in {year}")
    if signed_by:
        organization = resolve_organization(scope, signed_by)
        signed = {x.id for x in kb.letters_signed_by(organization.id)}
        chosen = [x for x in chosen if x.id in signed]
        filters.append(f"signed by {organization.name}")
    title = "Letters" + (" " + ", ".join(filters) if filters else ": timeline")
    builder = AnswerBuilder(kb, "letters", title)
    # None match: say so first, then show every letter, which is what the sources do say.
    items = [_timeline_item(kb, builder, found) for found in chosen or every]
    builder.section("Timeline", items)
    if not chosen:
        builder.lead.append(
            "No. No letter in the knowledge base is "
            + " and ".join(filters)
            + (f". The {len(items)} letters it has are listed below." if items else ".")
        )
        builder.suggestions.append("Which letters are there?")
    else:
        listed = "; ".join(
            f"{x.title} ({human_date(x.date)}, to {kb.name_of(x.recipient)}"
            + (f", organised by {kb.name_of(x.coordinator)}" if x.coordinator else "")
            + ")"
            for x in chosen
        )
        plural = "s" if len(chosen) != 1 else ""
        sentence = (
            f"{len(chosen)} letter{plural}"
            + (" " + " and ".join(filters) if filters else "")
            + f": {listed}."
        )
        if filters:  # "which letters went to Moon?": a direct answer, with its sources
            marks = builder.marks(tuple(s for x in chosen for s in x.sources))
            builder.direct = f"{sentence} {marks}"
        else:
            builder.lead.append(sentence)
    builder.interpretation = "letters " + " ".join(filters) if filters else "all letters"
    return builder.build(found=bool(chosen))


def _timeline_item(kb: KnowledgeBase, builder: AnswerBuilder, found: Letter) -> Item:
    """One letter on the timeline: recipient, summary and the counts its sources report."""
    counts = "; ".join(c.describe() for c in found.reported_counts)
    organiser = f" Organised by {kb.name_of(found.coordinator)}." if found.coordinator else ""
    text = f"To {kb.name_of(found.recipient)}.{organiser} {found.summary}"
    if counts:
        text += f" Sources report {counts}."
    return Item(
        f"{human_date(found.date)} — {found.title}",
        text,
        builder.cite(found.sources),
        found.guild_id is not None,
        found.id,
    )


def clarify_letter(scope: Scope, candidates: list[Letter], template: str) -> Answer:
    """Several letters fit (or none is described): ask which one instead of guessing."""
    pool = candidates or sorted(scope.kb.letters.values(), key=lambda x: x.date)
    what = "Several letters match:" if candidates else "The knowledge base has these letters:"
    options = [
        f"{x.title} ({human_date(x.date)}, to {scope.kb.name_of(x.recipient)})" for x in pool[:10]
    ]
    builder = AnswerBuilder(scope.kb, "ask", "Which letter?")
    builder.lead.append(f"Which letter do you mean? {what} " + "; ".join(options) + ".")
    # What each one was (to whom, who organised it, its counts) helps to tell them apart.
    builder.section("The letters", [_timeline_item(scope.kb, builder, x) for x in pool[:10]])
    builder.suggestions += [template.format(year=x.year) for x in pool[:5]]
    builder.interpretation = "needs a letter"
    return builder.build(found=False)
