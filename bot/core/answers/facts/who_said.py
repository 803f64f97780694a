"""Words → speaker: who said a phrase a user remembers, or a claim in their own words.

Putting words in the wrong mouth is the worst answer this bot can give, so a quote is named
only when it matches well: the remembered words as a fragment of the quote (fuzzy, for
misremembered wording), or most of the question's distinctive words found in it (weighted by
rarity, for paraphrases). Below that, the answer says no quote matches.
"""

from __future__ import annotations

import math
import re

from rapidfuzz import fuzz, process

from bot.core.answers.answer import Answer, AnswerBuilder, not_found
from bot.core.answers.cards.people import describe_person
from bot.core.answers.cards.quotes import quote_item
from bot.core.answers.facts.candidates import candidates_of
from bot.core.answers.facts.guessed_speaker import (
    SHOWN_INSTEAD,
    closest_is_another,
    quotes_of,
    what_they_did_say,
)
from bot.core.answers.facts.opposite_words import said_the_opposite
from bot.core.answers.facts.recorded_words import recorded_words
from bot.core.answers.facts.remembered_words import (
    closest_sentence,
    remembered_words,
    respelled,
)
from bot.core.answers.facts.unheard import unheard_of
from bot.core.kb.corpus import KnowledgeBase
from bot.core.kb.dates import human_date
from bot.core.kb.models import Letter, Quote, Statement
from bot.core.scope import Scope
from bot.core.search.names import normalize
from bot.core.search.stems import STOP_WORDS, concepts

#: A quote must match at least this well (0–1) to be named as the source of the words.
MATCH_CUTOFF = 0.6
#: Below the cutoff but above this, and well ahead of any other speaker, the quote is shown
#: as the closest match, saying it matches only in part.
CLOSE_CUTOFF = 0.42
#: How far the best speaker must lead every other speaker to be named at all.
LEAD = 0.1
#: A fragment must match this closely (0–1) to count as the user quoting verbatim.
VERBATIM = 0.85
#: A second speaker this close to the best is shown too: the words fit both.
TIE_MARGIN = 0.08
#: This many speakers matching alike, below a clear match, share only common words.
_TOO_MANY_ALIKE = 3
_CLEAR_MATCH = 0.75
#: Speakers named for the same words at most: past three the words fit too many to say.
_MOST_SPEAKERS = 3
#: Quotes scored directly up to this many; past it, the index picks the candidates.
_SCORE_ALL = 3000
#: Letters whose passages are read directly up to this many (each has several passages).
_SCORE_ALL_LETTERS = 300

_WORD = re.compile(r"[a-z]{3,}")
#: Words of reporting and of a paraphrase's framing ("who told Kim to think of…"): they say
#: how the words were put to someone, not what was said.
_FILLER = frozenset({"said", "say", "quot", "word", "told", "tell", "think", "consid"})


