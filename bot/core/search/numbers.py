"""Numbers written in words: "seventy", "forty-three", "three hundred".

One table for the reader (a count or year a user types in words), the drafter (a count a
release prints in words) and the checks of a claimed figure against a statement's.
"""

from __future__ import annotations

import re

#: One to nine, ten to nineteen, and the tens.
UNITS = "one two three four five six seven eight nine".split()
TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_VALUES = (
    {"zero": 0}
    | {w: i + 1 for i, w in enumerate(UNITS)}
    | {w: i + 10 for i, w in enumerate(TEENS)}
    | {w: 20 + 10 * i for i, w in enumerate(TENS)}
)
#: A number in words, as a regular expression: "seventy", "forty-three", "twelve".
NUMBER_WORD = (
    rf"(?:(?:{'|'.join(TENS)})(?:[- ](?:{'|'.join(UNITS)}))?|{'|'.join(TEENS)}|"
    rf"{'|'.join(UNITS[1:])}|hundreds?|dozens?)"
)
#: A whole number as text writes it: "200,000", "76", "seventy", "three hundred".
_FIGURE = re.compile(
    rf"(?<![\d.,])\d{{1,3}}(?:,\d{{3}})+(?![\d,])|(?<![\d.,])\d+(?![\d,.])|"
    rf"\b{NUMBER_WORD}(?: hundred)?\b",
    re.IGNORECASE,
)


def small_in_words(number: int) -> str | None:
    """ "six" for 6: a number under ten as a sentence gives it, else None."""
    return ("zero", *UNITS)[number] if 0 <= number < 10 else None


def counted(count: int, noun: str) -> str:
    """ "one demand", "six demands (6)", "12 demands": a count as a sentence gives it.

    Under ten the word, with the figure after it for a reader who wants the number.
    """
    if count == 1:
        return f"one {noun}"
    word = small_in_words(count)
    return f"{word} {noun}s ({count})" if word else f"{count:,} {noun}s"


def number_value(text: str) -> int | None:
    """ "52" → 52, "1,200" → 1200, "forty-three" → 43, "three hundred" → 300."""
    text = text.casefold().strip()
    if re.fullmatch(r"[\d,]+", text):
        return int(text.replace(",", ""))
    if text.startswith(("hundred", "dozen")):
        return None  # "hundreds of groups" is no number
    total = 0
    for part in re.split(r"[- ]", text):
        if part == "hundred":
            total = max(total, 1) * 100
        elif part in _VALUES:
            total += _VALUES[part]
        else:
            return None
    return total


def figures_in(text: str) -> set[int]:
    """Every whole number a text gives, in digits or in words ("Seventy years" → 70)."""
    return {v for m in _FIGURE.finditer(text) if (v := number_value(m.group(0))) is not None}


def figures_shown(text: str) -> str:
    """The figures a text gives, in digits ("70", "200,000")."""
    return " and ".join(f"{n:,}" for n in sorted(figures_in(text)))


def other_figure(text: str, claimed: tuple[int, ...]) -> bool:
    """Whether `text` gives figures ("Seventy years"), none of them a `claimed` number."""
    given = figures_in(text)
    return bool(claimed) and bool(given) and not given & set(claimed)
