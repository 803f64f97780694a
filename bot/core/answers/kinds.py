"""One function per kind of question, each returning a cited `Answer`.

The Discord cogs and the CLI call these same functions; neither adds facts of its own.
A name that matches nothing gives a "nothing found" answer with suggestions, not an error.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import ParamSpec

from bot.core.answers.answer import Answer, AnswerBuilder, Item, not_found
from bot.core.errors import NotFoundError
from bot.core.kb.dates import human_date
from bot.core.kb.models import Letter, Person, Quote
from bot.core.scope import Scope
from bot.core.search.names import normalize
from bot.core.search.resolve import (
    country_matches,
    resolve_letter,
    resolve_organization,
    resolve_person,
    subjects_named,
)

P = ParamSpec("P")

ORGANIZATION_LABELS = {
    "ngo": "NGO",
    "coalition": "Coalition",
    "un-body": "UN body",
    "government": "Government",
    "legislature": "Legislature",
    "media": "News outlet",
    "other": "Organization",
}

KIND_LABELS = {
    "letter": "Letter",
    "organization": "Organization",
    "person": "Person",
    "quote": "Quote",
    "event": "Event",
    "source": "Source",
    "signatory": "Signatory",
    "demand": "Demand",
}


def _answering(kind: str) -> Callable[[Callable[P, Answer]], Callable[P, Answer]]:
    """Turn a NotFoundError raised while resolving names into a "nothing found" answer."""

    def decorate(function: Callable[P, Answer]) -> Callable[P, Answer]:
        @functools.wraps(function)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> Answer:
            try:
                return function(*args, **kwargs)
            except NotFoundError as exc:
                return not_found(kind, str(exc).split(" Did you mean")[0], exc.suggestions)

        return wrapper

    return decorate


# Letters ---------------------------------------------------------------------------------


def _letter_heading(scope: Scope, letter: Letter) -> str:
    recipient = scope.kb.name_of(letter.recipient)
    role = f" ({letter.recipient_role})" if letter.recipient_role else ""
    return f"{letter.kind.capitalize()} to {recipient}{role}, {human_date(letter.date)}."


def _count_lines(builder: AnswerBuilder, letter: Letter) -> list[str]:
    """"Sources report …" lines; how each source words the count goes to the notes."""
    lines = []
    for count in letter.reported_counts:
        lines.append(f"Sources report {count.describe()} {builder.marks(count.sources)}")
        if count.note:
            builder.notes.append(f"On “{count.describe()}”: {count.note}")
    return lines


@_answering("signatories")
def signatories(scope: Scope, letter: str, country: str | None = None,
                also: tuple[str, ...] = ()) -> Answer:
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
        named = [s for s in named if any(
            country_matches(kb.organizations[s.organization], c) for c in wanted)]
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
        items.append(Item(organization.name, "; ".join(details),
                          builder.cite(signatory.sources),
                          community=organization.guild_id is not None,
                          entity_id=organization.id))
    builder.section("Named signatories", items)
    builder.notes.extend(found.notes)
    builder.suggestions += [f"What did the {found.year} letter demand?",
                            f"What was said about the {found.year} letter?"]
    if not named and country:
        builder.suggestions.append(f"Who signed the {found.year} letter?")
    builder.interpretation = f"signatories of {found.title}" + (f" from {country}" if country
                                                                else "")
    return builder.build(found=bool(named) or not country)


def _named_line(letter: Letter, named: int) -> str:
    reported = next((c.count for c in letter.reported_counts if c.of_signers), 0)
    if reported and named < reported:
        return (f"We can name {named} of the {reported:,} the sources report; the others are "
                "not named in our sources.")
    return f"We can name {named} signator{'y' if named == 1 else 'ies'}."


@_answering("demands")
def demands(scope: Scope, letter: str) -> Answer:
    """What a letter demanded, the abuses or findings it cited, and passages quoted from it."""
    found = resolve_letter(scope, letter)
    builder = AnswerBuilder(scope.kb, "demands", f"What it asked for: {found.title}")
    builder.lead.append(_letter_heading(scope, found))
    builder.section("Demands", [Item(f"{n}.", s.text, builder.cite(s.sources))
                                for n, s in enumerate(found.demands, start=1)])
    builder.section("Abuses and findings cited", [Item("•", s.text, builder.cite(s.sources))
                                                  for s in found.abuses_cited])
    builder.section("Quoted from the letter", [Item("•", f"“{s.text}”", builder.cite(s.sources))
                                               for s in found.excerpts])
    if not builder.sections:
        builder.lead.append("Our sources do not describe what this letter asked for.")
    builder.notes.extend(n for s in found.demands if (n := s.note))
    builder.suggestions += [f"Who signed the {found.year} letter?"]
    builder.interpretation = f"demands of {found.title}"
    return builder.build(found=bool(builder.sections))


@_answering("letter")
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
        builder.section("Why it was written",
                        [Item("", found.background, builder.cite(found.sources))])
    builder.section("In brief", [
        Item("Demands", f"{len(found.demands)} listed", ()),
        Item("Signatories we can name", str(len(found.signatories)), ()),
    ])
    events = [kb.events[e] for e in found.related_events]
    builder.section("Context", [Item(f"{e.title} ({human_date(e.date)})", e.summary,
                                     builder.cite(e.sources)) for e in events])
    builder.section("What was said about it",
                    [quote_item(scope, builder, q) for q in kb.quotes_about(found.id)])
    builder.notes.extend(found.notes)
    builder.suggestions += [f"Who signed the {found.year} letter?",
                            f"What did the {found.year} letter demand?"]
    builder.interpretation = f"about {found.title}"
    return builder.build()


@_answering("letters")
def letters(scope: Scope, recipient: str | None = None, year: int | None = None,
            signed_by: str | None = None) -> Answer:
    """The letters, oldest first, optionally to a recipient, in a year, or signed by an org."""
    kb = scope.kb
    chosen = kb.derived("letters_by_date", lambda base: sorted(
        base.letters.values(), key=lambda item: (item.date, item.id)))
    filters = []
    if recipient:
        person = resolve_person(scope, recipient)
        chosen = [x for x in chosen if x.recipient == person.id]
        filters.append(f"to {person.name}")
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
    items = []
    for found in chosen:
        counts = "; ".join(c.describe() for c in found.reported_counts)
        text = f"To {kb.name_of(found.recipient)}. {found.summary}"
        if counts:
            text += f" Sources report {counts}."
        items.append(Item(f"{human_date(found.date)} — {found.title}", text,
                          builder.cite(found.sources), found.guild_id is not None, found.id))
    builder.section("Timeline", items)
    if not items:
        builder.lead.append("No letter in the knowledge base matches " + " and ".join(filters)
                            + ".")
        builder.suggestions.append("Which letters are there?")
    else:
        builder.lead.append(f"{len(items)} letter{'s' if len(items) != 1 else ''}.")
    builder.interpretation = "letters " + " ".join(filters) if filters else "all letters"
    return builder.build(found=bool(items))


@_answering("compare")
def compare(scope: Scope, letter_a: str, letter_b: str) -> Answer:
    """Which named signatories signed both letters, and which only one."""
    first, second = resolve_letter(scope, letter_a), resolve_letter(scope, letter_b)
    kb = scope.kb
    builder = AnswerBuilder(kb, "compare", f"{first.title} vs {second.title}")
    a = {s.organization: s for s in first.signatories}
    b = {s.organization: s for s in second.signatories}

    def items(ids: Iterable[str], *sources_from: dict) -> list[Item]:
        rows = []
        for org_id in sorted(ids, key=kb.name_of):
            refs = builder.cite(src for table in sources_from if org_id in table
                                for src in table[org_id].sources)
            rows.append(Item(kb.name_of(org_id), kb.organizations[org_id].country or "", refs))
        return rows

    both = a.keys() & b.keys()
    builder.lead.append(f"Named signatories: {len(a)} and {len(b)}; {len(both)} signed both.")
    builder.lead.append("Only named signatories can be compared; the sources do not list "
                        "every signer of either letter.")
    builder.section("Signed both", items(both, a, b))
    builder.section(f"Only {first.title} ({first.year})", items(a.keys() - b.keys(), a))
    builder.section(f"Only {second.title} ({second.year})", items(b.keys() - a.keys(), b))
    builder.interpretation = f"compare {first.year} and {second.year} letters"
    return builder.build()


def clarify_letter(scope: Scope, candidates: list[Letter], template: str) -> Answer:
    """Several letters fit (or none is described): ask which one instead of guessing."""
    pool = candidates or sorted(scope.kb.letters.values(), key=lambda x: x.date)
    what = "Several letters match:" if candidates else "The knowledge base has these letters:"
    options = [f"{x.title} ({human_date(x.date)}, to {scope.kb.name_of(x.recipient)})"
               for x in pool[:10]]
    return not_found("ask", f"Which letter do you mean? {what} " + "; ".join(options) + ".",
                     [template.format(year=x.year) for x in pool[:5]],
                     interpretation="needs a letter")


# Organisations and people ----------------------------------------------------------------


@_answering("org")
def org(scope: Scope, name: str) -> Answer:
    """What an organisation is, where it is from, the letters it signed and its people."""
    found = resolve_organization(scope, name)
    kb = scope.kb
    builder = AnswerBuilder(kb, "org", found.name)
    facts = [ORGANIZATION_LABELS.get(found.kind, "Organization")]
    if found.country:
        facts.append(found.country)
    if found.based_in:
        facts.append(f"based in {found.based_in}")
    builder.lead.append(", ".join(facts) + ". " + builder.marks(found.sources))
    if found.aliases:
        builder.lead.append("Also known as " + ", ".join(found.aliases) + ".")
    if found.member_of:
        builder.lead.append("Member of " + ", ".join(kb.name_of(m) for m in found.member_of) + ".")
    if found.description:
        builder.section("About", [Item("", found.description, builder.cite(found.sources))])
    letter_items = []
    for signed in kb.letters_signed_by(found.id):
        entry = next((s for s in signed.signatories if s.organization == found.id), None)
        role = "coordinated" if signed.coordinator == found.id else "signed"
        if entry is not None and signed.coordinator == found.id:
            role = "coordinated and signed"
        refs = builder.cite(entry.sources if entry else signed.sources)
        letter_items.append(Item(f"{human_date(signed.date)} — {signed.title}",
                                 f"{role.capitalize()}.", refs, signed.guild_id is not None,
                                 signed.id))
    builder.section("Letters", letter_items)
    builder.section("Members", [Item(m.name, m.country or "", builder.cite(m.sources),
                                     entity_id=m.id) for m in kb.members_of(found.id)])
    people_items = []
    quote_items = []
    for member in kb.people_of(found.id):
        roles = [r.describe(None) for r in member.roles if r.organization == found.id]
        people_items.append(Item(member.name, "; ".join(roles),
                                 builder.cite(s for r in member.roles for s in r.sources
                                              if r.organization == found.id),
                                 entity_id=member.id))
        quote_items += [quote_item(scope, builder, q) for q in kb.quotes_by(member.id)]
    builder.section("People", people_items)
    builder.section("Quotes by its people", quote_items)
    if not letter_items:
        builder.lead.append("It is not named as a signatory of any letter in our sources.")
    builder.suggestions += [f"Which letters did {found.aliases[0] if found.aliases else found.name}"
                            " sign?"]
    builder.interpretation = f"about {found.name}"
    return builder.build()


@_answering("person")
def person(scope: Scope, name: str) -> Answer:
    """Who someone is: roles over time, what they said, letters addressed to them."""
    found = resolve_person(scope, name)
    kb = scope.kb
    builder = AnswerBuilder(kb, "person", found.name)
    current = found.roles[-1] if found.roles else None
    if current:
        org_name = kb.name_of(current.organization) if current.organization else None
        builder.lead.append(current.describe(org_name) + " " + builder.marks(current.sources))
    if found.aliases:
        builder.lead.append("Also written " + ", ".join(found.aliases) + ".")
    if found.description:
        builder.section("About", [Item("", found.description, builder.cite(found.sources))])
    builder.section("Roles", [
        Item(role.describe(kb.name_of(role.organization) if role.organization else None),
             role.note or "", builder.cite(role.sources))
        for role in found.roles
    ])
    builder.section("Quotes", [quote_item(scope, builder, q, speaker=False)
                               for q in kb.quotes_by(found.id)])
    builder.section("Letters addressed to them", [
        Item(f"{human_date(x.date)} — {x.title}", x.summary, builder.cite(x.sources),
             entity_id=x.id) for x in kb.letters_to(found.id)])
    if kb.quotes_by(found.id):
        builder.suggestions.append(f"What did {found.name} say?")
    builder.interpretation = f"about {found.name}"
    return builder.build()


@_answering("event")
def event(scope: Scope, name: str) -> Answer:
    """Context the sources state: a summit, a declaration, a vote, an inquiry."""
    kb = scope.kb
    found = kb.events.get(name)
    if found is None:
        matches = scope.names.lookup(name, kinds=("event",), limit=3, cutoff=80.0)
        if not matches:
            raise NotFoundError("event", name, tuple(scope.names.suggest(name)))
        found = kb.events[matches[0][0]]
    builder = AnswerBuilder(kb, "event", found.title)
    builder.lead.append(human_date(found.date) + ". " + builder.marks(found.sources))
    if found.date_note:
        builder.lead.append(f"Date: {found.date_note}")
    builder.section("What happened", [Item("", found.summary, builder.cite(found.sources))])
    builder.section("Who took part", [Item(describe_person(scope, kb.people[p]), "", (),
                                           entity_id=p) for p in found.participants])
    builder.section("Related letters", [Item(f"{human_date(x.date)} — {x.title}", "",
                                             builder.cite(x.sources), entity_id=x.id)
                                        for x in (kb.letters[i] for i in found.related_letters)])
    builder.section("What was said about it",
                    [quote_item(scope, builder, q) for q in kb.quotes_about(found.id)])
    builder.interpretation = f"about {found.title}"
    return builder.build()


# Quotes ----------------------------------------------------------------------------------


def quote_item(scope: Scope, builder: AnswerBuilder, quote: Quote,
               speaker: bool = True) -> Item:
    """One quote as an item: speaker, role at the time, date, words, occasion, citation."""
    kb = scope.kb
    who = kb.people[quote.speaker]
    role = who.role_on(quote.date)
    role_text = ""
    if role is not None:
        org_name = kb.name_of(role.organization) if role.organization else None
        role_text = role.describe(org_name).split(" (")[0]
    heading = who.name if speaker else ""
    if role_text:
        heading = f"{heading}, {role_text}" if heading else role_text
    if quote.date:
        heading += f" — {human_date(quote.date)}"
    words = f"“{quote.text}”" if quote.kind == "verbatim" else f"(paraphrase) {quote.text}"
    context = [c for c in (quote.occasion, quote.place) if c]
    if quote.via:
        context.append(f"as quoted by {quote.via}")
    text = words + (f"\n— {'; '.join(context)}" if context else "")
    return Item(heading.strip(" —,"), text, builder.cite(quote.sources),
                quote.guild_id is not None, quote.id)


@_answering("quotes")
def quotes(scope: Scope, person: str | None = None, about: str | None = None) -> Answer:
    """Quotes, verbatim or marked as paraphrase, by a person and/or about a letter or topic."""
    kb = scope.kb
    described = []
    if person:
        speaker = resolve_person(scope, person)
        chosen = kb.quotes_by(speaker.id)
        described.append(f"by {speaker.name}")
    else:  # sorted once per knowledge base, not per question (30,000 quotes at 100k)
        chosen = kb.derived("quotes_by_date", lambda base: sorted(
            base.quotes.values(), key=lambda q: (q.date or "", q.id)))
    if about:
        subject_ids = set(subjects_named(scope, about))
        if subject_ids:
            chosen = [q for q in chosen if set(q.about) & subject_ids]
            described.append("about " + ", ".join(kb.name_of(s) for s in sorted(subject_ids)))
        else:
            hits = scope.index.search(kb, about, scope.guild_id, kinds=("quote",), limit=50,
                                      max_length=scope.max_query_length).hits
            matching = {hit.entity_id for hit in hits}
            chosen = [q for q in chosen if q.id in matching and _mentions(q.text, about)]
            described.append(f"mentioning “{about.strip()[:80]}”")
    title = "Quotes " + " ".join(described) if described else "Quotes"
    builder = AnswerBuilder(kb, "quotes", title)
    builder.section("Quotes", [quote_item(scope, builder, q) for q in chosen])
    if not chosen:
        return not_found("quotes", f"No quotes {' '.join(described)} in the knowledge base.",
                         _quote_suggestions(scope), interpretation=title)
    paraphrased = sum(q.kind == "paraphrase" for q in chosen)
    builder.lead.append(f"{len(chosen)} quote{'s' if len(chosen) != 1 else ''}"
                        + (f", {paraphrased} of them paraphrased by the source" if paraphrased
                           else "") + ".")
    builder.interpretation = title.lower()
    return builder.build()


def _mentions(text: str, phrase: str) -> bool:
    """Whether `text` uses every word of `phrase` (stems compared: "abuse" finds "abuses").

    The index also matches a quote through its occasion or the letter it is about; a quote
    listed as mentioning something must say it.
    """
    have = [w[:5] for w in normalize(text).split()]
    wanted = [w[:5] for w in normalize(phrase).split() if len(w) > 2 and w not in _FILLER]
    return all(w in have for w in wanted)


_FILLER = frozenset({"the", "and", "for", "with", "his", "her", "its", "their", "about"})


def _quote_suggestions(scope: Scope) -> list[str]:
    speakers = scope.kb.derived("quoted_speakers", lambda base: sorted(
        {base.name_of(q.speaker) for q in base.quotes.values()}))
    return [f"What did {name} say?" for name in speakers[:3]]


# Search ----------------------------------------------------------------------------------


def search(scope: Scope, query: str, limit: int = 10) -> Answer:
    """Ranked hits of any kind, with highlighted snippets and their sources."""
    kb = scope.kb
    results = scope.index.search(kb, query, scope.guild_id, limit=limit,
                                 max_length=scope.max_query_length)
    shown = query.strip()[:80]
    if not results.hits:
        suggestions = [f"Search “{s}”" for s in results.suggestions]
        if len(query.split()) <= 4:  # a whole sentence fuzzy-matches names at random
            suggestions += scope.names.suggest(query)
        return not_found("search", f"Nothing in the knowledge base matches “{shown}”.",
                         suggestions, interpretation=f"search for {shown}")
    builder = AnswerBuilder(kb, "search", f"Search: {shown}")
    items = []
    for hit in results.hits:
        entity = kb.get(hit.entity_id)
        if entity is None:
            continue
        sources = getattr(entity, "sources", ()) or ((entity.id,) if hit.kind == "source" else ())
        items.append(Item(f"{KIND_LABELS.get(hit.kind, 'Entry')}: {kb.name_of(hit.entity_id)}"
                          if hit.kind != "quote" else
                          f"Quote by {kb.name_of(getattr(entity, 'speaker', ''))}",
                          hit.snippet, builder.cite(sources),
                          getattr(entity, "guild_id", None) is not None, hit.entity_id))
    builder.section("Results", items)
    if results.ignored_terms:
        builder.notes.append("Words too common to rank on were ignored: "
                             + ", ".join(results.ignored_terms) + ".")
    builder.interpretation = f"search for {shown}"
    return builder.build()


def describe_person(scope: Scope, found: Person) -> str:
    """"Name, role" for one-line mentions."""
    role = found.roles[-1] if found.roles else None
    if role is None:
        return found.name
    org_name = scope.kb.name_of(role.organization) if role.organization else None
    return f"{found.name}, {role.describe(org_name).split(' (')[0]}"


