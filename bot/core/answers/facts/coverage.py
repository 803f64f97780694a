"""Which outlets reported a letter, and which of them gives a figure asked about."""

from __future__ import annotations

from bot.core.answers.answer import Answer, cite_in, with_direct
from bot.core.answers.cards import letters as letter_cards
from bot.core.kb.dates import human_date
from bot.core.kb.models import Letter
from bot.core.scope import Scope


def reported_in(scope: Scope, letter: Letter, numbers: tuple[int, ...] = ()) -> Answer:
    """The sources on a letter, by publisher; with `numbers`, those that report the figure.

    "Which outlet reports the 76 co-signers?": the sources of the count that is 76.
    """
    kb = scope.kb
    card = letter_cards.letter(scope, letter.id)
    counted = [c for c in letter.reported_counts if c.count in numbers]
    source_ids = list(counted[0].sources) if counted else list(letter.sources)
    sources = [kb.sources[s] for s in source_ids if s in kb.sources]
    parts = []
    for source in sources:
        card, marks = cite_in(card, kb, [source.id])
        parts.append(f"{source.publisher} (“{source.title}”, {human_date(source.date)}) {marks}")
    listed = "; ".join(parts)
    if counted:
        direct = f"The figure {counted[0].describe()} is reported by {listed}."
    elif parts:
        direct = f"The {letter.year} letter is reported by {listed}."
    else:
        direct = f"The sources on the {letter.year} letter name no publisher."
    return with_direct(card, direct, f"who reported {letter.title}", (), "sources")
