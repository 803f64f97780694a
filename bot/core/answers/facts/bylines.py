"""Who wrote a source: "was the RFA article written by Roseanne Gerin?".

A source records its author when it prints a byline. A person is the author of the sources
whose byline is their name; of an outlet's sources, when the question names the outlet.
"""

from __future__ import annotations

from bot.core.answers.answer import Answer, AnswerBuilder, Item
from bot.core.answers.facts.publishers import published_by
from bot.core.kb.dates import human_date
from bot.core.scope import Scope


def wrote(scope: Scope, person_id: str, org_id: str | None) -> Answer:
    """Whether a person wrote a source (one of the organisation's, if one is named)."""
    kb = scope.kb
    person = kb.people[person_id]
    among = set(published_by(kb, org_id)) if org_id else set(kb.sources)
    bylined = [s for s in kb.sources.values() if s.author and s.author == person.name]
    theirs = [s for s in bylined if s.id in among]
    builder = AnswerBuilder(kb, "person", f"What {person.name} wrote")
    items = [
        Item(
            s.publisher,
            f"{s.title} ({human_date(s.date) if s.date else 'undated'})",
            builder.cite([s.id]),
        )
        for s in theirs or bylined
    ]
    of_org = f" of {kb.name_of(org_id)}" if org_id else ""
    if theirs:
        first = theirs[0]
        builder.direct = (
            f"Yes. {person.name} has the byline of {first.publisher}'s “{first.title}” "
            f"({human_date(first.date) if first.date else 'undated'}). {builder.marks([first.id])}"
        )
    elif others := sorted({s.author for s in kb.sources.values() if s.id in among and s.author}):
        where = f"on {kb.name_of(org_id)}'s article" if org_id else "in the sources"
        builder.direct = f"No. The byline {where} is {' and '.join(others)}."
    else:
        # No byline printed: who wrote it is not known, which is not a No.
        builder.direct = (
            f"The sources don't say: they print no byline for the sources{of_org}, so they do "
            f"not name {person.name} or anyone else as the author."
        )
    builder.section("Bylines", items)
    builder.interpretation = f"did {person.name} write a source{of_org}"
    return builder.build(found=bool(theirs))


def written_by(scope: Scope, org_id: str, letter_id: str | None = None) -> Answer:
    """Who wrote an organisation's sources (those on a letter, when one is asked of)."""
    kb = scope.kb
    org = kb.name_of(org_id)
    theirs = [kb.sources[s] for s in published_by(kb, org_id)]
    on_letter = set(kb.letters[letter_id].sources) if letter_id else set()
    sources = [s for s in theirs if s.id in on_letter] or theirs
    builder = AnswerBuilder(kb, "source", f"Who wrote {org}'s sources")
    bylined = [s for s in sources if s.author]
    if bylined:
        first = bylined[0]
        when = human_date(first.date) if first.date else "undated"
        builder.direct = (
            f"{first.author} wrote {first.publisher}'s “{first.title}” ({when}). "
            f"{builder.marks([first.id])}"
        )
    elif sources:
        builder.direct = (
            f"The sources don't say: {org}'s "
            f"{'article prints' if len(sources) == 1 else 'sources print'} no byline, so no "
            f"author is named. {builder.marks([s.id for s in sources])}"
        )
    else:
        builder.direct = f"The knowledge base holds no source published by {org}."
    builder.section(
        "Bylines",
        [
            Item(
                s.author or "no byline",
                f"{s.title} ({human_date(s.date) if s.date else 'undated'})",
                builder.cite([s.id]),
            )
            for s in sources
        ],
    )
    builder.interpretation = f"who wrote {org}'s sources"
    return builder.build(found=bool(bylined))
