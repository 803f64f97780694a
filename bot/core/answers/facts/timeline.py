"""Events and letters in date order: all, those of a month or year, or someone's.

"Can you list all the events in date order?", "everything that happened in June 2018",
"which of the events involved Moon Jae-in?": each event and letter the knowledge base
holds, dated and cited, earliest first, with who took part in each event.
"""

from __future__ import annotations

from bot.core.answers.answer import Answer, AnswerBuilder, Item
from bot.core.answers.facts.chronology import Dated
from bot.core.kb.dates import human_date
from bot.core.kb.models import Event, Letter
from bot.core.kb.sentences import first_sentences
from bot.core.scope import Scope


def timeline(
    scope: Scope,
    period: str | None = None,
    who: str | None = None,
    events_only: bool = False,
    letter: Letter | None = None,
    letters_only: bool = False,
) -> Answer:
    """Events and letters in date order, earliest first.

    Only those of `period` ("2018-06", "2018") and those `who` took part in, when given;
    letters are left out when `events_only`, events when `letters_only` ("order the three
    letters"), and with a `letter`, only the events its sources tie to it are shown ("the
    events linked to the 52-org letter").
    """
    kb = scope.kb
    if letter is not None:
        events_only = True
    things: list[Dated] = [
        *([] if letters_only and letter is None else kb.events.values()),
        *([] if events_only else kb.letters.values()),
    ]
    chosen = [
        x
        for x in things
        if (period is None or (x.date or "").startswith(period))
        and (who is None or who in _taking_part(x))
        and (letter is None or (isinstance(x, Event) and letter.id in x.related_letters))
    ]
    chosen.sort(key=lambda x: (x.date is None, x.date or "", x.title))
    what = "events" if events_only else "letters" if letters_only else "events and letters"
    scope_words = (
        (f" in {human_date(period)}" if period else "")
        + (f" that {kb.name_of(who)} took part in" if who else "")
        + (f" tied to the {letter.year} {letter.kind}" if letter else "")
    )
    builder = AnswerBuilder(kb, "timeline", f"Timeline{scope_words}")
    builder.interpretation = f"{what}{scope_words}, in date order"
    if not chosen:
        builder.direct = f"The sources report no {what}{scope_words}."
        return builder.build(found=True)
    items = [
        Item(
            f"{_when(x)} — {x.title}",
            first_sentences(x.summary, 1),
            builder.cite(x.sources),
        )
        for x in chosen
    ]
    listed = "; ".join(f"{x.title} ({_when(x)})" for x in chosen[:_IN_DIRECT])
    more = f"; and {len(chosen) - _IN_DIRECT} more" if len(chosen) > _IN_DIRECT else ""
    builder.direct = (
        f"{len(chosen)} {what if len(chosen) != 1 else what.rstrip('s')}{scope_words}, "
        f"earliest first: {listed}{more}."
    )
    builder.section("In date order", items)
    return builder.build(found=True)


def _taking_part(item: Dated) -> set[str]:
    """Who an event or letter involves: participants and bodies, or recipient and signers."""
    if isinstance(item, Event):
        return {*item.participants, *item.organizations}
    signers = {s.organization for s in item.signatories}
    return {item.recipient, *([item.coordinator] if item.coordinator else []), *signers}


def _when(item: Dated) -> str:
    return human_date(item.date) if item.date else "undated"


#: How many are named in the direct answer; the list below has them all.
_IN_DIRECT = 6
