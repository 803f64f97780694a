"""What kind of body a claim says an organisation is: "ICC is just a news website, right?".

The knowledge base records each organisation's kind (an NGO, a coalition, a news outlet, a
government, a UN body). A claim that names another kind is answered No with the kind
recorded; one that names the same kind, or none, is left to the description.
"""

from __future__ import annotations

import re

from bot.core.kb.models import Organization
from bot.core.search.names import normalize

#: Words that claim a kind, by the kind the data records.
_KIND_WORDS = {
    "media": r"news(?: website| site| agency| outlet)?|newspaper|media(?: outlet)?|broadcaster|"
    r"radio station|outlet|magazine|wire service",
    "government": r"government|ministry|state agency",
    "un-body": r"un (?:agency|body)|united nations (?:agency|body)",
    "coalition": r"coalition|network of groups|alliance of groups",
    "ngo": r"ngo|charity|non ?profit|advocacy group|campaign(?:ing)? group|rights group",
}
#: Not "in the coalition", "part of the coalition": where it belongs, not what it is.
_CLAIMED = {
    kind: re.compile(rf"(?<!\bthe )(?<!\bicnk )\b(?:{words})\b")
    for kind, words in _KIND_WORDS.items()
}
#: How each kind is named in an answer.
KIND_NAMES = {
    "media": "a news outlet",
    "government": "a government",
    "un-body": "a UN body",
    "coalition": "a coalition",
    "ngo": "an NGO",
    "legislature": "a legislature",
}


def wrong_kind(org: Organization, claim: str) -> str | None:
    """The kind a claim gives the organisation, when the data records another; else None."""
    text = normalize(claim)
    claimed = [kind for kind, pattern in _CLAIMED.items() if pattern.search(text)]
    if not claimed or org.kind in claimed:
        return None
    return claimed[0]
