"""Whether an organisation belongs to a coalition: "is Odhikar part of the ICNK?".

Membership is what the sources print: the 2012 release lists the coalition's "members and
supporters", recorded as `member_of`. Signing a letter the coalition coordinated is not
membership, and a group missing from a printed list may still belong; the answer keeps the
two apart.
"""

from __future__ import annotations

from bot.core.answers.answer import Answer, cite_in, with_direct
from bot.core.answers.cards.people import org as org_card
from bot.core.kb.dates import human_date
from bot.core.scope import Scope


def membership(scope: Scope, org_id: str, coalition_id: str) -> Answer:
    """Yes when the sources list the organisation as the coalition's member or supporter."""
    kb = scope.kb
    org, coalition = kb.organizations[org_id], kb.organizations[coalition_id]
    card = org_card(scope, org.name)
    led = [x for x in kb.letters_signed_by(org_id) if x.coordinator == coalition_id]
    signed = [s for x in led for s in x.signatories if s.organization == org_id]
    sources = [src for s in signed for src in s.sources] or list(org.sources)
    card, marks = cite_in(card, kb, sources)
    if coalition_id in org.member_of:
        direct = (
            f"Yes. The sources list {org.name} as a member or supporter of {coalition.name}. "
            f"{marks}"
        )
    else:
        printed = [
            x
            # the coalition's own letters, from the index, not a walk over every letter
            for x in kb.letters_signed_by(coalition_id)
            if x.coordinator == coalition_id
            and any(
                coalition_id in kb.organizations[s.organization].member_of for s in x.signatories
            )
        ]
        where = (
            f" (the one list of its members and supporters they print came with its "
            f"{printed[0].year} letter)"
            if printed
            else ""
        )
        direct = f"The sources do not list {org.name} as a member of {coalition.name}{where}."
        if led:
            dates = " and ".join(human_date(x.date) for x in led)
            direct += f" It signed the letter the coalition coordinated ({dates}). {marks}"
    shown = f"is {org.name} a member of {coalition.name}"
    return with_direct(card, direct, shown, (), "org")
