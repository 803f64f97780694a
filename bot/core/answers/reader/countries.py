"""Country filters in questions: which countries filter signatories, and how to say it."""

from __future__ import annotations

from bot.core.answers.reader.org_descriptions import PLACE_KINDS
from bot.core.answers.reader.question import Question
from bot.core.scope import Scope
from bot.core.search.names import normalize


def is_signer_country(scope: Scope, country: str | None) -> bool:
    """Whether any signatory is from `country` (a recipient's country filters nothing)."""
    if country is None:
        return False
    kb = scope.kb
    signer_countries = kb.derived(
        "signer_countries",
        lambda base: {
            base.organizations[s.organization].country
            for x in base.letters.values()
            for s in x.signatories
        },
    )
    place_names = kb.derived(
        "place_names",
        lambda base: {
            normalize(n)
            for o in base.organizations.values()
            if o.kind in PLACE_KINDS
            for n in (*o.names, o.country or "")
        },
    )
    return country in signer_countries or normalize(country) not in place_names


def where_label(question: Question, countries: tuple[str, ...]) -> str:
    """ "from Japan", "outside Asia": the country filter as the question put it."""
    place = question.region or " or ".join(countries)
    return f"outside {place}" if question.countries_excluded else f"from {place}"
