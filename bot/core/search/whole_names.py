"""Whole names read through misspellings: "kim young chol", "Kim Jung Un".

The alias table finds a name only as written. A surname alone, or a first name alone,
followed or preceded by misspelt words, names the person whose whole name the words
spell closely enough (rapidfuzz ratio), not a first name and some other entity.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from rapidfuzz import fuzz

from bot.core.kb.models import EntityKind
from bot.core.search.mentions import Mention
from bot.core.search.normal import normalize

#: How close the words around a name must be to its holder's whole name (0–100).
WHOLE_NAME_CUTOFF = 85.0


def whole_names(
    display: Mapping[str, str], tokens: list[str], mentions: list[Mention]
) -> list[Mention]:
    """A surname after a misspelt first name names its holder by the whole name.

    "who was kim young chol": Kim Yong Chol, not a "kim" for Kim Jong Un and a surname.
    """
    for mention in list(mentions):
        name = normalize(display[mention.entity_id])
        if mention.kind != "person" or not name.endswith(f" {mention.surface}"):
            continue  # not a surname alone
        for start in (s for s in (mention.end - 3, mention.end - 2) if s >= 0):
            window = " ".join(tokens[start : mention.end])
            if fuzz.ratio(window, name) >= WHOLE_NAME_CUTOFF:
                kept = [m for m in mentions if m.end <= start or mention.end <= m.start]
                # others' names in the window: not "president xi jinping", all his
                if {m.entity_id for m in mentions if m not in kept} - {mention.entity_id}:
                    found = replace(mention, start=start, surface=window, corrected=True)
                    mentions = [*kept, found]
                break
    return mentions


def misspelt_names(
    display: Mapping[str, str],
    kinds: Mapping[str, EntityKind],
    by_word: Mapping[str, tuple[str, ...]],
    tokens: list[str],
    mentions: list[Mention],
) -> list[Mention]:
    """A first name, then words misspelt, names the person whose whole name they spell.

    "who is Kim Jung Un": Kim Jong Un, not a "kim" and the UN; "Kim Yong Cho": Kim Yong
    Chol. Only a one-word person mention starts such a name; `by_word` gives the entities
    whose names hold that word. One pass over the mentions, in text order.
    """
    found: list[Mention] = []
    taken_until = 0  # mentions inside a name spelt out are dropped
    for mention in sorted(mentions, key=lambda m: m.start):
        if mention.start < taken_until:
            continue
        whole = None
        if mention.kind == "person" and mention.end - mention.start == 1:
            whole = _spelt_out(display, kinds, by_word, tokens, mention)
        found.append(whole or mention)
        if whole is not None:
            taken_until = whole.end
    return found


def _spelt_out(
    display: Mapping[str, str],
    kinds: Mapping[str, EntityKind],
    by_word: Mapping[str, tuple[str, ...]],
    tokens: list[str],
    mention: Mention,
) -> Mention | None:
    """The person whose whole name the first name and the words after it spell, if any."""
    candidates = [p for p in by_word.get(mention.surface, ()) if kinds[p] == "person"]
    for end in (mention.start + 3, mention.start + 2):
        if end > len(tokens) or not all(tokens[mention.start : end]):
            continue
        window = " ".join(tokens[mention.start : end])
        scored = [(fuzz.ratio(window, normalize(display[p])), p) for p in candidates]
        best = max(scored, default=None)
        if best is not None and best[0] >= WHOLE_NAME_CUTOFF:
            return replace(mention, entity_id=best[1], end=end, surface=window, corrected=True)
    return None