def who_said(
    scope: Scope, question: str, quoted: str | None = None, guessed: tuple[str, ...] = ()
) -> Answer:
    """The speaker of the quote that best matches the remembered words.

    `guessed` are people the question names as the speaker ("wasn't it Trump who said…"):
    the answer opens by saying whether the guess is right.
    """
    kb = scope.kb
    words = remembered_words(question, quoted)
    if len(words) < 4:
        return not_found(
            "who_said",
            "Tell me the words you remember, and I will look for who said them.",
            (),
            interpretation="who said …",
        )
    ranked = _rank(scope, words, guessed)
    shown = words if len(words) <= 80 else words[:77] + "…"
    top = ranked[0][1] if ranked else 0.0
    rival = next((s for q, s in ranked if q.speaker != ranked[0][0].speaker), 0.0)
    partial = CLOSE_CUTOFF <= top < MATCH_CUTOFF and top - rival >= LEAD
    best = [(q, s) for q, s in ranked if s >= MATCH_CUTOFF or (partial and s >= top - TIE_MARGIN)]
    if best and top < MATCH_CUTOFF and not partial:
        best = []
    alike = {q.speaker for q, s in best if top - s <= TIE_MARGIN}
    if len(alike) >= _TOO_MANY_ALIKE and top < _CLEAR_MATCH:
        # "peace on the peninsula matters more than human rights": words common to many
        # speakers' quotes single no one out; a guessed speaker's own words are still checked
        best = [(q, s) for q, s in best if q.speaker in guessed]
    if partial and quoted:
        # the sources' own words, as quoted, beat a quote sharing a part of them
        recorded = recorded_words(scope, shown, words, verbatim_only=True)
        if recorded is not None:
            return recorded
    if not best:
        line = _letter_line(scope, words)
        if line is not None:
            return _in_a_letter(scope, shown, *line)
        # quoted words no one said may be the sources' own: "the world's three largest…"
        recorded = recorded_words(scope, shown, words) if quoted else None
        if recorded is not None:
            return recorded
        theirs = quotes_of(kb, ranked, guessed)
        if theirs:
            return what_they_did_say(scope, shown, words, guessed, theirs[:SHOWN_INSTEAD])
        return not_found(
            "who_said",
            f"No quote in the knowledge base matches “{shown}” well enough to name a speaker.",
            tuple(f"What was said about the {x.year} letter?" for x in _newest_letters(kb)),
            interpretation=f"who said “{shown}”",
        )
    top_score = best[0][1]
    chosen = [q for q, s in best if top_score - s <= TIE_MARGIN]
    opposite = said_the_opposite(words, chosen[0])
    if opposite:
        # another speaker matching as well who says what the words say comes first
        agreeing = [
            q
            for q in chosen
            if q.speaker != chosen[0].speaker and said_the_opposite(words, q) is None
        ]
        if agreeing:
            chosen = agreeing + [q for q in chosen if q not in agreeing]
            opposite = None
    if partial and chosen[0].speaker not in guessed and (theirs := quotes_of(kb, ranked, guessed)):
        # no quote matches well, and the closest is someone else's: that speaker's words,
        # said as only the closest, then what the guessed speaker did say
        return closest_is_another(scope, shown, words, guessed, theirs[:SHOWN_INSTEAD], chosen[0])
    builder = AnswerBuilder(kb, "who_said", f"Who said “{shown}”")
    first = chosen[0]
    speakers = _alike_speakers(words, chosen)
    said = "paraphrased by the source as saying" if first.kind == "paraphrase" else "said"
    when = (
        f" {'on' if len(first.date) >= 10 else 'in'} {human_date(first.date)}" if first.date else ""
    )
    occasion = f" ({first.occasion})" if first.occasion else ""
    marks = builder.marks(first.sources)
    saying = f"{describe_person(scope, kb.people[first.speaker])} {said} it{when}{occasion}"
    builder.direct = f"{saying}. {marks}"
    if (
        first.kind != "paraphrase"
        and fuzz.partial_ratio(words, normalize(first.text)) < 100 * VERBATIM
    ):
        # matched in other words: the words said, so the reader can judge the likeness
        builder.direct = f"{saying}: “{closest_sentence(words, first)}” {marks}"
    others = ", ".join(kb.name_of(s) for s in speakers[1:])
    also = f" Similar words are also attributed to {others}." if others else ""
    builder.direct += also
    if opposite and first.speaker in guessed:
        # "Did Trump say he raised human rights?": he said he did not.
        builder.direct = (
            f"No: {kb.name_of(first.speaker)} is reported as saying the opposite: "
            f"“{opposite}” {builder.marks(first.sources)}"
        )
    elif opposite:
        # "Cardin said human rights were not worth raising": the quote sharing those words
        # says they must be raised, so no one is named as having said them.
        wrong = ", ".join(kb.name_of(p) for p in guessed)
        builder.direct = (
            f"{f'No, not {wrong}. ' if guessed else ''}No quote says that. The closest says "
            f"the opposite: {describe_person(scope, kb.people[first.speaker])}{when}"
            f"{occasion}: “{opposite}” {marks}"
        )
    elif guessed and first.speaker in guessed and (unheard := unheard_of(kb, words, first.speaker)):
        # "did Rubio list forced abortions?": his quote shares "forced" and "abuses", but
        # "forced abortions" is the Commission of Inquiry's finding, not his words
        builder.direct = (
            f"No: {kb.name_of(first.speaker)}'s words in the sources do not speak of "
            f"{unheard}. The closest: “{closest_sentence(words, first)}” {marks}"
        )
    elif partial:
        # Not "X said it": the user sees the words X did say and judges the likeness.
        builder.direct = (
            "No quote says exactly that. The closest, sharing only part of your wording, is "
            f"{describe_person(scope, kb.people[first.speaker])}{when}{occasion}: "
            f"“{closest_sentence(words, first)}” {builder.marks(first.sources)}"
        )
    elif guessed:
        right = first.speaker in guessed
        wrong = ", ".join(kb.name_of(p) for p in guessed if p != first.speaker)
        builder.direct = ("Yes: " if right else f"No, not {wrong}: ") + builder.direct
        if right and wrong and _A_CHOICE.search(normalize(question)):
            # "'…' — Cardin or Rubio?": the one who said it, and not the other
            builder.direct = (
                f"{kb.name_of(first.speaker)}, not {wrong}: {saying}: "
                f"“{closest_sentence(words, first)}” {marks}{also}"
            )
        elif right and first.kind != "paraphrase":
            # the words as said, so the reader can check the claim against them
            builder.direct = f"Yes: {saying}: “{closest_sentence(words, first)}” {marks}{also}"
    shown_quotes = [q for q in chosen if q.speaker in speakers][: _MOST_SPEAKERS * 2]
    builder.section("Matching quotes", [quote_item(scope, builder, q) for q in shown_quotes])
    builder.interpretation = f"who said “{shown}”"
    return builder.build()


