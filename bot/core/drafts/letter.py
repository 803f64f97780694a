"""The letter itself: its recipient, kind, date and the regions its signers come from.

The recipient is the person named right after "letter to", "letter for" or "writing to";
the date is, in order: a date printed in a sentence about the letter, a relative date
there ("today", "earlier this week") read against the document's date, the document's
date, and last the latest date the text prints (month only). All but the first are
flagged.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from bot.core.drafts.dates import FoundDate, find_dates, relative_dates
from bot.core.drafts.orgs import OrgBook
from bot.core.drafts.people import (
    PeopleBook,
    PersonFinding,
    RoleFinding,
    names_in,
    parse_role,
)
from bot.core.drafts.text import sentences
from bot.core.kb.dates import human_date

_TO = re.compile(
    r"\b(?:letter|writing|wrote|written|appeal)\s+(?:\w+\s+){0,2}?"
    r"(?:to|for|addressed to)\s+(?P<after>.{3,120})",
    re.IGNORECASE,
)
_LETTER = re.compile(r"\bletter\b", re.IGNORECASE)
_REGIONS = (
    "Latin America",
    "North America",
    "South America",
    "Central America",
    "Middle East",
    "Central Asia",
    "South Asia",
    "Southeast Asia",
    "East Asia",
    "Asia",
    "Africa",
    "Europe",
    "Oceania",
    "the Pacific",
    "the Caribbean",
)
_REGION = re.compile(r"\b(?:" + "|".join(re.escape(r) for r in _REGIONS) + r")\b")


@dataclass(frozen=True, slots=True)
class LetterFacts:
    """What the text says about the letter as a whole."""

    kind: str
    recipient: PersonFinding | None
    recipient_role: str | None
    date: FoundDate | None
    regions: tuple[str, ...]
    flags: tuple[str, ...]


def read_letter(
    paragraphs: list[str], people: PeopleBook, orgs: OrgBook, document_date: FoundDate | None
) -> LetterFacts:
    """The letter's facts from the article's paragraphs (quotations blanked out)."""
    text = "\n".join(paragraphs)
    opens = len(re.findall(r"\bopen letter\b", text, re.IGNORECASE))
    joints = len(re.findall(r"\bjoint letter\b|\bjoint signator", text, re.IGNORECASE))
    kind = "open letter" if opens > joints else "joint letter"
    recipient, role = _recipient(paragraphs, people, orgs)
    flags: list[str] = []
    date = _letter_date(paragraphs, document_date, flags)
    regions: list[str] = []
    for paragraph in paragraphs:
        for _, sentence in sentences(paragraph):
            if re.search(
                r"\b(?:sign|represent|coalition|from around|members)", sentence, re.IGNORECASE
            ):
                regions += [m.group() for m in _REGION.finditer(sentence)]
    if recipient is None:
        flags.append(
            "No recipient found (“a letter to …”): the letter is left out; add it "
            "with /kb add-letter and link the rest to it."
        )
    return LetterFacts(kind, recipient, role, date, tuple(dict.fromkeys(regions)), tuple(flags))


def _recipient(
    paragraphs: list[str], people: PeopleBook, orgs: OrgBook
) -> tuple[PersonFinding | None, str | None]:
    votes: Counter[int] = Counter()
    roles: dict[int, str] = {}
    for paragraph in paragraphs:
        for match in _TO.finditer(paragraph):
            after = match["after"]
            found = _first_name(after)
            if found is None:
                continue
            name, at = found
            person = people.refer(name) or people.add(name)
            index = people.people.index(person)
            votes[index] += 1
            title = re.sub(r"^(?:the|The)\s+", "", after[:at].strip(" ,"))
            appositive = re.match(r",\s+(?P<role>[^,.;]{3,120})", after[at + len(name) :])
            given = [r.title for r in parse_role(appositive["role"], orgs)] if appositive else []
            if index not in roles and (title or given):
                roles[index] = title or given[0]
    if not votes:
        return None, None
    index = votes.most_common(1)[0][0]
    person = people.people[index]
    role = roles.get(index)
    if role:
        person.add_role(RoleFinding(role))
    return person, role


def _first_name(text: str) -> tuple[str, int] | None:
    """The first person's name in `text` within its first 60 characters, and where."""
    found = names_in(text)
    return found[0] if found and found[0][1] <= 60 else None


def _letter_date(
    paragraphs: list[str], document_date: FoundDate | None, flags: list[str]
) -> FoundDate | None:
    year = int(document_date.iso[:4]) if document_date else None
    anchor = document_date.iso if document_date else None
    for paragraph in paragraphs:
        for _, sentence in sentences(paragraph):
            if not _LETTER.search(sentence):
                continue
            printed = [d for d in find_dates(sentence, year) if not d.uncertain]
            if printed:
                return printed[0]
            relative = relative_dates(sentence, anchor)
            if relative:
                flags.append(f"Letter date: {relative[0].note}")
                return relative[0]
    if document_date is not None:
        flags.append(
            f"Letter date: taken to be the document's date ({document_date.printed}); "
            "the text does not date the letter itself."
        )
        return document_date
    printed = [d for p in paragraphs for d in find_dates(p) if not d.uncertain]
    if printed:
        latest = max(printed, key=lambda d: d.iso)
        month = latest.iso[:7]
        flags.append(
            f"Letter date: the text prints no date for the document or the letter; "
            f"the latest date it mentions is {latest.printed}, so {human_date(month)} "
            "is proposed. Check it."
        )
        return FoundDate(
            month,
            latest.printed,
            uncertain=True,
            note=f"Undated text; {latest.printed} is the latest date it mentions.",
        )
    flags.append("No date found for the letter or the document: the letter is left out.")
    return None
