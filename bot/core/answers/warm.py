"""Compute, once per knowledge base, the tables the /ask reader looks things up in.

The reader's tables (role word bags, letters' and events' word bags, word rarities of
statements and quotes, the notes index…) are built on first use. Built lazily, the first
question after a start pays for all of them: seconds at 100,000 entities. The engine calls
`warm_up` after loading the bundled data, and the start-up snapshot keeps the tables, so a
start from the snapshot pays nothing. `SHAPING_MODULES` are the modules whose code decides
what the tables hold: editing one invalidates the snapshot.
"""

from __future__ import annotations

from types import ModuleType

from bot.core.answers.facts import org_letters, topic_match, who_said
from bot.core.answers.reader import (
    event_clues,
    letter_candidates,
    letter_words,
    org_descriptions,
)
from bot.core.kb.corpus import KnowledgeBase
from bot.core.search import places, role_words, roles, stems

#: Modules whose code shapes the tables `warm_up` computes.
SHAPING_MODULES: tuple[ModuleType, ...] = (
    event_clues,
    letter_candidates,
    letter_words,
    org_descriptions,
    org_letters,
    role_words,
    roles,
    stems,
    topic_match,
    who_said,
)


def warm_up(kb: KnowledgeBase) -> None:
    """Build the reader's lookup tables for `kb` now rather than on the first question."""
    kb.derived("role_bags", roles.build_role_bags)
    kb.derived("role_country_words", roles.country_words)
    kb.derived("letter_word_bags", letter_words.word_bags)
    kb.derived("letters_by_word", letter_words.letters_by_word)
    kb.derived("event_word_bags", event_clues.event_bags)
    kb.derived("recipient_places", letter_candidates.recipient_places)
    kb.derived("letters_by_year_ids", letter_candidates.letters_by_year)
    kb.derived("statement_idf", topic_match.statement_idf)
    kb.derived("statements_by_concept", topic_match.statements_by_concept)
    kb.derived("quote_word_idf", who_said.quote_idf)
    kb.derived("letter_notes_by_word", org_letters.notes_by_word)
    kb.derived("org_description_bags", org_descriptions.org_bags)
    places.place_names()  # pycountry's tables, once per process (0.15 s)
