"""Word-for-word glosses of a language mixed into English questions.

Community members often ask in their own language around English names and quoted words:
"quién firmó la carta de 2018?", "wer hat gesagt 'a mistake to overload the agenda'?". A
`Glossary` reads the question words, function words and the campaign's nouns as English,
leaves names and quoted words as they are, and touches a message only when it holds a word
of that language and nothing else, so English is never changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: A word, accents and hyphenated parts included ("co-firmantes", "Südkorea").
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)?")
#: Quoted words are kept as typed ("quién dijo 'a mistake to overload the agenda'?").
QUOTED = re.compile(r"(['\"‘“][^'\"’”]+['\"’”])")


@dataclass(frozen=True)
class Glossary:
    """One language's words and phrases, and the English each is read as."""

    #: Words and phrases (lower case) → English ("" drops them: courtesy, hedges).
    english: dict[str, str]
    #: Words of this language and no other: one of them makes a message this language's.
    only_here: frozenset[str]
    #: A word that is "to" before a capitalised name ("la carta a Moon", "an Moon").
    to_before_a_name: str | None = None
    #: Words kept when typed in capitals ("UN" is no Spanish "un").
    kept_in_capitals: frozenset[str] = frozenset()
    _phrases: re.Pattern[str] = field(init=False, repr=False, compare=False)
    _to_a_name: re.Pattern[str] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        longest_first = sorted(self.english, key=len, reverse=True)
        phrases = r"(?<![\w-])(?:" + "|".join(map(re.escape, longest_first)) + r")(?![\w-])"
        object.__setattr__(self, "_phrases", re.compile(phrases, re.IGNORECASE))
        to = self.to_before_a_name
        to_a_name = re.compile(rf"(?<![\w-]){to} (?=[A-Z])") if to else None
        object.__setattr__(self, "_to_a_name", to_a_name)

    def glossed(self, text: str) -> str:
        """`text` with this language read as English; any other text unchanged."""
        if not any(w.lower() in self.only_here for w in _WORD.findall(text)):
            return text
        pieces = QUOTED.split(text)
        for i in range(0, len(pieces), 2):  # the even pieces are outside quotation marks
            piece = self._to_a_name.sub("to ", pieces[i]) if self._to_a_name else pieces[i]
            pieces[i] = " ".join(self._phrases.sub(self._english, piece).split())
        return " ".join(p for p in pieces if p).replace(" ?", "?").replace(" ,", ",")

    def _english(self, match: re.Match[str]) -> str:
        """The English for one word or phrase matched."""
        word = match.group(0)
        return word if word in self.kept_in_capitals else self.english[word.lower()]
