"""Counts a release reports about who signed: "52 organizations … representing more than 300 NGOs".

A count is a number (digits or words) before a noun for signers (organisations, groups,
NGOs, coalitions, co-signers, individuals, countries), in a sentence about the letter or
its signers. Each is kept with its qualifier ("more than", "at least"…) and the sentence it
was printed in; the same number printed twice is one count with both wordings. A count of
groups the signers "represent" is never the count of signers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.core.drafts.text import sentences
from bot.core.search.numbers import NUMBER_WORD, number_value

_NUMBER = rf"(?P<number>\d{{1,3}}(?:,\d{{3}})+|\d+|{NUMBER_WORD}(?:\s+hundred)?)"
_QUALIFIER = (
    r"(?P<qualifier>more than|over|at least|some|about|around|nearly|almost|"
    r"approximately|roughly|upwards of|close to)"
)
_UNIT_NOUN = (
    r"(?:non-?governmental organi[sz]ations|organi[sz]ations|ngos|groups|coalitions|"
    r"signatories|co-?signers|cosignatories|co-?signatories|signers|individuals|"
    r"alliances|networks|associations|institutions|countries|nations|"
    r"civil society groups|members|unions|churches|parliamentarians|lawmakers|"
    r"academics|experts)"
)
_ADJECTIVE = r"(?:[a-z][\w’'-]*|[A-Z][a-z]+)"
_COUNT = re.compile(
    rf"(?:{_QUALIFIER}\s+)?{_NUMBER}\s+(?P<unit>(?:{_ADJECTIVE}\s+){{0,4}}?{_UNIT_NOUN}"
    rf"(?:,?\s+(?:and\s+)?(?:{_ADJECTIVE}\s+)?{_UNIT_NOUN}(?!\s+\d)){{0,3}}"
    rf"(?:,\s+including\s+\w+,?)?)",
    re.IGNORECASE,
)
#: A sentence must speak of the letter or its signers for its counts to be theirs.
_CONTEXT = re.compile(
    r"\b(?:letter|sign\w*|co-?sign\w*|represent\w*|joined|coalition|"
    r"along with|released|published|wrote|sent|endorse\w*)\b",
    re.IGNORECASE,
)
_SIGNED_BY = re.compile(r"\b(?:co-?signed|signed|endorsed)\s+by\s+$", re.IGNORECASE)
#: "52 organizations … sent a letter": the count is the subject of the sending.
_SENT = re.compile(
    r"^[^,.;]{0,80}?\b(?:sent|signed|wrote|delivered|released|co-?signed|"
    r"penned|issued|published)\b[^.]{0,200}?\bletter",
    re.IGNORECASE,
)
_QUALIFIERS = {
    "more than": "more-than",
    "over": "more-than",
    "upwards of": "more-than",
    "at least": "at-least",
}


@dataclass(slots=True)
class CountFinding:
    """One reported count with every wording the text gives it."""

    count: int
    unit: str
    qualifier: str
    of_signers: bool
    wordings: list[str] = field(default_factory=list)
    represented: bool = False


def find_counts(paragraphs: list[str]) -> list[CountFinding]:
    """Every count of signers, represented groups or countries, merged by number and kind."""
    found: list[CountFinding] = []
    for paragraph in paragraphs:
        for _, sentence in sentences(paragraph):
            if not _CONTEXT.search(sentence):
                continue
            for match in _COUNT.finditer(sentence):
                finding = _finding(sentence, match)
                if finding is not None:
                    _merge(found, finding)
    return found


def _finding(sentence: str, match: re.Match[str]) -> CountFinding | None:
    value = number_value(match["number"])
    if value is None or (1900 <= value <= 2100 and match["number"].isdigit()):
        return None
    before = sentence[: match.start()]
    unit = " ".join(match["unit"].split()).rstrip(",")
    qualifier = _QUALIFIERS.get(
        (match["qualifier"] or "").casefold(), "about" if match["qualifier"] else "exactly"
    )
    represented = bool(re.search(r"\brepresent\w*\s+(?:\w+\s+){0,2}$", before, re.IGNORECASE))
    countries = bool(re.search(r"\b(?:countries|nations)$", unit, re.IGNORECASE))
    part = bool(re.search(r"\bother\b", unit, re.IGNORECASE)) or bool(
        re.search(r"\b(?:largest|biggest|major|leading)\b", unit, re.IGNORECASE)
    )
    signers = bool(_SIGNED_BY.search(before) or _SENT.search(sentence[match.end() :]))
    signers = signers and not part
    return CountFinding(
        value,
        unit,
        qualifier,
        signers and not represented and not countries,
        [_window(sentence, match.start(), match.end())],
        represented,
    )


def _window(sentence: str, start: int, end: int, reach: int = 90) -> str:
    """The words around a count, cut at word boundaries, "…" where the sentence goes on."""
    left = sentence.rfind(" ", 0, max(start - reach, 0)) + 1 if start > reach else 0
    right = sentence.find(" ", end + reach) if len(sentence) > end + reach else -1
    text = sentence[left : right if right != -1 else len(sentence)].strip()
    return ("…" if left else "") + text + ("…" if right != -1 else "")


def _merge(found: list[CountFinding], new: CountFinding) -> None:
    kind = _kind(new.unit)
    for old in found:
        if old.count == new.count and _kind(old.unit) == kind:
            for wording in new.wordings:
                if wording not in old.wordings:
                    old.wordings.append(wording)
            # Once any wording says the signers "represent" these, they are not the signers.
            old.represented = old.represented or new.represented
            old.of_signers = (old.of_signers or new.of_signers) and not old.represented
            if old.qualifier == "exactly":
                old.qualifier = new.qualifier
            return
    found.append(new)


def _kind(unit: str) -> str:
    return "countries" if re.search(r"\b(?:countries|nations)\b", unit, re.IGNORECASE) else "orgs"
