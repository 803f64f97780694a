"""What one organisation says: its own releases' statements and its people's words.

"What did CSW say the signatories had yet to see?", "according to ICNK, what had Seoul's
moves done?": the answer comes only from what that organisation published or its people
said, best match first, never from another source's wording.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.answers.answer import Answer, AnswerBuilder, Item
from bot.core.answers.cards.quotes import quote_item
from bot.core.answers.facts.publishers import published_by
from bot.core.answers.facts.topic_match import TOPIC_FIT, share
from bot.core.kb.corpus import KnowledgeBase
from bot.core.kb.models import Letter, Quote, Statement
from bot.core.scope import Scope
from bot.core.search.names import normalize


@dataclass(frozen=True, slots=True)
class _Said:
    """One thing the organisation said: a statement of its release, or a quote."""

    label: str
    text: str
    sources: tuple[str, ...]
    #: What is matched against the question: the statement and the curator's note on it.
    matched: str
    quote: Quote | None = None
    note: str | None = None
    #: The letter it is about, if any.
    letter_id: str | None = None


def org_says(scope: Scope, org_id: str, phrase: str | None, letter: Letter | None = None) -> Answer:
    """What `org_id` says, about `phrase` if given: the best-matching statement first.

    With `letter`, only what it said about that letter (its statements, quotes about it).
    """
    kb = scope.kb
    org = kb.organizations[org_id]
    said = _everything_said(kb, org_id)
    if letter is not None:
        said = [s for s in said if s.letter_id == letter.id]
    kind = "quotes" if said and all(s.quote is not None for s in said) else "topic"
    builder = AnswerBuilder(kb, kind, f"What {org.name} says")
    if phrase:
        said.sort(key=lambda s: -share(kb, phrase, s.matched))
    fits = bool(said) and (phrase is None or share(kb, phrase, said[0].matched) >= TOPIC_FIT)
    items = [
        quote_item(scope, builder, s.quote)
        if s.quote is not None
        else Item(s.label, s.text, builder.cite(s.sources))
        for s in said
    ]
    if fits:
        first = said[0]
        text = first.text.rstrip(".")
        if first.quote is not None:
            speaker = f"{kb.name_of(first.quote.speaker)} of {org.name}"
            line = (
                f"{speaker} said: “{text}.”"
                if first.quote.kind == "verbatim"
                else f"{speaker}, as the source paraphrases it: {text}."
            )
        else:
            # Only a passage quoted from a letter is its wording; demands and abuses are
            # the knowledge base's summary of what the release says.
            words = f"“{text}.”" if first.label.startswith("Quoted") else f"{text}."
            note = f" ({first.note.rstrip('.')}.)" if first.note else ""
            line = f"According to {org.name}: {words}{note}"
        builder.direct = f"{line} {builder.marks(first.sources)}"
    elif said:
        builder.direct = (
            f"The sources do not report {org.name} saying anything about {phrase}. "
            f"What they do record {org.name} saying follows."
        )
    elif letter is not None:
        builder.direct = (
            f"The sources do not report anything {org.name} said about the {letter.year} "
            "letter in its own words."
        )
    else:
        builder.direct = f"The sources do not report anything {org.name} said in its own words."
    builder.section(f"What {org.name} says", items)
    about = f" about {phrase}" if phrase else ""
    builder.interpretation = f"what {org.name} says{about}"
    return builder.build(found=bool(said))


def _everything_said(kb: KnowledgeBase, org_id: str) -> list[_Said]:
    """Its people's quotes, then the letters' statements its releases carry or credit to it."""
    published = set(published_by(kb, org_id))
    names = [normalize(n) for n in kb.organizations[org_id].names]
    said = [
        _Said(kb.name_of(q.speaker), q.text, q.sources, q.text, q, None, _letter_of(kb, q))
        for person in kb.people_of(org_id)
        for q in kb.quotes_by(person.id)
    ]
    for letter in kb.letters.values():
        for label, statement in (
            *(("Demand", s) for s in letter.demands),
            *(("Cited", s) for s in letter.abuses_cited),
            *(("Quoted from the letter", s) for s in letter.excerpts),
        ):
            if published & set(statement.sources) or _attributed(names, statement):
                said.append(
                    _Said(
                        f"{label} ({letter.year} letter)",
                        statement.text,
                        statement.sources,
                        f"{statement.text} {statement.note or ''}",
                        None,
                        statement.note,
                        letter.id,
                    )
                )
        # "ICC says it co-signed to show solidarity with Christians": its word on signing
        said += [
            _Said(
                f"On signing ({letter.year} letter)",
                s.note,
                s.sources,
                s.note,
                None,
                None,
                letter.id,
            )
            for s in letter.signatories
            if s.organization == org_id and s.note and published & set(s.sources)
        ]
    return said


def _letter_of(kb: KnowledgeBase, quote: Quote) -> str | None:
    """The letter a quote is about, directly or through an event the letter answered."""
    for subject in quote.about:
        if subject in kb.letters:
            return subject
        if subject in kb.events and kb.events[subject].related_letters:
            return kb.events[subject].related_letters[0]
    return None


def _attributed(names: list[str], statement: Statement) -> bool:
    """Whether a statement says it is the organisation's view ("according to the ICNK")."""
    text = " " + normalize(f"{statement.text} {statement.note or ''}") + " "
    return any(f" according to {n} " in text or f" according to the {n} " in text for n in names)
