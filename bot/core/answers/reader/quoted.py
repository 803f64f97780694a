"""The words a question quotes: "who said 'overload the agenda'?" quotes "overload the agenda"."""

from __future__ import annotations

import re

#: Double quotes of any style hold three characters or more; single quotes eight or more,
#: and may hold an apostrophe inside a word ("'world's biggest open prison'"), but open
#: only where no letter precedes them ("Kim's" opens nothing).
_QUOTED = re.compile(
    r"[\"“”„«»]([^\"“”„«»]{3,})[\"“”„«»]"
    r"|(?<!\w)['‘’]((?:[^'‘’]|(?<=\w)['’](?=\w)){8,})['‘’](?!\w)"
)


def quoted_span(text: str) -> tuple[int, int, str] | None:
    """Where the first quotation starts and ends (marks included), and its words."""
    found = _QUOTED.search(text)
    if found is None:
        return None
    words = next(g for g in found.groups() if g)
    return found.start(), found.end(), words.strip()


def quoted_words(text: str) -> str | None:
    """The first phrase the text puts in quotation marks, stripped; None if there is none."""
    found = _QUOTED.search(text)
    words = next((g for g in found.groups() if g), None) if found else None
    return words.strip() if words else None
