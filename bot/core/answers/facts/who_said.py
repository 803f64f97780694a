"""Words → speaker: who said a phrase a user remembers, or a claim in their own words.

Putting words in the wrong mouth is the worst answer this bot can give, so a quote is named
only when it matches well: the remembered words as a fragment of the quote (fuzzy, for
misremembered wording), or most of the question's distinctive words found in it (weighted by
rarity, for paraphrases). Below that, the answer says no quote matches.
"""

from __future__ import annotations

import math
import re

from rapidfuzz import fuzz

from bot.core.answers.answer import Answer, AnswerBuilder, not_found
from bot.core.answers.cards.people import describe_person
from bot.core.answers.cards.quotes import quote_item
from bot.core.kb.corpus import KnowledgeBase
from bot.core.kb.dates import human_date
from bot.core.kb.models import Quote
from bot.core.scope import Scope
from bot.core.search.names import normalize

#: A quote must match at least this well (0–1) to be named as the source of the words.
MATCH_CUTOFF = 0.6
#: A second speaker this close to the best is shown too: the words fit both.
TIE_MARGIN = 0.08
#: Quotes scored directly up to this many; past it, the index picks the candidates.
_SCORE_ALL = 3000

_CUES = re.compile(
    r"^(?:who|which person|which official|whose words?|who was it that|do you know who)\s+"
    r"(?:(?:was|is|were)\s+)?(?:the one\s+)?(?:(?:who|that)\s+)?"
    r"(?:first\s+)?(?:said|says|say|stated|wrote|called|described|warned|claimed|argued|"
    r"compared|remarked|told|made the (?:comment|remark|claim|statement)|used the (?:phrase|words)|"
    r"referred to|spoke of|talked about|quoted as saying|is quoted saying|was quoted saying|"
    r"were these|are these|is this|was this)\s*(?:that\s+|the words?\s+|this\s*:?\s*)?"
)
_WORD = re.compile(r"[a-z]{3,}")
_FILLER = frozenset("the and that this was were who said say says about quote words".split())


def remembered_words(question: str, quoted: str | None) -> str:
    """The words the user remembers: their quoted phrase, else the question minus its cue."""
    if quoted:
        return quoted
    norm = normalize(question)
    norm = _SOMEONE.sub("", norm)
    norm = _WHO_WAS_THAT.sub("", norm)
    return _CUES.sub("", norm).strip()


_SOMEONE = re.compile(
    r"^.*?\b(?:someone|somebody|one of them|an official|a senator|"
    r"a campaigner) (?:said|says|claimed|called|described|warned|told)\s+"
    r"(?:that\s+)?"
)
_WHO_WAS_THAT = re.compile(r"\s*\b(?:who|whom) (?:was|is|said) (?:that|this|it)\s*$")


def who_said(scope: Scope, question: str, quoted: str | None = None) -> Answer:
    """The speaker of the quote that best matches the remembered words."""
    kb = scope.kb
    words = remembered_words(question, quoted)
    if len(words) < 4:
        return not_found(
            "who_said",
            "Tell me the words you remember, and I will look for who said them.",
            (),
            interpretation="who said …",
        )
    ranked = _rank(scope, words)
    best = [(q, s) for q, s in ranked if s >= MATCH_CUTOFF]
    shown = words if len(words) <= 80 else words[:77] + "…"
    if not best:
        return not_found(
            "who_said",
            f"No quote in the knowledge base matches “{shown}” well enough to name a speaker.",
            ("What was said about the 2018 letter?",),
            interpretation=f"who said “{shown}”",
        )
    top_score = best[0][1]
    chosen = [q for q, s in best if top_score - s <= TIE_MARGIN][:3]
    builder = AnswerBuilder(kb, "who_said", f"Who said “{shown}”")
    first = chosen[0]
    speakers = list(dict.fromkeys(q.speaker for q in chosen))
    said = "paraphrased by the source as saying" if first.kind == "paraphrase" else "said"
    when = f" on {human_date(first.date)}" if first.date else ""
    occasion = f" ({first.occasion})" if first.occasion else ""
    builder.direct = (
        f"{describe_person(scope, kb.people[first.speaker])} {said} it{when}"
        f"{occasion}. {builder.marks(first.sources)}"
    )
    if len(speakers) > 1:
        others = ", ".join(kb.name_of(s) for s in speakers[1:])
        builder.direct += f" Similar words are also attributed to {others}."
    builder.section("Matching quotes", [quote_item(scope, builder, q) for q in chosen])
    builder.interpretation = f"who said “{shown}”"
    return builder.build()


def _rank(scope: Scope, words: str) -> list[tuple[Quote, float]]:
    kb = scope.kb
    if len(kb.quotes) <= _SCORE_ALL:
        candidates = list(kb.quotes.values())
    else:
        hits = scope.index.search(
            kb, words, scope.guild_id, kinds=("quote",), limit=50, max_length=scope.max_query_length
        ).hits
        candidates = [kb.quotes[h.entity_id] for h in hits if h.entity_id in kb.quotes]
    idf = kb.derived("quote_word_idf", _quote_idf)
    wanted = {w for w in _WORD.findall(words)} - _FILLER
    weight = sum(idf.get(w, _UNSEEN) for w in wanted) or 1.0
    scored = []
    for quote in candidates:
        text = normalize(quote.text)
        have = set(_WORD.findall(text))
        overlap = sum(idf.get(w, _UNSEEN) for w in wanted & have) / weight
        fragment = fuzz.partial_ratio(words, text) / 100 if len(words) >= 12 else 0.0
        # A fragment match on a short phrase is weaker evidence than on a long one.
        fragment *= min(1.0, len(words) / 25)
        scored.append((quote, max(overlap, fragment)))
    scored.sort(key=lambda pair: (-pair[1], pair[0].date or "", pair[0].id))
    return scored


#: The weight of a word no quote uses: as rare as it gets, so missing it costs most.
_UNSEEN = 4.0


def _quote_idf(kb: KnowledgeBase) -> dict[str, float]:
    frequency: dict[str, int] = {}
    for quote in kb.quotes.values():
        for word in set(_WORD.findall(normalize(quote.text))):
            frequency[word] = frequency.get(word, 0) + 1
    total = max(len(kb.quotes), 1)
    return {w: math.log(1 + total / n) for w, n in frequency.items()}


def who_said_words(scope: Scope, words: str) -> Answer:
    """/who-said: the speaker of the words a user remembers (exact or paraphrased)."""
    return who_said(scope, words, words.strip().strip("\"“”'‘’"))
