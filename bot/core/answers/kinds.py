"""The answer functions every front end calls, one per command (the public surface).

Slash commands and their CLI twins call these by name; each returns a cited `Answer`, and
a name that matches nothing gives a "nothing found" answer with suggestions.
"""

from __future__ import annotations

from bot.core.answers.cards.letters import clarify_letter, demands, letter, letters, signatories
from bot.core.answers.cards.people import ORGANIZATION_LABELS, describe_person, event, org, person
from bot.core.answers.cards.quotes import quote_item, quotes
from bot.core.answers.cards.search import KIND_LABELS, search
from bot.core.answers.facts.comparisons import compare
from bot.core.answers.facts.who_said import who_said_words

__all__ = [
    "KIND_LABELS",
    "ORGANIZATION_LABELS",
    "clarify_letter",
    "compare",
    "demands",
    "describe_person",
    "event",
    "letter",
    "letters",
    "org",
    "person",
    "quote_item",
    "quotes",
    "search",
    "signatories",
    "who_said_words",
]
