"""The event nearest a letter in time: "what meeting was coming up a few days after it?".

Events the letter's sources tie to it come first; when none of them lies that way, any
dated event does. A kind of event the question names ("summit", "vote", "hearing") is
preferred. The span is computed from the cited dates, at the precision both have.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.core.answers.answer import Answer, AnswerBuilder, Item
from bot.core.answers.facts.chronology import span_between
from bot.core.kb.dates import human_date
from bot.core.kb.models import Event, Letter
from bot.core.kb.sentences import first_sentences
from bot.core.scope import Scope
from bot.core.search.stems import concepts


def nearest_event(scope: Scope, letter: Letter, after: bool, kind: str | None) -> Answer:
    """The event closest to the letter before or `after` it, of the `kind` asked if any."""
    kb = scope.kb
    way = "after" if after else "before"
    builder = AnswerBuilder(kb, "event", f"Events {way} {letter.title}")
    builder.interpretation = f"the event {way} {letter.title}" + (f" ({kind})" if kind else "")
    tied = [e for e in kb.events.values() if letter.id in e.related_letters]
    found = _ranked(tied, letter, after, kind) or _ranked(kb.events.values(), letter, after, kind)
    if not found:
        builder.direct = f"The sources do not report any event {way} the {letter.year} letter" + (
            f" that is a {kind}." if kind else "."
        )
        return builder.build(found=True)
    event = found[0]
    early, late = (letter.date, event.date or "") if after else (event.date or "", letter.date)
    builder.direct = (
        f"{event.title} ({human_date(event.date or '')}): "
        f"{span_between(early, late).lower()} {way} the {letter.year} letter "
        f"({human_date(letter.date)}), computed from those dates. "
        f"{builder.marks((*event.sources, *letter.sources))}"
    )
    builder.section(
        f"Events {way} the letter, nearest first",
        [
            Item(
                f"{human_date(e.date or '')} — {e.title}",
                first_sentences(e.summary, 1),
                builder.cite(e.sources),
            )
            for e in found[:_LISTED]
        ],
    )
    return builder.build(found=True)


def _ranked(events: Iterable[Event], letter: Letter, after: bool, kind: str | None) -> list[Event]:
    """Dated events on the asked side of the letter: of the kind first, then nearest."""
    precision = len(letter.date)
    candidates = [
        e
        for e in events
        if e.date
        and (e.date[:precision] > letter.date if after else e.date[:precision] < letter.date)
    ]
    candidates.sort(key=lambda e: e.date or "", reverse=not after)  # nearest first
    if kind:
        wanted = concepts(kind)
        candidates.sort(key=lambda e: not wanted & concepts(f"{e.title} {e.summary}"))
    return candidates


#: Events listed below the answer.
_LISTED = 5
