"""Country names and nationalities typed with a slip: "canadain", "bangledesh", "indonesain".

A question filters or checks by a country it names; a misspelled one must not turn the
question into one about no country at all. Only words no name in the knowledge base uses
are corrected, and only to a country or nationality of one word spelled nearly the same:
same first letter, about the same length, and a close rapidfuzz ratio. Plurals and other
endings of a real word ("germane", "polished", "turkeys") stay what they are, and so do
short words one letter off a country ("hungry", "surname").
"""

from __future__ import annotations

import re
from collections.abc import Container
from functools import cache

from rapidfuzz import fuzz, process

from bot.core.search.places import place_names
from bot.core.search.resolve import DEMONYMS

#: Words shorter than this are never corrected: too many English words sit that close.
MIN_WORD = 6
#: rapidfuzz ratio (0–100) a correction must reach: one swap or one dropped letter in a
#: word of seven or more letters ("canadain", "bangledesh", "indonesa").
CUTOFF = 85.0

#: Words this long may have dropped or doubled a letter ("phillipines", "brazillian").
LONG_WORD = 8

_WORD = re.compile(r"[A-Za-z]+")


def respelled_places(text: str, names_vocabulary: Container[str]) -> str:
    """`text` with misspelled one-word countries and nationalities spelled right."""
    return _WORD.sub(lambda m: _respelled(m.group(0), names_vocabulary), text)


def _respelled(word: str, names_vocabulary: Container[str]) -> str:
    lowered = word.lower()
    if len(lowered) < MIN_WORD or lowered in names_vocabulary:
        return word
    fixed = _closest_place_word(lowered)
    if fixed is None:
        return word
    return fixed.capitalize() if word[0].isupper() else fixed


@cache
def _closest_place_word(word: str) -> str | None:
    forms = _place_words()
    if word in forms:
        return None
    match = process.extractOne(word, forms, scorer=fuzz.ratio, score_cutoff=CUTOFF)
    if match is None:
        return None
    form = match[0]
    # A letter swapped or mistyped keeps the length; a letter dropped or doubled only in
    # a long word: "hungry" and "surname" are words, not Hungary and Suriname.
    if form[0] != word[0] or abs(len(form) - len(word)) > (1 if len(word) >= LONG_WORD else 0):
        return None
    # "germane" is not "germany", "turkeys" not "turkey": a real word's own ending
    if word.startswith(form) or form.startswith(word):
        return None
    return form


@cache
def _place_words() -> tuple[str, ...]:
    """Every one-word country and nationality, normalised."""
    countries, _ = place_names()
    words = {name for name in countries if " " not in name}
    words |= {form for form in DEMONYMS if " " not in form and len(form) >= MIN_WORD}
    return tuple(sorted(w for w in words if len(w) >= MIN_WORD - 1))
