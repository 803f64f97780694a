"""Claims that an organisation is the only one of its kind on a letter.

"Han Voice is the only Canadian group on the 2012 list, right?": whether it is the only
signatory from that country the sources name, and who else is, if anyone.
"""

from __future__ import annotations

from bot.core.answers.answer import Answer, cite_in, with_direct
from bot.core.answers.facts.openers import answer_signatories
from bot.core.kb.models import Letter
from bot.core.scope import Scope
from bot.core.search.resolve import country_matches


def only_one_from(scope: Scope, letter: Letter, org_id: str, country: str) -> Answer:
    """Whether `org_id` is the only signatory from `country` that `letter`'s sources name."""
    kb = scope.kb
    card, marks = cite_in(answer_signatories(scope, letter, (country,)), kb, letter.sources)
    named = [s.organization for s in letter.signatories]
    chosen = [o for o in named if country_matches(kb.organizations[o], country)]
    name, others = kb.name_of(org_id), [kb.name_of(o) for o in chosen if o != org_id]
    among = f"the {len(named)} signatories the sources name for the {letter.year} letter"
    if chosen == [org_id]:
        direct = f"Yes: {name} is the only organisation from {country} among {among}. {marks}"
        reported = letter.signers_reported.count if letter.signers_reported else 0
        if reported > len(named):
            direct += (
                f" The sources report {reported:,} signers but name only {len(named)}, so "
                "others from there may be among those not named."
            )
    elif org_id in chosen:
        direct = (
            f"No: {name} is one of {len(chosen)} organisations from {country} among {among}; "
            f"the others: {', '.join(others)}. {marks}"
        )
    else:
        where = (
            f"those from {country}: {', '.join(others)}" if others else f"none is from {country}"
        )
        home = kb.organizations[org_id].country
        direct = (
            f"No: {name} is from {home}, not {country}. Of {among}, {where}. {marks}"
            if home
            else f"The sources give no country for {name}. Of {among}, {where}. {marks}"
        )
    return with_direct(card, direct, f"is {name} the only {letter.year} signatory from {country}")
