"""A quiz or worksheet item, read as the question it asks.

Teachers paste items as they wrote them: "Q9. Is Open North Korea described as the ICNK's
secretariat? (yes/no, 1 mark)", "Fill in the blank: the 2018 letter was sent to ____.",
"What is the ICNK? Write out its full name. (2 marks)". The numbering, the marks and the
instructions after the question ask nothing; a blank asks for what fills it.
"""

from __future__ import annotations

import re

#: "Q9.", "Q.", "Question 4:", "4)", "(b)", "Claim 12:" before the item.
_NUMBERING = re.compile(
    r"^\s*(?:q(?:uestion)?\s*\d*[a-z]?\s*[.:)]|\d{1,2}\s*[.)](?!\d)|\(?[a-h]\)|part\s+[a-h]\s*[.:)]|"
    # "Q67 The letter …", "Claim 12:", "Item 29:", "#4 -": a checklist's numbering
    r"q\d{1,3}\s+|(?:claim|item|statement|point|number|no\.?|#)\s*\d{1,3}\s*[.:)—–-])\s*",
    re.IGNORECASE,
)
#: "(2 marks)", "(yes/no, 1 mark)", "[3 pts]".
_MARKS = re.compile(
    r"\s*[(\[](?:[^()\[\]]{0,30}?,\s*)?\d+\s*(?:marks?|pts?|points?)[)\]]\s*", re.IGNORECASE
)
#: "True/False:", "T/F:": a claim to check.
_TRUE_FALSE = re.compile(r"^\s*(?:true\s*/\s*false|t\s*/\s*f)\s*[:.-]\s*", re.IGNORECASE)
#: "… went to Kim. True or false?": the check asked after the claim's full stop.
_TRUE_FALSE_AFTER = re.compile(
    r"\s*\.\s*(?:true or false|true\s*/\s*false|t\s*/\s*f)\s*\??\s*$", re.IGNORECASE
)
#: "Yes/No: Did …?": the question says as much itself.
_YES_NO = re.compile(r"^\s*(?:yes\s*/\s*no|y\s*/\s*n)\s*[:.-]\s*", re.IGNORECASE)
#: "Fill in the blank:", "Complete the sentence:" before an item with a blank in it.
_FILL_IN = re.compile(
    r"^\s*(?:fill in the (?:blanks?|gaps?)|complete (?:the|this) (?:sentence|statement))"
    r"\s*[:.-]\s*",
    re.IGNORECASE,
)
#: A blank to fill: a run of underscores or "[blank]".
_BLANK = re.compile(r"_{2,}|\[\s*blank\s*\]", re.IGNORECASE)
#: A blank after these words is a person or body ("sent to ____", "coordinated by ____").
_WHOM_BEFORE = re.compile(r"\b(?:to|by|from|with|for)\s*$", re.IGNORECASE)
#: Instructions after the question: "Give two details.", "Write out its full name."
_INSTRUCTIONS = re.compile(
    r"(?<=\?)\s+(?:give|write|explain|include|show|use|answer|support|cite|justify|state|"
    r"name|list|refer|mention|provide)\b[^?]*$",
    re.IGNORECASE,
)

#: "True or false: … . Explain your answer.": how to answer, after any sentence.
_EXPLAIN = re.compile(
    r"(?<=[?.!])\s+(?:explain your answer|justify your answer|give (?:a )?reasons?|"
    r"show your working|give evidence)\b[^?]*$",
    re.IGNORECASE,
)


def as_a_question(text: str) -> str:
    """`text` without a worksheet's numbering, marks and instructions; a blank asked."""
    item = _NUMBERING.sub("", _MARKS.sub(" ", text)).strip()
    item = _TRUE_FALSE.sub("True or false: ", _YES_NO.sub(_yes_no, item))
    # "Claim 38: the letter went to Kim. True or false?": the claim, checked
    item = _TRUE_FALSE_AFTER.sub(", true or false?", item)
    filled = _FILL_IN.sub("", item)
    if filled != item or _BLANK.search(item):
        item = _asked_blank(filled) or item
    if item == text.strip():
        return text  # not a worksheet's item: "… ? name his group" is a second question
    item = _INSTRUCTIONS.sub("", _EXPLAIN.sub("", item))
    return item if item.strip() else text


def _yes_no(match: re.Match[str]) -> str:
    """ "Y/N: Did …?" asks itself; "Y/N: UNSC had NK on its agenda" is a claim to check."""
    rest = match.string[match.end() :]
    return "" if _ASKS.match(rest) else "True or false: "


_ASKS = re.compile(
    r"(?:did|does|do|is|was|are|were|has|have|had|can|could|will|would|should)\b", re.IGNORECASE
)


def _asked_blank(item: str) -> str | None:
    """ "the letter was sent to ____, days before…" → "the letter was sent to whom, …?".

    None when the blank asks for no one ("the only Belgian org is Human Rights Without
    ____"): the item is read as it is.
    """
    match = _BLANK.search(item)
    if match is None or not _WHOM_BEFORE.search(item[: match.start()]):
        return None
    asked = " ".join(f"{item[: match.start()]} whom {item[match.end() :]}".split())
    asked = re.sub(r" (?=[,;:])", "", asked)  # "sent to ____, days before": "whom, days"
    return asked.rstrip(" .") + ("" if asked.endswith("?") else "?")
