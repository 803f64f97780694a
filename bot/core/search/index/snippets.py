"""Snippets of a hit: the passages around the user's own words, verbatim, with their spans.

The index matches Porter stems, so "forced" finds "forces" (both "forc"). A snippet marks a
word only when it is the user's word or an inflection of it ("camp"/"camps",
"demand"/"demanded"); a hit with no such word and no name match is a stem-only match of a
different word and is not shown. Passages keep the text's characters and case (a quote
stays verbatim): the front ends show the marked spans with their own emphasis.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from whoosh.analysis import Token
from whoosh.highlight import BasicFragmentScorer, ContextFragmenter, Fragment

from bot.core.search.index.schema import BODY_ANALYZER, NAME_ANALYZER

#: Passages shown per hit, best first by how many different words they hold.
SNIPPET_PASSAGES = 2
#: Longest passage, and the context kept around its words, in characters.
PASSAGE_CHARS = 160
PASSAGE_CONTEXT = 50
#: Between passages, and where a passage starts or ends inside a longer line.
ELLIPSIS = " … "

#: A highlighted span of a snippet: (start, end) character offsets, end exclusive.
Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Snippet:
    """Passages of a hit's text joined by ELLIPSIS, and the spans of the user's words."""

    text: str = ""
    marks: tuple[Span, ...] = ()


class QueryWords:
    """The words a user typed, by the stem the index matched them on."""

    def __init__(self, text: str, stems: Iterable[str], names: Iterable[str]) -> None:
        wanted = set(stems)
        self._by_stem: dict[str, set[str]] = {}
        for token in BODY_ANALYZER(text, chars=True):
            if token.text in wanted:
                word = text[token.startchar : token.endchar].lower()
                self._by_stem.setdefault(token.text, set()).add(word)
        self._names = frozenset(names)

    def matches(self, stem: str, word: str) -> bool:
        """Whether a text's `word` (its stem `stem`) is one of the user's words."""
        typed = self._by_stem.get(stem)
        return bool(typed) and any(same_word(word.lower(), u) for u in typed or ())

    def in_names(self, names: Iterable[str]) -> bool:
        """Whether these names hold one of the user's words (names are matched unstemmed)."""
        return any(t.text in self._names for name in names for t in NAME_ANALYZER(name))


def same_word(a: str, b: str) -> bool:
    """Whether two lowercase words are one word, up to one regular inflection.

    "force" is "forces" and "forced", but "forces" is not "forced": neither is the other
    inflected, and a user asking about forced labour did not ask about joined forces.
    """
    if a == b:
        return True
    base, other = (a, b) if len(a) <= len(b) else (b, a)
    return other in _inflections(base)


def _inflections(base: str) -> set[str]:
    forms = {base + "s", base + "es", base + "ed", base + "ing", base + "'s"}
    if base.endswith("e"):
        forms |= {base + "d", base[:-1] + "ing"}
    if base.endswith("y") and len(base) > 2:
        forms |= {base[:-1] + "ies", base[:-1] + "ied"}
    if len(base) > 2:  # a doubled last consonant: "ban" → "banned", "banning"
        forms |= {base + base[-1] + "ed", base + base[-1] + "ing"}
    return forms


def make_snippet(body: str, words: QueryWords) -> Snippet:
    """The best passages of `body` around the user's words; empty when it has none.

    A passage never crosses a line: the body joins an entity's fields line by line, and a
    passage running from a quote into its speaker's name would misquote.
    """
    lines = body.split("\n")
    fragmenter = ContextFragmenter(maxchars=PASSAGE_CHARS, surround=PASSAGE_CONTEXT)
    scorer = BasicFragmentScorer()
    found: list[tuple[float, int, Fragment]] = []
    for number, line in enumerate(lines):
        tokens = _marked(line, words)
        found += [(scorer(f), number, f) for f in fragmenter.fragment_tokens(line, tokens)]
    best: list[tuple[int, int, int, Fragment]] = []
    for _, number, fragment in sorted(found, key=lambda s: -s[0]):
        start, end = _widen(lines[number], fragment.startchar, fragment.endchar)
        passage = lines[number][start:end]
        # The same words often stand in two fields (a topic repeats the quote's words).
        if not any(passage in lines[n][s:e] or lines[n][s:e] in passage for n, s, e, _ in best):
            best.append((number, start, end, fragment))
        if len(best) == SNIPPET_PASSAGES:
            break
    text, marks, rest = "", [], ""
    for number, start, end, fragment in sorted(best, key=lambda b: (b[0], b[1])):
        line = lines[number]
        if text or line[:start].strip():
            text += ELLIPSIS if text else ELLIPSIS.lstrip()
        offset = len(text) - start
        text += line[start:end]
        marks += [(offset + t.startchar, offset + t.endchar) for t in fragment.matches]
        rest = line[end:]
    if rest.strip():
        text += ELLIPSIS.rstrip()
    return Snippet(text, tuple(sorted(set(marks))))


def _marked(line: str, words: QueryWords) -> Iterator[Token]:
    """The line's tokens, each marked matched when it is one of the user's words."""
    for token in BODY_ANALYZER(line, chars=True, mode="query", removestops=False):
        word = line[token.startchar : token.endchar]
        token.matched = not token.stopped and words.matches(token.text, word)
        yield token


def _widen(line: str, start: int, end: int) -> tuple[int, int]:
    """Extend a passage to whole whitespace-separated words: its quotes and full stop too."""
    while start > 0 and not line[start - 1].isspace():
        start -= 1
    while end < len(line) and not line[end].isspace():
        end += 1
    return start, end
