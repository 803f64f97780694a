"""Recognise letters, organisations, people and events by name, forgivingly.

An alias table maps every normalised name, alias and spelling to entity ids. A question is
scanned for the longest alias n-grams first (a dictionary lookup per n-gram, so common words
cost nothing); a word that is not in the names' vocabulary may be corrected to a close one
(rapidfuzz) only when the correction completes a known name. This is why "brad adam" finds
Brad Adams while "say" never turns into a name.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from rapidfuzz import fuzz, process

from bot.core.kb.models import Entity, EntityKind, Organization, Person
from bot.core.search.aliases import (
    GENERIC_TITLES,
    acronym_letters,
    acronyms_of,
    aliases_of,
    display_name,
    named_kind,
)
from bot.core.search.mentions import Mention
from bot.core.search.name_words import (
    ENDINGS,
    MIN_CORRECTABLE,
    NEVER_CORRECTED,
    NOT_NAMES,
    SHORT_NAME_WORD,
    is_function_word_pair,
    the_noun_link,
)
from bot.core.search.normal import normalize, words
from bot.core.search.whole_names import misspelt_names, whole_names

#: Names longer than this many words are not looked up as n-grams.
MAX_NAME_WORDS = 12
#: rapidfuzz ratio a corrected word must reach.
CORRECTION_CUTOFF = 80.0
#: A four-letter word must come closer: "sent" is 80 % of "senate", "adam" 89 % of "adams".
SHORT_WORD_CUTOFF = 88.0
#: A word typed in capitals, four to six letters: perhaps an acronym ("FHID" for FIDH).
_CAPITALS = re.compile(r"\b[A-Z]{4,6}\b")
#: Fuzzy lookups remembered per name table (oldest dropped first).
LOOKUP_CACHE_SIZE = 4096
#: Aliases scored per rapidfuzz call (a few milliseconds of holding the GIL).
EXTRACT_CHUNK = 2048


class NameIndex:
    """The alias table of a knowledge base, and fuzzy lookups over it."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self._lookups: dict[tuple[object, ...], list[tuple[str, float]]] = {}
        self._corrections: dict[str, str | None] = {}
        self._kinds: dict[str, EntityKind] = {}
        self._display: dict[str, str] = {}
        self.aliases: dict[str, set[str]] = {}
        surnames: dict[str, set[str]] = {}
        entities_by_id: dict[str, Entity] = {}
        for entity in entities:
            entities_by_id[entity.id] = entity
            kind = named_kind(entity)
            if kind is None:
                continue
            self._kinds[entity.id] = kind
            self._display[entity.id] = display_name(entity)
            for alias in aliases_of(entity):
                self.aliases.setdefault(alias, set()).add(entity.id)
            if isinstance(entity, Person):
                for name in entity.names:
                    parts = words(name)
                    if len(parts) >= 2:
                        surnames.setdefault(parts[-1], set()).add(entity.id)
        self._add_role_aliases(entities_by_id)
        # A surname alone names a person only when exactly one person has it ("Quintana").
        for surname, ids in surnames.items():
            if len(ids) == 1 and surname not in NOT_NAMES and surname not in self.aliases:
                self.aliases[surname] = set(ids)
        for stop in NOT_NAMES:
            self.aliases.pop(stop, None)
        self.vocabulary: frozenset[str] = frozenset(w for a in self.aliases for w in a.split())
        self._acronyms = frozenset(a for e in entities_by_id.values() for a in acronyms_of(e))
        self._acronym_letters = acronym_letters(self._acronyms)
        self._vocab_list = sorted(self.vocabulary)
        self._alias_list = sorted(self.aliases)
        by_word: dict[str, set[str]] = {}
        for alias, ids in self.aliases.items():
            for word in alias.split():
                by_word.setdefault(word, set()).update(ids)
        # Tuples: a fifth of the memory of sets, and only ever iterated ("for" names 49,000
        # entities at 100,000).
        self._by_word: dict[str, tuple[str, ...]] = {w: tuple(ids) for w, ids in by_word.items()}

    def _add_role_aliases(self, entities: dict[str, Entity]) -> None:
        """Let a role name its holder: "the UN special rapporteur", "HRW's Asia director".

        Each role title gives its full form, its short form (cut before "on", "for", "of",
        "at") and both prefixed by each name of the role's organisation. A role alias never
        replaces a name: it is added only where no entity already uses that phrase.
        """
        role_aliases: dict[str, set[str]] = {}
        for entity in entities.values():
            if not isinstance(entity, Person):
                continue
            for role in entity.roles:
                titles = {normalize(role.title)}
                short = re.split(r" (?:on|for|of|at|to) ", normalize(role.title), maxsplit=1)[0]
                titles.add(short)
                org = entities.get(role.organization or "")
                prefixes = (
                    [normalize(n) for n in org.names] if isinstance(org, Organization) else []
                )
                for title in titles - GENERIC_TITLES:
                    if len(title.split()) >= 2:  # "president" alone names nobody
                        role_aliases.setdefault(title, set()).add(entity.id)
                    for prefix in prefixes:
                        role_aliases.setdefault(f"{prefix} {title}", set()).add(entity.id)
        for alias, ids in role_aliases.items():
            if alias and alias not in self.aliases and alias not in NOT_NAMES:
                self.aliases[alias] = ids

    def __getstate__(self) -> dict[str, object]:
        """Pickle the table without the remembered lookups and corrections."""
        return {**self.__dict__, "_lookups": {}, "_corrections": {}}

    def kind(self, entity_id: str) -> EntityKind | None:
        """The kind of a known entity id."""
        return self._kinds.get(entity_id)

    def display(self, entity_id: str) -> str:
        """The display name of an entity id."""
        return self._display.get(entity_id, entity_id)

    def find_mentions(self, text: str, correct_typos: bool = True) -> list[Mention]:
        """Entities named in `text`, longest match first, non-overlapping, in text order."""
        tokens = words(text)
        mentions = self._scan(tokens, tokens, corrected=False)
        if correct_typos:
            fixed = self._correct(tokens, frozenset(w.lower() for w in _CAPITALS.findall(text)))
            if fixed != tokens:
                for mention in self._scan(fixed, tokens, corrected=True):
                    inside = [
                        m for m in mentions if m.start < mention.end and mention.start < m.end
                    ]
                    # "the comittee for human rights in north korea": the corrected name
                    # holds "north korea", found first; the longer name wins
                    if all(mention.start <= m.start and m.end <= mention.end for m in inside):
                        mentions = [m for m in mentions if m not in inside] + [mention]
        mentions = whole_names(self._display, tokens, mentions)
        mentions = misspelt_names(self._display, self._kinds, self._by_word, tokens, mentions)
        if "us" in tokens and not _US_CAPITALISED.search(text):
            # "can you tell us?": the pronoun, unless typed as "US" or "U.S." somewhere
            mentions = [m for m in mentions if m.surface != "us"]
        # "the link between talks and rights", "any link to the summit": the noun, not LiNK
        mentions = [m for m in mentions if not the_noun_link(tokens, m.start, m.end, m.surface)]
        return sorted(mentions, key=lambda m: m.start)

    def _scan(self, tokens: list[str], original: list[str], corrected: bool) -> list[Mention]:
        mentions: list[Mention] = []
        index = 0
        while index < len(tokens):
            found = None
            for size in range(min(MAX_NAME_WORDS, len(tokens) - index), 0, -1):
                if not tokens[index]:
                    break  # the second half of a joined word starts no name
                phrase = _joined(tokens[index : index + size])
                ids = self.aliases.get(phrase)
                if ids:
                    found = (size, ids)
                    break
            if found is None or self._longer_inside(tokens, index, found[0]):
                # "the north korean human rights act": not "the north", when a longer
                # name starts inside it and runs past its end
                index += 1
                continue
            size, ids = found
            while index + size < len(tokens) and not tokens[index + size]:
                size += 1  # "world wide" joined: the name ends after the word's second half
            changed = tokens[index : index + size] != original[index : index + size]
            if not corrected or changed:
                surface = " ".join(original[index : index + size])
                for entity_id in sorted(ids):
                    mentions.append(
                        Mention(
                            entity_id,
                            self._kinds[entity_id],
                            index,
                            index + size,
                            surface,
                            corrected,
                        )
                    )
            index += size
        return mentions

    def _longer_inside(self, tokens: list[str], index: int, size: int) -> bool:
        """Whether a longer name starts inside the match at `index` and ends past it."""
        for start in range(index + 1, index + size):
            for length in range(min(MAX_NAME_WORDS, len(tokens) - start), size, -1):
                if start + length > index + size and (
                    _joined(tokens[start : start + length]) in self.aliases
                ):
                    return True
        return False

    def _correct(self, tokens: list[str], capitals: frozenset[str]) -> list[str]:
        """The tokens with typos fixed; a word split in two is joined into the first.

        `capitals`: the words typed in capitals, which may be acronyms with swapped letters.
        """
        fixed = list(tokens)
        for i, token in enumerate(tokens):
            joined = token + tokens[i + 1] if i + 1 < len(tokens) else ""
            if fixed[i] == "":
                continue  # the second half of a word joined to the one before
            if joined in self.vocabulary and not (
                token.isdigit() or joined in NEVER_CORRECTED or is_function_word_pair(tokens, i)
            ):
                # "christian solidarity world wide": the empty token keeps positions
                fixed[i], fixed[i + 1] = joined, ""
            elif token in capitals and token not in self.vocabulary:
                fixed[i] = self._acronym_letters.get("".join(sorted(token)), token)
            elif token.endswith("s") and token[:-1] in self._acronyms:
                fixed[i] = token[:-1]  # "hrws letter": an acronym's possessive typed plain
            elif not (
                len(token) < MIN_CORRECTABLE
                or token in self.vocabulary
                or token.isdigit()
                or token in NEVER_CORRECTED
            ):
                fixed[i] = self._corrected_word(token) or token
        return fixed

    def _corrected_word(self, token: str) -> str | None:
        """The closest name word to `token` (None if none is close), remembered.

        "signed" or "which" come in most questions and are not name words; each costs a
        scan of the whole vocabulary (27,000 words at 100,000 entities).
        """
        if token in self._corrections:
            return self._corrections[token]
        cutoff = SHORT_WORD_CUTOFF if len(token) <= MIN_CORRECTABLE else CORRECTION_CUTOFF
        match = process.extractOne(token, self._vocab_list, scorer=fuzz.ratio, score_cutoff=cutoff)
        corrected = match[0] if match is not None else None
        ending = token[len(corrected) :] if corrected and token.startswith(corrected) else None
        if corrected and len(corrected) <= SHORT_NAME_WORD and ending is not None:
            # "linked" and "what links" inflect "link", not the name LiNK; a surname takes
            # "s" for "'s" ("rubios reasoning")
            person = any(self._kinds[i] == "person" for i in self._by_word.get(corrected, ()))
            corrected = None if ending in ENDINGS or (ending == "s" and not person) else corrected
        if len(self._corrections) >= LOOKUP_CACHE_SIZE:
            self._corrections.pop(next(iter(self._corrections)))
        self._corrections[token] = corrected
        return corrected

    def lookup(
        self, name: str, kinds: tuple[EntityKind, ...] = (), limit: int = 5, cutoff: float = 70.0
    ) -> list[tuple[str, float]]:
        """Entity ids whose names best match `name` (exact alias first), with scores 0-100.

        Remembered (the table never changes once built): a fuzzy match scans every alias,
        a quarter of a second at 100,000 entities, and names are looked up again and again.
        """
        key = (name, tuple(kinds), limit, cutoff)
        found = self._lookups.get(key)
        if found is None:
            found = self._lookup(name, kinds, limit, cutoff)
            if len(self._lookups) >= LOOKUP_CACHE_SIZE:
                self._lookups.pop(next(iter(self._lookups)))
            self._lookups[key] = found
        return list(found)

    def _lookup(
        self, name: str, kinds: tuple[EntityKind, ...], limit: int, cutoff: float
    ) -> list[tuple[str, float]]:
        wanted = normalize(name)
        if not wanted:
            return []
        exact = [
            eid
            for eid in sorted(self.aliases.get(wanted, ()))
            if not kinds or self._kinds[eid] in kinds
        ]
        results: dict[str, float] = {eid: 100.0 for eid in exact}
        if len(results) < limit:
            for alias, score in self._closest_aliases(wanted, limit * 4, cutoff):
                for eid in sorted(self.aliases[alias]):
                    if (not kinds or self._kinds[eid] in kinds) and eid not in results:
                        results[eid] = float(score)
        ranked = sorted(results.items(), key=lambda item: (-item[1], self._display[item[0]]))
        return ranked[:limit]

    def _closest_aliases(self, wanted: str, limit: int, cutoff: float) -> list[tuple[str, float]]:
        """`process.extract` over every alias, in chunks merged into the same result.

        rapidfuzz holds the GIL for a whole call: over 250,000 aliases that is a quarter
        of a second in which the event loop cannot run. Chunk by chunk, other threads get
        their turn in between. Ties are broken by position, as rapidfuzz breaks them.
        """
        found: list[tuple[float, int, str]] = []
        for start in range(0, len(self._alias_list), EXTRACT_CHUNK):
            chunk = self._alias_list[start : start + EXTRACT_CHUNK]
            found += [
                (score, start + i, alias)
                for alias, score, i in process.extract(
                    wanted, chunk, scorer=fuzz.WRatio, limit=limit, score_cutoff=cutoff
                )
            ]
        found.sort(key=lambda item: (-item[0], item[1]))
        return [(alias, score) for score, _, alias in found[:limit]]

    def complete(self, prefix: str, kinds: tuple[EntityKind, ...], limit: int = 25) -> list[str]:
        """Entity ids for autocomplete: name prefixes, then word prefixes, then fuzzy matches.

        Prefix lookups bisect the sorted alias and word lists, so a keystroke costs the
        same at 100 entities as at 100,000.
        """
        wanted = normalize(prefix)
        if not wanted:
            everyone = [eid for eid, kind in self._kinds.items() if kind in kinds]
            return sorted(everyone, key=self._display.__getitem__)[:limit]
        picked: list[str] = []
        for ids in (self._ids_with_alias_prefix(wanted), self._ids_with_word_prefix(wanted)):
            for eid in sorted(ids, key=self._display.__getitem__):
                if self._kinds[eid] in kinds and eid not in picked:
                    picked.append(eid)
        if len(picked) < limit:
            for eid, _ in self.lookup(prefix, kinds, limit=limit, cutoff=60.0):
                if eid not in picked:
                    picked.append(eid)
        return picked[:limit]

    def _ids_with_alias_prefix(self, prefix: str) -> set[str]:
        ids: set[str] = set()
        start = bisect.bisect_left(self._alias_list, prefix)
        for alias in self._alias_list[start : start + 200]:
            if not alias.startswith(prefix):
                break
            ids |= self.aliases[alias]
        return ids

    def _ids_with_word_prefix(self, prefix: str) -> set[str]:
        last = prefix.split()[-1]
        ids: set[str] = set()
        start = bisect.bisect_left(self._vocab_list, last)
        for word in self._vocab_list[start : start + 50]:
            if not word.startswith(last):
                break
            ids.update(self._by_word.get(word, ()))
        return ids

    def suggest(self, text: str, limit: int = 3) -> list[str]:
        """Display names close to `text`, for "did you mean"."""
        return [self.display(eid) for eid, _ in self.lookup(text, limit=limit, cutoff=75.0)]


def _joined(tokens: list[str]) -> str:
    """The tokens as a phrase, without the empty ones a joined word leaves."""
    return " ".join(t for t in tokens if t)


#: "US" or "U.S." as typed: the country, where "us" in a lower-case message may be "we".
_US_CAPITALISED = re.compile(r"\bU\.?S\b")
