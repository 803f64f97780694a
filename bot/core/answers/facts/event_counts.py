"""How many, asked of an event: the figure its record gives, or that the sources give none.

"How many member states voted for the March resolution?" The record of the vote says what
was adopted, not the tally: the answer says so first rather than offering a letter's
figure that shares a word with the question.
"""

from __future__ import annotations

import re

from bot.core.answers.answer import Answer, cite_in, with_direct
from bot.core.answers.cards import people as people_cards
from bot.core.kb.dates import human_date
from bot.core.kb.models import Event
from bot.core.kb.sentences import first_sentences, split_sentences
from bot.core.scope import Scope
from bot.core.search.stems import concepts

#: A figure in a sentence: digits that are no year or day, or a number word.
_FIGURE = re.compile(
    r"\b(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?! (?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\b)|two|three|four|five|six|seven|eight|"
    r"nine|ten|eleven|twelve|dozens?|hundreds?|thousands?|millions?)\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def event_count(scope: Scope, event: Event, counted: str) -> Answer:
    """The sentence of the event's record giving a figure on `counted`, else that none does."""
    kb = scope.kb
    card = people_cards.event(scope, event.id)
    card, marks = cite_in(card, kb, event.sources)
    wanted = concepts(counted)
    for _, sentence in split_sentences(" ".join(event.summary.split())):
        figures = [f for f in _FIGURE.findall(sentence) if not _YEAR.fullmatch(f)]
        if figures and wanted & concepts(sentence):
            direct = f"According to the sources: {sentence} {marks}"
            return with_direct(card, direct, f"how many: {event.title}", (), "count")
    direct = (
        f"The sources do not give the number of {counted} for the {event.title} "
        f"({human_date(event.date)}). What they record: {first_sentences(event.summary)} {marks}"
    )
    return with_direct(
        card, direct, f"how many: {event.title} (not in the sources)", (), "not_covered"
    )
