"""Two questions in one message: "Who coordinated the 2018 letter, and who the 2019 one?".

The message is split where a second question begins (after a comma, a semicolon or a
question mark, at an asking word), each part is read on its own (the second keeps what the
first named when it says "it" or "that letter"; "and what about X" is the first question
asked of X), and when both are understood, of different things, both are answered, merged
under one numbering of sources.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.core.answers.answer import Answer, merged
from bot.core.answers.reader.carried_context import LEAD_IN
from bot.core.answers.reader.readings import Reading
from bot.core.kb.corpus import KnowledgeBase

#: Where a second question begins: a comma, semicolon or question mark, then an asking
#: word; or "and" before a wh-word ("what is FIDH and which letter was it part of?").
_SECOND = re.compile(
    r"(?:,|;|\?)\s+(?:and\s+|also\s+|plus\s+|but\s+)?(?:also\s+)?"
    r"(?=(?:who|whom|what|when|which|where|why|how|did|does|was|were|is|are)\b)"
    # "who were the big three and also how many others joined"
    r"|\s+(?:and|\+|&|plus)(?:\s+also)?\s+(?=(?:who|whom|what|when|which|where|why|how)\s)"
    r"|\s+also\s+(?=(?:who|whom|what|when|which|where|why|how)\s)"
    # "what is CSW and did it sign the 2019 letter": a yes-or-no question after "and"
    r"|\s+(?:and|\+|&)(?:\s+also)?\s+"
    r"(?=(?:did|does|was|were|is|are|has|have)\s(?:it|they|he|she|that)\s)"
    r"|(?:,|;|\?)\s+and\s+(?=about\s)",
    re.IGNORECASE,
)
#: A second part that only changes what the first asked about: "and what about the UN
#: system", "and who about the moon letter", "and about relatives of prisoners?".
_WHAT_ABOUT = re.compile(
    r"^(?:and\s+|but\s+|also\s+)?(?:(?:what|who|how)\s+)?(?:about|regarding)\s+([^?]+)",
    re.IGNORECASE,
)
#: The first question up to the topic it asks about ("did it ask for anything | about prisons").
_LAST_ABOUT = re.compile(r"^(.*)\s(?:about|regarding|on)\s.+?\??$", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
#: A part that opens as a question.
_ASKS = re.compile(
    r"(?:who|whom|what|when|which|where|why|how|did|does|do|was|were|is|are|has|have|had|can|"
    r"could|whats|whos|wheres|hows|tell|list|name|describe|explain|give me|show|"
    # "any signatories from Belgium, and who said what about that letter?"
    r"any|anything|anyone)\b",
    re.IGNORECASE,
)
#: Each part must be at least this many words to be a question of its own.
_MIN_WORDS = 3
#: How well each part must read to be answered: a part is often elliptical ("and was there
#: anything from Brazil"), so it reads less well than a whole question would.
UNDERSTOOD = 4.5
#: Readings that do not understand a part.
_NOT_UNDERSTOOD = frozenset({"clarify", "search", "not_covered"})


def split(text: str) -> list[str]:
    """The two questions of a message, or [] when it holds one (or more than two)."""
    parts = [p.strip() for p in _SECOND.split(text) if p.strip()]
    if len(parts) != 2 or any(len(p.split()) < _MIN_WORDS for p in parts):
        return []
    first, second = parts
    # "Claim: '…' True or false? Which letter …": a question mark ended the first part
    marked = text.strip()[len(first) :].lstrip().startswith("?")
    if not (
        first.endswith("?") or marked or _ASKS.match(first) or _ASKS.match(LEAD_IN.sub("", first))
    ):
        return []  # "In connection with the letter CSW joined, what did…": one question
    return [first if first.endswith("?") else first + "?", _spelled_out(first, second)]


def _spelled_out(first: str, second: str) -> str:
    """ "and what about X" as the first question asked of X instead.

    "Did the 2018 letter ask for anything about prisons? And what about the UN system" →
    "Did the 2018 letter ask for anything about the UN system?". A year the second part
    names replaces the first's ("… aid, and what about hunger in the 2012 one").
    """
    elliptical = _WHAT_ABOUT.match(second.strip())
    asked = _LAST_ABOUT.match(first.strip())
    if elliptical is None or asked is None:
        return second
    topic = elliptical.group(1)
    stem = asked.group(1)
    new_year = _YEAR.search(topic)
    if new_year:
        stem = _YEAR.sub(new_year.group(0), stem)
    return f"{stem} about {topic}?"


def answer_both(
    kb: KnowledgeBase, parts: list[str], read: Callable[[str], Reading], about: str | None = None
) -> Answer | None:
    """Both parts answered together, or None unless each is understood and they differ.

    `about` is what the whole message reads as being about, when the second part names
    nothing of its own: unless it gives a year, it does not move the answer to another letter.
    """
    chosen = [read(p) for p in parts]
    if len(chosen) != 2 or any(r.kind in _NOT_UNDERSTOOD or r.score < UNDERSTOOD for r in chosen):
        return None
    first, second = chosen
    # "who said … and also who said …": the same kind of reading, of other words
    if first.label == second.label and first.kind != "who_said":
        return None
    if (
        about in kb.letters
        and second.subject in kb.letters
        and second.subject != about
        and not _YEAR.search(parts[1])
    ):
        return None  # "… the 52 groups? what problems did they point to": not another letter
    answers = [first.run(), second.run()]
    if not all(a.found for a in answers):
        return None
    return merged(answers, kb, answers[0].title, f"{first.label}; {second.label}")
