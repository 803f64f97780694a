"""Shapes of a claim about who signed: one signer alone, several letters, or every one.

"Only HRW signed it, right?", "was it signed by Amnesty alone?", "did CSW sign all three
letters?".
"""

from __future__ import annotations

import re

from bot.core.answers.reader.question import Question


def claims_alone(q: Question, org_id: str) -> bool:
    """Whether the question claims the organisation signed alone.

    "Only HRW signed it, right?", "was it signed by Amnesty alone?", "just HRW and nobody
    else"; not "did CSW sign it, or just write about it?".
    """
    if q.has(_NOBODY_ELSE):
        return True
    tokens = q.norm.split()
    return any(
        (0 < m.start and tokens[m.start - 1] in _ONLY)
        # "signed only by Amnesty, HRW and FIDH"
        or (1 < m.start and tokens[m.start - 1] == "by" and tokens[m.start - 2] in _ONLY)
        or (m.end < len(tokens) and tokens[m.end] == "alone")
        for m in q.mentions
        if m.entity_id == org_id
    )


_ONLY = frozenset({"only", "just", "solely"})
_NOBODY_ELSE = re.compile(
    r"\b(?:nobody|no one) else\b|\bno other (?:group|org|organi[sz]ation|ngo|signer)s?\b"
)


def claims_one_letter(q: Question) -> bool:
    """Whether the question claims a group is on one letter and no other.

    "CSW signed just the 2018 letter, right?", "HRW was only on the 2018 letter?", "the
    ICNK only ever did the one letter"; not "only HRW signed it", which is `claims_alone`.
    """
    # "did HRW also sign the 2012 letter, or was it only involved in the 2018 one?": a
    # choice between two letters, which the letters it signed answer
    return q.has(_ONE_LETTER_ONLY) and not q.has(OR_ONLY)


#: "…, or only …": a choice between a letter asked of and one letter alone.
OR_ONLY = re.compile(
    r"\bor (?:(?:was|is|were|are|did|does|do|has|have) (?:it|they|he|she) )?(?:just|only)\b"
)


_ONE_LETTER_ONLY = re.compile(
    # not "both letters or only one of them?", "too or only the 2012 one": a choice asked
    r"(?<!or )\b(?:only|just|solely)(?: ever)? (?:(?:signed|sign|did|joined|backed|co ?signed|"
    r"was on|were on|been on|on|in|part of|involved in|tied to|linked to|connected (?:to|with)|"
    # "Amnesty only appears in connection with the 2012 letter"
    r"associated with|(?:appears?|shows? up|comes? up) (?:in connection with|on|in)) )?(?:to )?"
    r"(?:(?:the one |the |that |one |a single )?(?:\d{4} )?letter|the (?:\d{4} |one )one)\b"
    # "… only signed the 2018 letter to score points": a motive claimed, not one letter
    r"(?! (?:to|in order to) (?:score|get|show|make|gain|win|look|please|curry|attract|grab)\b)|"
    r"\b(?:nothing|none) (?:else|later|other)\b|\bno other letters?\b|\bnone of the others\b"
)


#: More than one letter, or every one: "signed more than one letter", "all three letters".
SEVERAL_LETTERS = re.compile(
    r"\b(?:more than one|several|multiple|two or more|over one|at least two|repeat\w*)"
    r"(?: of the)? letters?\b|\b(?:all three|all 3|every|each)(?: one)?(?: of)?"
    # "every one of these North Korea letters"
    r"(?: the| these| those| our)?(?: \w+){0,3}? letters?\b|"
    r"\ball (?:the |of the |these )?letters\b|\ball three\b"
)
_EVERY = re.compile(r"\ball\b|\bevery\b|\beach\b")


def every_letter(q: Question) -> bool:
    """Whether the question asks of every letter at once ("did CSW sign all three?")."""
    return q.has(SEVERAL_LETTERS) and q.has(_EVERY)
