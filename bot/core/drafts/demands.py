"""What the letter asks for, and the abuses it cites.

Demands come first from a list: the bullet or numbered lines after a paragraph that ends
in "urges Kim to:", "calls on the government to:", "asks…:". Only when the text has no such
list are demands read from prose ("urges General Kim to reverse …, and grant access …"),
one per verb. Abuses come from a list introduced by "violations … include:" and from
sentences where the letter or its signers "point to" or "cite" something; findings the
article adds ("… found that …") are kept with a note saying they may not be the letter's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core.drafts.document import Paragraph
from bot.core.drafts.speech import reported_speech
from bot.core.drafts.text import sentences

_CUE = re.compile(
    r"\b(?:urges?|urging|urged|calls?\s+(?:on|upon|for)|calling\s+(?:on|upon|for)|"
    r"called\s+(?:on|upon|for)|asks?|asking|asked|demands?|demanding|"
    r"recommends?|recommending|appeals?\s+to|appealing\s+to|press(?:es|ing)?|"
    r"requests?|requesting|to\s+urge)\b",
    re.IGNORECASE,
)
# "Press" is left out here: narrative says rights groups "continue to press" governments.
_TARGET_TO = re.compile(
    r"\b(?:urges?|urging|urged|calls?\s+(?:on|upon|for)|calling\s+(?:on|upon|for)|called\s+"
    r"(?:on|upon|for)|asks?|asking|asked|appeals?\s+to|appealing\s+to|"
    r"requests?|requesting)\s+(?P<target>[^.;:]{1,80}?)\s+to\s+(?P<what>(?-i:[a-z]).{8,})",
    re.IGNORECASE,
)
_ABUSE_LIST = re.compile(
    r"\b(?:violations|abuses|crimes|findings|concerns)\b.*"
    r"\b(?:include|included|including|cited|cites|such as|are|were|"
    r"lists?|describes?)\b",
    re.IGNORECASE,
)
_POINTED = re.compile(
    r"\b(?:letter|signatories|signers|organi[sz]ations|groups|coalition|"
    r"it|they)\b[^.]{0,60}?\b(?:pointed to|points to|cited|cites|"
    r"highlighted|highlights|condemned|condemns|denounced|denounces|"
    r"documented|documents)\s+(?P<what>[^.]{8,})",
    re.IGNORECASE,
)
_FOUND = re.compile(
    r"\bfound that\s+(?P<what>[^.]*\b(?:abuses?|violations?|crimes?|torture|"
    r"killings?|detention)\b[^.]*)",
    re.IGNORECASE,
)
_LETTERISH = re.compile(
    r"\b(?:letter|signatories|signers|it|they|ngos|organi[sz]ations|"
    r"groups|coalition)\b",
    re.IGNORECASE,
)
#: Verbs a demand starts with: a new one after a comma or "and" starts a new demand.
_VERBS = frozenset(
    "abide abolish accept act address adopt allow amend apologise apologize cease close "
    "commit comply condemn cooperate create dismantle disband drop end engage ensure "
    "establish extend facilitate free grant guarantee halt hold implement improve include "
    "increase investigate issue join let lift live make move open permit prioritize "
    "prioritise prosecute protect provide publish ratify recognize recognise reform release "
    "remove repeal reply report respect respond restore return reverse revoke seek sign "
    "stop strengthen submit suspend take undertake uphold withdraw".split()
)
_SPLIT = re.compile(
    r"(?:,\s+(?:and\s+)?|\s+and\s+)"
    r"(?=(?:immediately\s+|also\s+)?(?P<verb>[a-z]+)\b)"
)


@dataclass(frozen=True, slots=True)
class Item:
    """A demand or an abuse, as a sentence, with a note when it needs one."""

    text: str
    note: str | None = None


def _sentence_case(text: str) -> str:
    text = " ".join(text.split()).strip(" ;,")
    text = re.sub(r"(?:[;,]\s*|\s+)(?:and|or)$", "", text).strip(" ;,")
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


def _list_after(paragraphs: tuple[Paragraph, ...], index: int) -> list[Paragraph]:
    items = []
    for paragraph in paragraphs[index + 1 :]:
        if not paragraph.bullet:
            break
        items.append(paragraph)
    return items


def demands(paragraphs: tuple[Paragraph, ...], masked: list[str]) -> list[Item]:
    """The letter's demands; `masked` is each paragraph with its quotations blanked out."""
    listed: list[Item] = []
    for index in range(len(paragraphs)):
        text = masked[index].strip()
        if text.endswith(":") and _CUE.search(text):
            listed += [Item(_sentence_case(p.text)) for p in _list_after(paragraphs, index)]
    if listed:
        return _unique(listed)
    found: list[Item] = []
    for index, paragraph in enumerate(paragraphs):
        if paragraph.bullet:
            continue
        for _, sentence in sentences(masked[index]):
            found += _prose_demands(sentence)
    return _unique(found)


def _prose_demands(sentence: str) -> list[Item]:
    match = _TARGET_TO.search(sentence)
    if match is None or not _LETTERISH.search(sentence[: match.start()]):
        return []
    speaker = reported_speech(sentence)
    if speaker is not None and not _LETTERISH.search(speaker[0]):
        return []  # a person "called on …" or "he said": theirs, not the letter's demand
    what = re.split(r"\s{3,}", match["what"])[0]  # stop where a quotation was blanked out
    what = re.sub(r"\.$", "", what.strip())
    if len(what.split()) < 3:
        return []
    note = f"From the sentence “{' '.join(sentence.split())[:200]}”"
    return [Item(_sentence_case(part), note) for part in split_demands(what)]


def split_demands(text: str) -> list[str]:
    """ "end A, take B, and provide C" → three demands (a split only before a verb)."""
    parts: list[str] = []
    start = 0
    for match in _SPLIT.finditer(text):
        if match["verb"] in _VERBS:
            parts.append(text[start : match.start()])
            start = match.end()
    parts.append(text[start:])
    return [p.strip() for p in parts if len(p.split()) >= 2]


def abuses(paragraphs: tuple[Paragraph, ...], masked: list[str]) -> list[Item]:
    """The abuses and findings the letter cites (and, noted, those the article adds)."""
    found: list[Item] = []
    for index in range(len(paragraphs)):
        text = masked[index].strip()
        if text.endswith(":") and _ABUSE_LIST.search(text) and not _CUE.search(text):
            found += [Item(_sentence_case(p.text)) for p in _list_after(paragraphs, index)]
    for index, paragraph in enumerate(paragraphs):
        if paragraph.bullet:
            continue
        for _, sentence in sentences(masked[index]):
            pointed = _POINTED.search(sentence)
            if pointed:
                found.append(
                    Item(
                        _sentence_case(pointed["what"]),
                        "The article says the letter or its signers cite this.",
                    )
                )
                continue
            found_that = _FOUND.search(sentence)
            if found_that:
                found.append(
                    Item(
                        _sentence_case(" ".join(sentence.split())),
                        "Context from the article; it does not say the letter cites this.",
                    )
                )
    return _unique(found)


def _unique(items: list[Item]) -> list[Item]:
    seen: set[str] = set()
    kept = []
    for item in items:
        key = re.sub(r"\W+", " ", item.text.casefold()).strip()
        if key and key not in seen:
            seen.add(key)
            kept.append(item)
    return kept