#: "'…' — Cardin or Rubio?": the question offers a choice of speakers.
_A_CHOICE = re.compile(r"\w \w+ or \w+\W*$")


def _letter_line(scope: Scope, words: str) -> tuple[Letter, str, Statement] | None:
    """The passage of a letter that holds the remembered words, when no person said them.

    "who wrote '70 years of abuses'": a letter's own words are nobody's quote. A passage
    holds the words when every distinctive one is in it (at least three), or when they are
    a fragment of it word for word.
    """
    wanted = concepts(words) - _FILLER
    letters = candidates_of(scope, words, "letter", scope.kb.letters, _SCORE_ALL_LETTERS, 20)
    found: list[tuple[int, Letter, str, Statement]] = []
    for letter in letters:
        for part, statements in _letter_parts(letter):
            for statement in statements:
                text = normalize(statement.text)
                shared = len(wanted & concepts(statement.text))
                verbatim = (
                    len(words) >= 20
                    and fuzz.partial_ratio(words, text) >= 100 * VERBATIM
                    and _every_word_near(words, text)
                )
                if verbatim or (shared == len(wanted) >= 3):
                    found.append((shared + int(verbatim), letter, part, statement))
    if not found:
        return None
    _, letter, part, statement = max(found, key=lambda f: (f[0], f[1].date, f[1].id))
    return letter, part, statement


def _letter_parts(letter: Letter) -> tuple[tuple[str, tuple[Statement, ...]], ...]:
    """A letter's sourced passages, each with what kind of passage it is."""
    return (
        ("passage", letter.excerpts),
        ("demand", letter.demands),
        ("abuse", letter.abuses_cited),
    )


def _in_a_letter(scope: Scope, shown: str, letter: Letter, part: str, line: Statement) -> Answer:
    """The letter whose own passage holds the words: no person is named as saying them."""
    builder = AnswerBuilder(scope.kb, "who_said", f"Who said “{shown}”")
    marks = builder.marks(line.sources or letter.sources)
    where = f"the {letter.year} letter itself ({letter.title})"
    if part == "passage":
        # an excerpt is the letter's wording as its sources quote it
        builder.direct = (
            f"No person is quoted saying that: the words are from {where}: “{line.text}” {marks}"
        )
    else:
        kind = "demands" if part == "demand" else "abuses it cited"
        builder.direct = (
            f"No person is quoted saying that: it is among the {kind} of {where}, "
            f"in the sources' summary: {line.text} {marks}"
        )
    builder.interpretation = f"who said “{shown}”"
    return builder.build()


def _alike_speakers(words: str, chosen: list[Quote]) -> list[str]:
    """The first quote's speaker, then up to two more whose words fit alike.

    A speaker whose closest words say the opposite ("cautioned against putting human rights
    on the agenda") said nothing similar. Stops once enough are found: the quotes matching
    alike may be many.
    """
    speakers = [chosen[0].speaker]
    for quote in chosen[1:]:
        if len(speakers) == _MOST_SPEAKERS:
            break
        if quote.speaker not in speakers and said_the_opposite(words, quote) is None:
            speakers.append(quote.speaker)
    return speakers


