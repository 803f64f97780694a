"""Who speaks: the attribution around a quotation, and reported speech without quotation marks.

Attribution shapes: “…,” said Name, role. / “…,” Name said. / “…,” he added. /
“…,” Reuters quoted him as saying. / Name, role, said: “…” / “…,” the letter said.
Reported speech: a sentence whose subject is a person followed by a verb of saying
("Trump, whose goal is…, said he did not…"), and "…, adding that …" after a quotation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core.drafts.text import NAME_WORD, PERSON_NAME, is_person_name

_SAY = (
    r"(?:said|says|added|adds|stated|states|explained|noted|wrote|writes|argued|warned|"
    r"insisted|continued|told\s+[\w .’'-]{1,60}?|was quoted as saying|is quoted as saying)"
)
_WHO = rf"(?P<who>{PERSON_NAME}|{NAME_WORD}|he|she|He|She)"
_TAIL_SAID_WHO = re.compile(rf"^(?:{_SAY})\s+(?P<who>{PERSON_NAME}|{NAME_WORD})\b")
_TAIL_WHO_SAID = re.compile(
    rf"^{_WHO}(?:\s*\([^)]*\))?(?:,[^,“”\"]{{2,160}}?,?)?\s+(?:also\s+)?{_SAY}\b"
    r"(?P<rest>[^“”\"]*)"
)
_TAIL_QUOTED = re.compile(
    rf"^(?P<via>(?:The\s+)?[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){{0,3}})\s+quoted\s+"
    rf"(?P<who>him|her|{PERSON_NAME}|{NAME_WORD})\s+as\s+saying(?P<rest>[^“”\"]*)"
)
_TAIL_LETTER = re.compile(
    r"^(?:the|The)\s+(?:open\s+|joint\s+)?letter\s+(?:said|says|"
    r"concluded|stated|states|reads|read|added|continued|noted)\b"
)
_HEAD_WHO_SAID = re.compile(
    rf"(?:^|[.!?]\s+|,\s+|^\W*)(?P<who>{PERSON_NAME}|{NAME_WORD}|he|she|He|She)"
    rf"(?:\s*\([^)]*\))?(?:,[^“”\"]{{2,200}}?,)?\s+(?:also\s+)?{_SAY}\s*[:,]?\s*$"
)
_HEAD_LETTER = re.compile(
    r"\b(?:the|The)\s+(?:open\s+|joint\s+)?letter\s+(?:said|says|reads|"
    r"stated|states|concluded)\s*[:,]?\s*$"
)
_ADDING = re.compile(r",?\s+adding\s+that\s+(?P<what>[^“”\"]+?)\.?$")
_OCCASION = re.compile(
    r"\b(?P<occasion>(?:in|at|during)\s+(?:a|an|his|her|their|the)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:statement|briefing|conference|interview|"
    r"speech|hearing|testimony|address|remarks|event|meeting|post)"
    r"(?:\s+(?:to|in|with|on)\s+[\w .-]{1,40}?)?)(?=[.,;]|$)"
)
_REPORTED_VIA = re.compile(
    r",\s*(?P<via>(?:The\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3})\s+"
    r"(?:reported|said|wrote)\.?$"
)

#: Verbs of reported speech that introduce a paraphrase.
_REPORT = re.compile(
    r"\b(?P<verb>said|says|told|called\s+(?:on|for)|urged|cautioned|warned|"
    r"argued|stressed|noted|insisted|stated|explained|added)\b"
)
_APPOSITIVE_TAIL = re.compile(r",\s+[^,]+,\s*$")
_LEADING_NAME = re.compile(
    rf"^(?:(?:But|And|Nevertheless|However|Meanwhile|Also|Separately)"
    rf",?\s+)?(?P<who>{PERSON_NAME}),"
)


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who a quotation is attributed to, as written ("Adams", "he", "the letter")."""

    who: str | None
    letter: bool = False
    via: str | None = None
    occasion: str | None = None
    #: A paraphrase that follows ("…, adding that he urged the House to pass the bill").
    adding: str | None = None


def after_quote(tail: str) -> Attribution | None:
    """The attribution in the words right after a closing mark, if any."""
    tail = re.split(r"[“”\"]", tail, maxsplit=1)[0]
    tail = tail.lstrip(" ,—–-")
    if _TAIL_LETTER.match(tail):
        return Attribution(None, letter=True)
    sentence = re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", tail, maxsplit=1)[0]
    match = _TAIL_SAID_WHO.match(sentence)
    if match:
        return Attribution(match["who"], occasion=_occasion(sentence))
    match = _TAIL_QUOTED.match(sentence)
    if match:
        return Attribution(match["who"], via=match["via"], occasion=_occasion(match["rest"]))
    match = _TAIL_WHO_SAID.match(sentence)
    if match and (match["who"].casefold() in {"he", "she"} or match["who"][0].isupper()):
        adding = _ADDING.search(match["rest"])
        return Attribution(
            match["who"],
            occasion=_occasion(match["rest"]),
            adding=adding["what"] if adding else None,
        )
    return None


def before_quote(head: str) -> Attribution | None:
    """The attribution that introduces a quotation ("Name, role, said: “…")."""
    head = head.rstrip()
    if _HEAD_LETTER.search(head):
        return Attribution(None, letter=True)
    match = _HEAD_WHO_SAID.search(head)
    if match:
        return Attribution(match["who"])
    return None


def fragment_speaker(before: str) -> str | None:
    """The person who says a quoted fragment: "Yun also said it would be “…”"."""
    match = re.search(
        rf"(?P<who>{PERSON_NAME}|{NAME_WORD}|\b[Hh]e|\b[Ss]he)\s+(?:also\s+)?"
        r"(?:said|says|told|called|described|warned|added|argued)\b[^.“”\"]*$",
        before[-300:],
    )
    return match["who"] if match else None


def reported_via(sentence: str) -> str | None:
    """The outlet a sentence credits: "…, The Washington Post reported."."""
    match = _REPORTED_VIA.search(sentence.strip())
    return match["via"] if match else None


def _occasion(text: str) -> str | None:
    match = _OCCASION.search(text)
    return match["occasion"] if match else None


def reported_speech(sentence: str) -> tuple[str, str] | None:
    """(who, verb) when a person is the subject of a verb of saying in `sentence`."""
    for verb in _REPORT.finditer(sentence):
        before = sentence[: verb.start()].rstrip()
        before = _APPOSITIVE_TAIL.sub("", before + " ").rstrip() if before.endswith(",") else before
        trailing = re.search(
            rf"(?P<who>{PERSON_NAME}|{NAME_WORD}|\b[Hh]e|\b[Ss]he)"
            r"(?:\s*\([^)]*\))?\s*(?:also\s+)?$",
            before,
        )
        if trailing and (
            trailing["who"].casefold() in {"he", "she"}
            or is_person_name(trailing["who"])
            or " " not in trailing["who"]
        ):
            return trailing["who"], verb["verb"]
        leading = _LEADING_NAME.match(sentence)
        if leading and is_person_name(leading["who"]) and leading.end() <= verb.start():
            return leading["who"], verb["verb"]
        return None
    return None


def sentence_subject(sentence: str) -> str | None:
    """The person's name a sentence opens with ("Tran Van Long, a spokesperson, …")."""
    match = re.match(
        rf"^(?:(?:But|And|Meanwhile|Separately|However),?\s+)?"
        rf"(?P<who>{PERSON_NAME})\b(?=,|\s+[a-z])",
        sentence.strip(),
    )
    return match["who"] if match and is_person_name(match["who"]) else None
