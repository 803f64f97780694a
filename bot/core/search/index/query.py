"""Queries over one Whoosh searcher: user text in, ranked hits out, never an exception.

User text never reaches Whoosh's query parser: it is analysed into plain terms and turned
into a query object here, so no field, wildcard, range, regex or boost syntax can apply.
A `Queries` lives as long as its searcher: what it remembers (filters, the guild list, the
spelling words, recent results) is forgotten with it at the next commit.
"""

from __future__ import annotations

import heapq
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import OSA
from whoosh import query as wq
from whoosh.idsets import BitSet
from whoosh.searching import Searcher

from bot.core.kb.corpus import KnowledgeBase
from bot.core.kb.models import EntityKind
from bot.core.search.index.schema import BODY_ANALYZER, BUNDLED_GUILD, NAME_ANALYZER, SPELLING_FIELD
from bot.core.search.index.snippets import QueryWords, Span, make_snippet
from bot.core.search.text import entity_body, entity_names

#: Most terms taken from one query; the rest of a very long text is ignored.
MAX_QUERY_TERMS = 24
#: A term found in more than this share of documents is too common to rank on
#: ("north", "korea", "human", "right", "letter") unless it is all the user typed.
COMMON_TERM_SHARE = 0.30
#: Searches remembered until the next commit (least recently used dropped first).
RESULTS_CACHE_SIZE = 2048
#: Hits looked at beyond `limit`, to fill the places of stem-only matches that are dropped.
SPARE_HITS = 10


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One ranked result."""

    entity_id: str
    kind: EntityKind
    score: float
    #: Passages of the entity's text, verbatim, joined by " … ".
    snippet: str
    #: Where the user's words are in `snippet`: (start, end) offsets, for the front end's
    #: emphasis.
    marks: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class SearchResults:
    """Hits plus spelling suggestions when there were none."""

    hits: tuple[SearchHit, ...]
    suggestions: tuple[str, ...] = ()
    ignored_terms: tuple[str, ...] = ()


class Queries:
    """Searches over one searcher, remembering what is costly to recompute.

    Not thread-safe by itself: `SearchIndex` calls it under its lock.
    """

    def __init__(self, searcher: Searcher) -> None:
        self.searcher = searcher
        self._filters: dict[tuple[str, ...], BitSet] = {}
        self._guilds: list[str] | None = None
        self._spelling: list[str] | None = None
        self._results: OrderedDict[tuple[object, ...], tuple[KnowledgeBase, SearchResults]] = (
            OrderedDict()
        )

    def search(
        self,
        kb: KnowledgeBase,
        text: str,
        guild_id: int | None,
        kinds: tuple[EntityKind, ...],
        limit: int,
    ) -> SearchResults:
        """Rank entities for free text, remembered per knowledge-base view.

        Questions repeat, and a common-word query scores thousands of documents in pure
        Python.
        """
        key = (text, guild_id, tuple(kinds), limit)
        cached = self._results.get(key)
        if cached is not None and cached[0] is kb:
            self._results.move_to_end(key)
            return cached[1]
        found = self._search(kb, text, guild_id, kinds, limit)
        self._results[key] = (kb, found)
        if len(self._results) > RESULTS_CACHE_SIZE:
            self._results.popitem(last=False)
        return found

    def _search(
        self,
        kb: KnowledgeBase,
        text: str,
        guild_id: int | None,
        kinds: tuple[EntityKind, ...],
        limit: int,
    ) -> SearchResults:
        terms = _unique(t.text for t in BODY_ANALYZER(text))[:MAX_QUERY_TERMS]
        name_terms = _unique(t.text for t in NAME_ANALYZER(text))[:MAX_QUERY_TERMS]
        if not terms and not name_terms:
            return SearchResults(hits=())
        kept, ignored = self._drop_common(terms)
        subqueries: list[wq.Query] = [wq.Term("body", t) for t in kept]
        subqueries += [wq.Term("names", t) for t in name_terms if t not in ignored]
        if not subqueries:
            return SearchResults(hits=(), ignored_terms=tuple(ignored))
        results = self.searcher.search(
            wq.Or(subqueries),
            limit=limit + SPARE_HITS,
            filter=self._kinds_filter(kinds),
            mask=self._other_guilds(guild_id),
        )
        words = QueryWords(text, kept, (t for t in name_terms if t not in ignored))
        hits: list[SearchHit] = []
        for hit in results:
            entity = kb.get(hit["key"])
            if entity is None:  # index ahead of a view that cannot see it
                continue
            snippet = make_snippet(entity_body(kb, entity), words)
            if not snippet.marks and not words.in_names(entity_names(kb, entity)):
                continue  # only a stem shared with another word: "forces" for "forced"
            hits.append(
                SearchHit(hit["key"], hit["kind"], float(hit.score), snippet.text, snippet.marks)
            )
            if len(hits) == limit:
                break
        suggestions: tuple[str, ...] = ()
        if not hits:
            suggestions = self._suggest(text)
        return SearchResults(tuple(hits), suggestions, tuple(ignored))

    def _drop_common(self, terms: list[str]) -> tuple[list[str], list[str]]:
        searcher = self.searcher
        total = max(searcher.doc_count(), 1)
        common = [t for t in terms if searcher.doc_frequency("body", t) / total > COMMON_TERM_SHARE]
        kept = [t for t in terms if t not in common]
        if not kept:  # the user typed only common words: rank on them after all
            return terms, []
        return kept, common

    def _kinds_filter(self, kinds: tuple[EntityKind, ...]) -> BitSet | None:
        """The documents of these kinds (None: every kind), remembered until the next commit.

        Collecting a filter walks its posting lists: 30,000 quotes at 100,000 entities.
        """
        if not kinds:
            return None
        key = tuple(sorted(kinds))
        docs = self._filters.get(key)
        if docs is None:
            query = wq.Or([wq.Term("kind", k) for k in key])
            docs = BitSet(self.searcher.docs_for_query(query), size=self.searcher.doc_count_all())
            self._filters[key] = docs
        return docs

    def _other_guilds(self, guild_id: int | None) -> wq.Query | None:
        """A mask of the documents of servers other than `guild_id`: they never show.

        Every document has exactly one guild value, so masking the other servers' documents
        keeps exactly the bundled corpus and this server's entries, and costs as many
        documents as the other servers have, not the whole corpus as a filter would.
        """
        allowed = {BUNDLED_GUILD, str(guild_id)}
        if self._guilds is None:
            self._guilds = list(self.searcher.reader().field_terms("guild"))
        others = [g for g in self._guilds if g not in allowed]
        return wq.Or([wq.Term("guild", g) for g in others]) if others else None

    def mentions_any(self, text: str) -> bool:
        """Whether any document holds a word of `text` (in its body or its names)."""
        body = _unique(t.text for t in BODY_ANALYZER(text))[:MAX_QUERY_TERMS]
        names = _unique(t.text for t in NAME_ANALYZER(text))[:MAX_QUERY_TERMS]
        return any(self.searcher.doc_frequency("body", w) for w in body) or any(
            self.searcher.doc_frequency("names", w) for w in names
        )

    def _suggest(self, text: str) -> tuple[str, ...]:
        suggestions: list[str] = []
        for word in _unique(t.text for t in NAME_ANALYZER(text))[:MAX_QUERY_TERMS]:
            if len(word) < 4 or self.searcher.doc_frequency("body", word):
                continue
            # One edit for short words: "qwe" is not a typo of "jae".
            for candidate in self._corrections(word, maxdist=1 if len(word) < 7 else 2):
                if candidate != word and candidate not in suggestions:
                    suggestions.append(candidate)
        return tuple(suggestions[:3])

    def _corrections(self, word: str, maxdist: int, limit: int = 1) -> list[str]:
        """What Whoosh's corrector for the body field suggests, computed at C speed.

        Whoosh's `ReaderCorrector` runs a pure-Python edit distance against every word of
        the field's spelling list (0.1 s per word at 100,000 entities). Its distance is
        the optimal-string-alignment Damerau–Levenshtein distance, which is rapidfuzz's
        `OSA`; candidates are scored and ranked exactly as `Corrector.suggest` does: by
        frequency in the body field, then by word.
        """
        reader = self.searcher.reader()
        scored = []
        for candidate, _, _ in process.extract(
            word, self._spelling_words(), scorer=OSA.distance, score_cutoff=maxdist, limit=None
        ):
            frequency = reader.frequency("body", candidate) or 1
            scored.append((0 - (maxdist + (1.0 / frequency * 0.5)), candidate))
        best = heapq.nlargest(limit, scored)
        return [candidate for _, candidate in sorted(best, key=lambda x: (0 - x[0], x[1]))]

    def _spelling_words(self) -> list[str]:
        """Every word of the body's spelling field, remembered until the next commit."""
        if self._spelling is None:
            self._spelling = list(self.searcher.reader().field_terms(SPELLING_FIELD))
        return self._spelling


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