def _rank(scope: Scope, words: str, guessed: tuple[str, ...] = ()) -> list[tuple[Quote, float]]:
    """Quotes by how well they match the words, best first.

    Of quotes matching alike, a `guessed` speaker's come first: his words are what is checked.
    A speaker's quotes from one occasion are scored together: remembered words often mix
    two sentences of the same statement ("no dilemma between human rights and
    denuclearization" is two of Quintana's sentences at one briefing).
    """
    kb = scope.kb
    candidates = candidates_of(scope, words, "quote", kb.quotes, _SCORE_ALL, 50)
    idf = kb.derived("quote_word_idf", quote_idf)
    wanted = concepts(respelled(words, kb.derived("quote_words", quote_words))) - _FILLER
    unseen = sorted(idf.values())[len(idf) // 2] if idf else 1.0  # a typical word's weight
    weight = math.fsum(idf.get(w, unseen) for w in wanted) or 1.0
    groups: dict[tuple[str, str], set[str]] = {}
    for quote in candidates:
        key = (quote.speaker, quote.occasion or quote.date or quote.id)
        groups.setdefault(key, set()).update(concepts(quote.text))
    scored = []
    for quote in candidates:
        together = groups[(quote.speaker, quote.occasion or quote.date or quote.id)]
        alone = concepts(quote.text)
        overlap = math.fsum(idf.get(w, unseen) for w in wanted & together) / weight
        # The quote that itself holds more of the words is shown first within its group.
        own = math.fsum(idf.get(w, unseen) for w in wanted & alone) / weight
        text = normalize(quote.text)
        # Remembered word for word ("…the most repressive system…"): a fragment of the quote.
        fragment = (
            fuzz.partial_ratio(words, text) / 100 if min(len(words), len(text)) >= 20 else 0.0
        )
        if fragment < VERBATIM:
            fragment = 0.0
        elif _quoted_whole(text, words):
            pass  # "Yun said it would be a mistake to overload the agenda": his whole quote
        elif not _every_word_near(words, text):
            # Alike letter for letter but a word differs ("overcrowd the agenda" for "overload
            # the agenda", or "human rights are overrated" for "… are raised"): at most the
            # closest match, shown as sharing only part of the wording.
            fragment = _PART_OF_THE_WORDING
        score = max(overlap, fragment)
        scored.append((quote, score, own))
    scored.sort(
        key=lambda item: (
            -item[1],
            item[0].speaker not in guessed,
            -item[2],
            item[0].date or "",
            item[0].id,
        )
    )
    return [(quote, score) for quote, score, _ in scored]


def _quoted_whole(quote: str, words: str) -> bool:
    """Whether a short quote stands whole within the longer words a claim gives."""
    return (
        len(quote) < len(words)
        and len(quote.split()) >= _FEWEST_QUOTE_WORDS
        and _every_word_near(quote, words)
    )


#: A quote shorter than this is a phrase, too common to stand for the speaker's words.
_FEWEST_QUOTE_WORDS = 5


def _every_word_near(words: str, text: str) -> bool:
    """Whether each distinctive remembered word has a near spelling in the quote.

    A fragment match alone is not enough: "human rights are overrated" is most of "human
    rights are raised" letter for letter, and would put the words in Quintana's mouth.
    """
    quote_words = set(_WORD.findall(text))
    return all(
        process.extractOne(word, quote_words, scorer=fuzz.ratio, score_cutoff=_NEAR_SPELLING)
        for word in set(_WORD.findall(words)) - STOP_WORDS
        if len(word) >= 4
    )


#: The score of a fragment that matches letter for letter but not word for word.
_PART_OF_THE_WORDING = 0.55
#: Two spellings this close (rapidfuzz ratio, 0–100) are one word misremembered or mistyped.
_NEAR_SPELLING = 80


def quote_words(kb: KnowledgeBase) -> frozenset[str]:
    """Every word of the quotes, as typed: what a misspelt remembered word is matched to."""
    return frozenset(w for q in kb.quotes.values() for w in _WORD.findall(normalize(q.text)))


def quote_idf(kb: KnowledgeBase) -> dict[str, float]:
    """How rare each word of the quotes is (by concept), for weighting remembered words."""
    frequency: dict[str, int] = {}
    for quote in kb.quotes.values():
        for word in concepts(quote.text):
            frequency[word] = frequency.get(word, 0) + 1
    total = max(len(kb.quotes), 1)
    return {w: math.log(1 + total / n) for w, n in frequency.items()}


def who_said_words(scope: Scope, words: str) -> Answer:
    """/who-said: the speaker of the words a user remembers (exact or paraphrased)."""
    return who_said(scope, words, words.strip().strip("\"“”'‘’"))


def _newest_letters(kb: KnowledgeBase, limit: int = 2) -> list[Letter]:
    """The most recent letters, for suggestions."""
    return sorted(kb.letters.values(), key=lambda x: x.date, reverse=True)[:limit]
