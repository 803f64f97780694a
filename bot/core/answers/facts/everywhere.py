"""What every letter, quote, event and note in the sources says about a topic.

"What do the sources say about forced labour?", "is there any letter about China sending
refugees back?": asked of all the sources at once, not of one letter.
"""

from __future__ import annotations

import re

from bot.core.answers.answer import Answer, AnswerBuilder, Item
from bot.core.answers.cards.quotes import quote_item
from bot.core.answers.facts.topic_match import SUBJECT, TOPIC_FIT, share, speaks_of, topic_concepts
from bot.core.answers.facts.topics import CONTEXT, sentence_with
from bot.core.kb.models import Letter
from bot.core.kb.sentences import and_list, first_sentences
from bot.core.scope import Scope

#: Words joining topics asked together: "hunger or starvation", "aid/food", "aid and food".
_EITHER = re.compile(r"\s+or\s+|\s*/\s*")
_BOTH = re.compile(r"\s+(?:and|&)\s+")


def everywhere(scope: Scope, phrase: str, strict: bool = False, who: bool = False) -> Answer:
    """What every letter, quote and event in the sources says about a topic.

    `strict`: the topic's words the sources never use count against a match (see `share`).
    `who`: asked who spoke of it ("who talked about isolation?"): the speakers come first.
    """
    kb = scope.kb
    builder = AnswerBuilder(kb, "topic", f"“{phrase}” in the sources")
    # "hunger or starvation", "aid and food": each of the topics, wherever either comes up
    topics = [t for t in _EITHER.split(phrase) if t.strip()] or [phrase]
    both = [t for part in topics for t in _BOTH.split(part) if t.strip()]
    if all(topic_concepts(t) - SUBJECT for t in both):
        topics = both  # not "human rights and denuclearisation": how the two relate

    def fit(text: str) -> float:
        return max(share(kb, t, text, strict) for t in topics)

    def about_it(text: str) -> bool:
        return any(speaks_of(kb, t, text, strict) for t in topics)

    scored = [
        (fit(statement.text), letter, statement)
        for letter in kb.letters.values()
        for statement in (*letter.demands, *letter.abuses_cited, *letter.excerpts)
    ]
    # The best match first, and a letter's own words before context a source adds to it.
    matching = sorted(
        ((score, x, st) for score, x, st in scored if score >= TOPIC_FIT),
        key=lambda found: (found[2].text.startswith(CONTEXT), -found[0]),
    )
    items = [
        Item(
            f"{letter.year} letter",
            statement.text,
            builder.cite(statement.sources),
            entity_id=letter.id,
        )
        for _, letter, statement in matching
    ]
    quotes = [q for q in kb.quotes.values() if about_it(q.text)]
    events = [e for e in kb.events.values() if about_it(e.summary)]
    notes = [
        (fit(n), x, n)
        for x in kb.letters.values()
        for n in (*x.notes, *(s.note for s in x.signatories if s.note))
    ]
    # the note most about the topic first, then the one using its very words: "Christians
    # in North Korea" before a note that only names International Christian Concern
    typed = set(phrase.casefold().split())
    ranked_notes = sorted(notes, key=lambda f: (-f[0], -len(typed & set(f[2].casefold().split()))))
    # one signatory note shared by many ("Listed as a member/supporter…") is shown once
    noted: list[tuple[Letter, str]] = []
    for note_fit, x, n in ranked_notes:
        if note_fit >= TOPIC_FIT and all(n != shown for _, shown in noted):
            noted.append((x, n))
    # "anything about defectors?": the Young Defectors' Alliance speaks of them by its name
    orgs = [o for o in kb.organizations.values() if about_it(f"{o.name}. {o.description or ''}")]
    builder.section("In the letters", items[:10])
    builder.section("What people said", [quote_item(scope, builder, q) for q in quotes[:10]])
    builder.section(
        "Events",
        [
            Item(
                e.title,
                sentence_with(kb, e.summary, phrase),
                builder.cite(e.sources),
                entity_id=e.id,
            )
            for e in events[:5]
        ],
    )
    builder.section(
        "In the sources' notes",
        [Item(f"{x.year} letter", n, builder.cite(x.sources)) for x, n in noted[:5]],
    )
    builder.section(
        "Organisations",
        [
            Item(
                o.name,
                first_sentences(o.description or ""),
                builder.cite(o.sources),
                entity_id=o.id,
            )
            for o in orgs[:5]
        ],
    )
    found = bool(items or quotes or events or noted or orgs)
    names = list(dict.fromkeys(kb.name_of(q.speaker) for q in quotes))
    speakers = and_list(names)
    if quotes and who:
        builder.direct = (
            f"{speakers} {'is' if len(names) == 1 else 'are'} quoted "
            f"speaking of {phrase} ({len(quotes)} quote{'s' if len(quotes) != 1 else ''}, "
            "below)."
        )
    elif items:
        builder.direct = (
            f"{len(items)} statement{'s' if len(items) != 1 else ''} in the "
            f"letters speak{'s' if len(items) == 1 else ''} of {phrase}, first: "
            f"{items[0].text.rstrip('.')} ({items[0].title}). {items[0].ref_marks()}"
        )
    elif quotes:
        one = len(quotes) == 1
        builder.direct = (
            f"The letters do not mention {phrase}, but {len(quotes)} "
            f"quote{'' if one else 's'} by {speakers} do{'es' if one else ''}."
        )
    elif who:
        builder.direct = f"No one in the sources is quoted speaking of {phrase}."
        if items or events or noted or orgs:
            builder.direct += " Other parts of the sources mention it: see below."
    elif noted:
        x, note = noted[0]
        builder.direct = (
            f"The letters do not mention {phrase}, but the sources' notes do, first: "
            f"{note.rstrip('.')} ({x.year} letter). {builder.marks(x.sources)}"
        )
    elif orgs and not events:
        builder.direct = (
            f"The letters do not mention {phrase}; it comes up in what the sources say of "
            f"{and_list([o.name for o in orgs[:5]])} (below)."
        )
    elif events or orgs:
        builder.direct = (
            f"The letters do not mention {phrase}, but other parts of the sources do: see below."
        )
    else:
        builder.direct = f"The sources do not mention {phrase}."
    builder.interpretation = f"what the sources say about {phrase}"
    return builder.build(found=found)
