"""Words typed with a slip that the reader must still know: "canadain", "bangledesh", "leter".

A question filters or checks by a country it names, and asks of a letter or its signatories;
a misspelled country or key word must not turn it into a question about nothing. Only
words no name in the knowledge base uses are corrected, and only to a word one slip away
(a letter swapped, mistyped, dropped or doubled: rapidfuzz's OSA distance) with the same
first letter and a close rapidfuzz ratio. Plurals and other endings of a real word
("germane", "polished", "turkeys", "letters") stay what they are, and so do short words
one letter off a country ("hungry", "surname").
"""

from __future__ import annotations

import re
from collections.abc import Container
from functools import cache, lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.core.search.places import place_names
from bot.core.search.resolve import DEMONYMS

#: Words shorter than this are never corrected: too many English words sit that close.
MIN_WORD = 5
#: rapidfuzz ratio (0–100) a correction must also reach: one slip in a short word changes
#: too large a share of it ("signer" is not "signed", "begin" not "Benin").
CUTOFF = 85.0
#: Country words this long may have dropped or doubled a letter ("phillipines").
LONG_WORD = 8
#: The words questions about letters turn on, which may drop or double a letter at any
#: length: "leter", "signatries", "sumit".
KEY_WORDS = frozenset(
    "letter signed signatories signatory signers demands demanded coalition organisation "
    "organisations organization organizations summit rapporteur senator declaration resolution "
    "quoted statement commission inquiry".split()
)

#: Words whose correction is remembered (users' words are unbounded; the cache is not).
_REMEMBERED = 4096

_WORD = re.compile(r"[A-Za-z]+")


def respelled(text: str, names_vocabulary: Container[str]) -> str:
    """`text` with misspelled countries, nationalities and key words spelled right."""
    return _WORD.sub(lambda m: _respelled(m.group(0), names_vocabulary), text)


def _respelled(word: str, names_vocabulary: Container[str]) -> str:
    lowered = word.lower()
    if len(lowered) < MIN_WORD or lowered in names_vocabulary:
        return word
    fixed = _closest(lowered)
    if fixed is None:
        return word
    return fixed.capitalize() if word[0].isupper() else fixed


@lru_cache(maxsize=_REMEMBERED)
def _closest(word: str) -> str | None:
    known = _known_words()
    if word in known:
        return None
    # One slip: a letter swapped with the next, mistyped, dropped or doubled
    match = process.extractOne(word, known, scorer=OSA.distance, score_cutoff=1)
    if match is None:
        return None
    form = match[0]
    if fuzz.ratio(word, form) < CUTOFF:
        return None  # a different last letter makes another word: "signer", "quotes"
    # A letter dropped or doubled only in a long word or a key word: "hungry" and
    # "surname" are words, not Hungary and Suriname.
    slack = 1 if len(word) >= LONG_WORD or form in KEY_WORDS else 0
    if form[0] != word[0] or abs(len(form) - len(word)) > slack:
        return None
    # "germane" is not "germany", "turkeys" not "turkey": a real word's own ending
    if word.startswith(form) or form.startswith(word):
        return None
    return form


@cache
def _known_words() -> tuple[str, ...]:
    """Every one-word country and nationality, normalised, and the key words."""
    countries, _ = place_names()
    words = {name for name in countries if " " not in name}
    words |= {form for form in DEMONYMS if " " not in form}
    return tuple(sorted(w for w in words | KEY_WORDS if len(w) >= MIN_WORD))
