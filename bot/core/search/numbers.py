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
    """Every whole number a text gives, in digits or in words ("Seventy years" → 70).

    A figure in millions or thousands is given whole: "24.5 million" → 24,500,000, "a
    million" → 1,000,000 (and not 24 or 5).
    """
    rest = without_scaled(text)
    found = {v for m in _FIGURE.finditer(rest) if (v := number_value(m.group(0))) is not None}
    return found | set(scaled_figures(text))


def scaled_figures(text: str) -> tuple[int, ...]:
    """ "24.5 million" → 24,500,000, "a million" → 1,000,000, "two thousand" → 2,000."""
    found = []
    for match in _SCALED.finditer(text):
        amount, scale = match.group(1).casefold(), _SCALES[match.group(2).casefold()]
        if amount in ("a", "one"):
            value: float | None = 1
        elif amount[0].isdigit():
            value = float(amount)
        else:
            value = number_value(amount)
        if value is not None:
            found.append(round(value * scale))
    return tuple(found)


def without_scaled(text: str) -> str:
    """`text` without its figures in thousands or millions."""
    return _SCALED.sub(" ", text)


_SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
#: A figure in thousands or millions: "24.5 million", "a million", "two thousand".
_SCALED = re.compile(
    rf"\b(\d+(?:\.\d+)?|a|one|{NUMBER_WORD}) (thousand|million|billion)\b", re.IGNORECASE
)


def figures_shown(text: str) -> str:
    """The figures a text gives, in digits ("70", "200,000")."""
    return " and ".join(f"{n:,}" for n in sorted(figures_in(text)))


def other_figure(text: str, claimed: tuple[int, ...]) -> bool:
    """Whether `text` gives figures ("Seventy years"), none of them a `claimed` number."""
    given = figures_in(text)
    return bool(claimed) and bool(given) and not given & set(claimed)
