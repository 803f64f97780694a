"""Whether an outlet quotes someone: "did RFA quote Brad Adams?", "was Robertson quoted by ICC?"."""

from __future__ import annotations

from bot.core.answers.answer import Answer, with_direct
from bot.core.answers.facts.lists import quoted_in_sources_of, quotes_by_source
from bot.core.answers.facts.publishers import published_by
from bot.core.scope import Scope


def outlet_quotes(scope: Scope, org_id: str, person_id: str) -> Answer:
    """Yes or No first, then everyone the outlet's coverage quotes, with their quotes."""
    kb = scope.kb
    card = quoted_in_sources_of(scope, org_id)
    published = published_by(kb, org_id)
    if not published:
        return card  # "The knowledge base holds nothing X published."
    by_source = kb.derived("quotes_by_source", quotes_by_source)
    carried = {q for s in published for q in by_source.get(s, ()) if q in kb.quotes}
    count = sum(1 for q in carried if kb.quotes[q].speaker == person_id)
    org, name = kb.name_of(org_id), kb.name_of(person_id)
    verdict = (
        f"Yes. {org}'s coverage quotes {name} {count} time{'s' if count > 1 else ''}."
        if count
        else f"No. {org}'s coverage does not quote {name}."
    )
    return with_direct(card, f"{verdict} {card.direct}", f"did {org} quote {name}")
