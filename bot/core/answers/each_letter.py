"""Questions that ask the same of two or three letters named by year.

"What did the 2018 and 2019 letters demand?", "when were the 2012 and 2019 letters sent?":
each letter is asked about on its own, in the question's own words with the other years
left out, and the answers are given together. Naming two letters never gets "which letter
do you mean?".
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.core.answers.answer import Answer, merged
from bot.core.answers.reader.letter_candidates import letters_by_year
from bot.core.answers.reader.readings import Reading
from bot.core.kb.corpus import KnowledgeBase

#: At most this many letters are answered one by one.
MAX_LETTERS = 3
#: Kinds of answer about one letter that, asked of two named letters, are given for each.
ONE_LETTER_KINDS = frozenset(
    "quoted_about signatories demands abuses date recipient sender count closing".split()
)


def per_letter(kb: KnowledgeBase, text: str, years: tuple[int, ...]) -> list[str]:
    """The question once per year named, each year that names one letter ([] if under two)."""
    by_year = kb.derived("letters_by_year_ids", letters_by_year)
    named = [y for y in dict.fromkeys(years) if len(by_year.get(y, ())) == 1]
    if not 2 <= len(named) <= MAX_LETTERS:
        return []
    questions = []
    for year in named:
        one = text
        for other in named:
            if other != year:
                one = _without_year(one, other)
        questions.append(_PLURAL.sub(lambda m: m.group(1), _BOTH.sub("", one)))
    return questions


def answer_each(
    kb: KnowledgeBase, questions: list[str], read: Callable[[str], Reading]
) -> Answer | None:
    """Each question's best reading answered, merged; None if any still needs a letter."""
    chosen = [read(q) for q in questions]
    if not chosen or any(r.kind in ("clarify", "search") for r in chosen):
        return None
    answers = [r.run() for r in chosen]
    labels = "; ".join(r.label for r in chosen)
    return merged(answers, kb, answers[0].title, labels)


def _without_year(text: str, year: int) -> str:
    """The text with one year and the joining word next to it left out."""
    joined = r"\s*(?:,|&|\band\b|\bor\b|\bvs\.?|\bversus\b)\s*"
    for pattern in (rf"\b{year}\b{joined}", rf"{joined}\b{year}\b", rf"\b{year}\b\s*"):
        new = re.sub(pattern, " ", text, count=1)
        if new != text:
            return " ".join(new.split())
    return text


#: "the letters", "both letters": one letter is asked about in each question.
_PLURAL = re.compile(r"\b(letter|ltr|one)s\b", re.I)
_BOTH = re.compile(r"\b(?:both|each of) (?:the )?", re.I)
