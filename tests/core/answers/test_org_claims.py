"""How well a claim about a group fits what its record says."""

from __future__ import annotations

import pytest

from bot.core.answers.facts.claims import org_claim_fit
from bot.core.answers.facts.topic_match import TOPIC_FIT
from bot.core.scope import Scope


@pytest.mark.parametrize(
    ("org_id", "claim", "fits"),
    [
        # what the record describes
        ("christian-solidarity-worldwide", "CSW is a religious freedom group, right?", True),
        ("human-rights-watch", "HRW is based in New York?", True),
        # what an acronym stands for, and what kind of body a group is, are checked whole
        (
            "icnk",
            "ICNK stands for International Coalition to Stop Crimes Against Humanity in "
            "North Korea, correct?",
            True,
        ),
        # words the record does not speak of
        ("human-rights-watch", "HRW paid for the summit in Singapore, right?", False),
    ],
)
def test_a_claim_fits_the_record_it_speaks_of(
    scope: Scope, org_id: str, claim: str, fits: bool
) -> None:
    """Claims the record speaks of fit it; claims of what it does not hold do not."""
    fit = org_claim_fit(scope.kb, scope.kb.organizations[org_id], claim)
    assert (fit >= TOPIC_FIT) == fits, fit
