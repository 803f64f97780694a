"""Quote cards: each quote with its speaker, role at the time, date, occasion and source."""

from __future__ import annotations

from bot.core.answers.answer import Answer, AnswerBuilder, Item, answering, not_found
from bot.core.kb.corpus import KnowledgeBase
from bot.core.kb.dates import human_date
from bot.core.kb.models import Quote
from bot.core.scope import Scope
from bot.core.search.names import normalize
from bot.core.search.resolve import resolve_person, subjects_named


def quote_item(scope: Scope, builder: AnswerBuilder, quote: Quote, speaker: bool = True) -> Item:
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
    return Item(
        heading.strip(" —,"),
        text,
        builder.cite(quote.sources),
        quote.guild_id is not None,
        quote.id,
    )


@answering("quotes")
def quotes(scope: Scope, person: str | None = None, about: str | None = None) -> Answer:
    """Quotes, verbatim or marked as paraphrase, by a person and/or about a letter or topic."""
    kb = scope.kb
    described = []
    if person:
        speaker = resolve_person(scope, person)
        chosen = kb.quotes_by(speaker.id)
        described.append(f"by {speaker.name}")
    else:  # sorted once per knowledge base, not per question (30,000 quotes at 100k)
        chosen = kb.derived(
            "quotes_by_date",
            lambda base: sorted(base.quotes.values(), key=lambda q: (q.date or "", q.id)),
        )
    if about:
        subject_ids = set(subjects_named(scope, about))
        named = _entity_named(scope, about)
        if subject_ids:
            # Words about a letter written over an event are about the event too ("what did
            # Robertson say about Seoul's policy": his words on the letter that protested it),
            # when a speaker is asked of or nobody spoke of the event itself.
            if person or not any(set(q.about) & subject_ids for q in chosen):
                subject_ids |= {
                    x for e in subject_ids if e in kb.events for x in kb.events[e].related_letters
                }
            chosen = [q for q in chosen if set(q.about) & subject_ids]
            described.append("about " + ", ".join(kb.name_of(s) for s in sorted(subject_ids)))
        elif named is not None and named in kb.derived("every_letter_names", _named_by_all):
            # "What did Cardin say about North Korea?": what every letter is about is no
            # filter; all his words are about it, named or not.
            described.append(f"on {kb.name_of(named)}")
        elif named is not None:
            forms = _name_forms(scope, named)
            chosen = [q for q in chosen if any(f in f" {normalize(q.text)} " for f in forms)]
            described.append(f"mentioning {kb.name_of(named)}")
        else:
            hits = scope.index.search(
                kb,
                about,
                scope.guild_id,
                kinds=("quote",),
                limit=50,
                max_length=scope.max_query_length,
            ).hits
            matching = {hit.entity_id for hit in hits}
            found = [q for q in chosen if q.id in matching and _mentions(q.text, about)]
            # Words said at the same occasion belong with them: remembered words often join
            # two sentences of one statement.
            occasions = {(q.speaker, q.occasion) for q in found if q.occasion}
            # The quote that holds the words comes first; its occasion's others follow.
            chosen = found + [
                q for q in chosen if q not in found and (q.speaker, q.occasion) in occasions
            ]
            described.append(f"mentioning “{about.strip()[:80]}”")
    title = "Quotes " + " ".join(described) if described else "Quotes"
    builder = AnswerBuilder(kb, "quotes", title)
    builder.section("Quotes", [quote_item(scope, builder, q) for q in chosen])
    if not chosen:
        return not_found(
            "quotes",
            f"No quotes {' '.join(described)} in the knowledge base.",
            _quote_suggestions(scope),
            interpretation=title,
        )
    paraphrased = sum(q.kind == "paraphrase" for q in chosen)
    builder.lead.append(
        f"{len(chosen)} quote{'s' if len(chosen) != 1 else ''}"
        + (f", {paraphrased} of them paraphrased by the source" if paraphrased else "")
        + "."
    )
    builder.interpretation = title.lower()
    return builder.build()


def _entity_named(scope: Scope, phrase: str) -> str | None:
    """The person or organisation a phrase is the name of ("Moon Jae-in", "HRW")."""
    words = normalize(phrase).split()
    mentions = [
        m for m in scope.names.find_mentions(phrase) if m.kind in ("person", "organization")
    ]
    # "President Moon's policy" is about Moon: a name that is most of the phrase stands for it.
    if len(mentions) == 1 and 2 * (mentions[0].end - mentions[0].start) >= len(words):
        return mentions[0].entity_id
    return None


def _named_by_all(kb: KnowledgeBase) -> frozenset[str]:
    """The government every letter's summary names: what the whole knowledge base is about."""
    summaries = [f" {normalize(x.summary)} " for x in kb.letters.values()]
    if len(summaries) < 2:
        return frozenset()
    return frozenset(
        o.id
        for o in kb.organizations.values()
        if o.kind == "government"
        and all(any(f" {normalize(n)} " in s for n in o.names) for s in summaries)
    )


def _name_forms(scope: Scope, entity_id: str) -> list[str]:
    """Ways a quote may name someone: every name and alias, and a person's surname."""
    entity = scope.kb.get(entity_id)
    names = list(getattr(entity, "names", ()))
    forms = {f" {normalize(n)} " for n in names}
    if entity_id in scope.kb.people:
        forms |= {f" {normalize(n).split()[-1]} " for n in names if len(n.split()) > 1}
    return sorted(forms)


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
    speakers = scope.kb.derived(
        "quoted_speakers",
        lambda base: sorted({base.name_of(q.speaker) for q in base.quotes.values()}),
    )
    return [f"What did {name} say?" for name in speakers[:3]]
