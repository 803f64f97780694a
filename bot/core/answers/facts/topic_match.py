"""Whether a statement speaks of a phrase: stems weighted by rarity, and figures.

A user's topic ("people living in fear", "the 200,000 figure") is matched against what the
letters say by stems, rarer words weighing more; `topics` builds the answers on this.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from rapidfuzz import fuzz, process

from bot.core.answers.answer import Answer, Item, Section, cite_numbers
from bot.core.kb.corpus import KnowledgeBase
from bot.core.kb.models import Letter, Statement
from bot.core.scope import Scope
from bot.core.search.stems import concepts, stems

#: A statement that gives a figure.
FIGURE = re.compile(r"\d")
#: Up to this many words, a topic must be matched whole.
SHORT_TOPIC = 2
#: Share of a topic's weight (rarer words weigh more) a statement must carry to speak of it.
TOPIC_FIT = 0.4


def statement_idf(kb: KnowledgeBase) -> dict[str, float]:
    """How rare each stem is across what letters say and what is said about them."""
    texts = [
        s.text for x in kb.letters.values() for s in (*x.demands, *x.abuses_cited, *x.excerpts)
    ]
    texts += [x.summary for x in kb.letters.values()] + [q.text for q in kb.quotes.values()]
    frequency: dict[str, int] = {}
    for text in texts:
        for word in concepts(text):
            frequency[word] = frequency.get(word, 0) + 1
    total = max(len(texts), 1)
    return {w: math.log(1 + total / n) for w, n in frequency.items()}


def share(kb: KnowledgeBase, phrase: str, text: str, strict: bool = False) -> float:
    """How much of `phrase` `text` speaks of (0–1), each stem weighted by its rarity.

    A short topic ("religious freedom") must be there whole: every word, or another word for
    it. In a longer one, words the data never uses ("ppl", a typo) weigh nothing, so they
    can neither match nor keep a match from counting. Sharing only the campaign's subject
    ("North Korea", "human rights") is no match when the topic says more than that:
    "China forcibly repatriating North Korean refugees" is not what every statement is about.
    """
    idf = kb.derived("statement_idf", statement_idf)
    asked = topic_concepts(phrase)
    have = concepts(text)
    if len(asked) <= SHORT_TOPIC:
        # "people going hungry" is hunger: the people are whoever it befalls; "Kim's
        # isolation" is the country's, however a speaker names it
        core = asked - _PEOPLE - _WHOSE
        if not core or core <= SUBJECT:  # "the Korean government": the government is no topic
            core = (asked - _PEOPLE) or asked
        return 1.0 if core and core <= have else 0.0
    # A word the statements never use but this text does ("Christians" in a note) is a
    # match of the rarest kind.
    rare = {w for w in asked & have if w not in idf}
    wanted = {w for w in asked if w in idf} | rare
    matched = wanted & have
    if not wanted or (matched <= SUBJECT and not asked <= SUBJECT):
        return 0.0
    top = max(idf.values(), default=1.0)
    # `strict` ("is there any letter about China sending refugees back?"): words no
    # statement uses that are no typo of one are what the topic is about; they weigh as the
    # rarest word, and no statement holds them. Otherwise they weigh nothing, like "roughly".
    absent = len(kb.derived("absent_topic_words", AbsentWords).of(asked) - rare) if strict else 0
    weight = math.fsum(idf.get(w, top) for w in wanted) + absent * top
    return math.fsum(idf.get(w, top) for w in matched) / weight


def topic_concepts(phrase: str) -> set[str]:
    """The stems a topic is about: without generic words and words another one implies."""
    asked = concepts(phrase)
    asked = (asked - _GENERIC) or asked  # "food shortages" is hunger; "shortages" is asked
    if _AGENDA <= asked:
        asked -= _SUMMIT
    if _AID <= asked:
        asked -= _HUNGER  # "food aid" is the humanitarian aid the letters ask to be let in
    if _RELATIVES <= asked:
        asked -= _MEMBERS  # "family members" are relatives, not members of a coalition
    if _NUCLEAR <= asked:
        asked -= _ARMS  # "nuclear weapons" are what the letters' "denuclearisation" removes
    return asked


class AbsentWords:
    """Which of a topic's stems no statement uses, nor any stem a typo away ("refugees").

    Built per knowledge base from its statements; the answers for topics already asked are
    remembered (a bounded table, never pickled).
    """

    def __init__(self, kb: KnowledgeBase) -> None:
        # the shared table (patched for a server's layer), not a second pass over statements
        self._idf = kb.derived("statement_idf", statement_idf)
        self._known = sorted(self._idf)
        self._remembered: dict[frozenset[str], frozenset[str]] = {}

    def __getstate__(self) -> dict[str, object]:
        return {**self.__dict__, "_remembered": {}}

    def of(self, asked: set[str]) -> frozenset[str]:
        """The absent stems of `asked`."""
        key = frozenset(asked)
        found = self._remembered.get(key)
        if found is None:
            found = frozenset(
                w
                for w in key
                if len(w) >= _CONTENT_STEM
                and w not in self._idf
                and not process.extractOne(w, self._known, scorer=fuzz.ratio, score_cutoff=_TYPO)
            )
            if len(self._remembered) >= _REMEMBERED:
                self._remembered.clear()  # whole, not one by one: other threads may be reading
            self._remembered[key] = found
        return found


#: Words that say how a topic stands rather than what it is: "food shortages", "the
#: prison situation", "detention conditions".
#: A word a short topic may hold without the text holding it: the people anything befalls.
_PEOPLE = frozenset(concepts("people"))
#: Whose a short topic is, when something else is left: "Kim's isolation", "NK's isolation".
_WHOSE = frozenset(concepts("kim regime pyongyang dprk north korea"))
_GENERIC = frozenset(
    concepts(
        "shortage shortages problem problems issue issues question questions situation crisis "
        "conditions lack like "
        # light verbs: "ask Kim to take food aid" asks about the aid
        "take taking get getting have having make making do doing"
    )
)
#: "the summit agenda": every agenda in these sources is a summit's, so "agenda" says it.
_AGENDA, _SUMMIT = concepts("agenda"), concepts("summit")
_AID, _HUNGER = concepts("aid"), concepts("food")
_RELATIVES, _MEMBERS = concepts("family"), concepts("members")
_NUCLEAR, _ARMS = concepts("nuclear"), concepts("weapons arms arsenal programme program bomb bombs")
#: The words every campaign here is about; alone they tell no statement from another.
SUBJECT = frozenset(
    concepts("north korea korean human rights government dprk pyongyang organisation")
)


def contrary(phrase: str, text: str) -> bool:
    """Whether `text` asks the opposite of what `phrase` says.

    "Reject foreign aid" against "Accept international humanitarian aid": a letter's asks
    open with their verb.
    """
    said = next((w for w in stems(phrase) if w in _FOR or w in _AGAINST), None)
    asked = next((w for w in stems(" ".join(text.split()[:3])) if w in _FOR or w in _AGAINST), None)
    return said is not None and asked is not None and (said in _FOR) != (asked in _FOR)


#: Verbs of letting something happen, and of stopping it: a claim with one of them and a
#: demand with the other are at odds.
_FOR = frozenset(
    stems("accept allow let permit admit welcome increase expand establish receive resume support")
)
_AGAINST = frozenset(
    stems("reject refuse block ban deny halt stop end oppose cut expel suspend cease abandon")
)


def speaks_of(kb: KnowledgeBase, phrase: str, text: str, strict: bool = False) -> bool:
    """Whether `text` speaks of `phrase` (enough of its weight in shared stems)."""
    return share(kb, phrase, text, strict) >= TOPIC_FIT


def statement_speaks_of(scope: Scope, letter: Letter, phrase: str) -> bool:
    """Whether one of the letter's own statements (not its summary) clearly speaks of it.

    Either strongly, or well ahead of every other statement of every letter: a question in
    its own words ("what do they fear if their loyalty is questioned") rarely shares most of
    a statement's words, but it shares far more with one statement than with the rest.
    """
    ranked = sorted(
        (
            (fit, letter_id == letter.id, text)
            for fit, letter_id, text in _ranked_statements(scope.kb, phrase)
        ),
        reverse=True,  # on a tie, this letter's statement first
    )
    if not ranked or not ranked[0][1]:
        return False
    best, _, text = ranked[0]
    runner_up = ranked[1][0] if len(ranked) > 1 else 0.0
    # One shared word ("association" of "lawyers' associations") is a coincidence.
    shared = len(concepts(phrase) & concepts(text))
    return best >= STRONG_FIT or (
        best >= STANDS_OUT and best - runner_up >= STANDS_OUT_BY and shared >= 2
    )


#: A statement this much about a phrase answers a question that has no cue word.
STRONG_FIT = 0.6
#: A statement this much about it, and this much ahead of any other, answers one too.
STANDS_OUT = 0.45
STANDS_OUT_BY = 0.25


def speaks_of_letter(scope: Scope, letter: Letter, phrase: str) -> bool:
    """Whether anything the letter says, or its summary, speaks of `phrase`."""
    return letter_fit(scope, letter, phrase) >= TOPIC_FIT


def letter_fit(scope: Scope, letter: Letter, phrase: str) -> float:
    """How much of `phrase` the passage of the letter that best speaks of it covers (0–1)."""
    texts = [s.text for s in (*letter.demands, *letter.abuses_cited, *letter.excerpts)]
    return max(share(scope.kb, phrase, t) for t in (*texts, letter.summary))


def gives_figure_on(
    kb: KnowledgeBase, letter: Letter, phrase: str, numbers: tuple[int, ...] = ()
) -> bool:
    """Whether one of the letter's statements gives a figure on `phrase` (or the one asked)."""
    for statement in (*letter.demands, *letter.abuses_cited, *letter.excerpts):
        text = statement.text
        if not FIGURE.search(text):
            continue
        digits = re.sub(r"[^\d]", " ", text).split()
        if any(str(n) in digits or f"{n:,}" in text for n in numbers):
            return True  # "the 200,000 figure": the statement with that number
        if figure_fit(kb, phrase, text) >= TOPIC_FIT:
            return True
    return False


def figure_fit(kb: KnowledgeBase, phrase: str, text: str) -> float:
    """How well a statement with a figure fits what the figure is asked of (0–1).

    What a figure counts is said in few words ("population for the whole country"), so
    the share of those words the statement has counts as well as the weighted share.
    """
    asked = concepts(phrase)
    asked = (asked - SUBJECT) or asked  # "… does North Korea have": every figure is of it
    have = len(asked & concepts(text)) / len(asked) if asked else 0.0
    return max(share(kb, phrase, text), have)


def statements_by_concept(kb: KnowledgeBase) -> dict[str, tuple[tuple[str, str], ...]]:
    """Each stem → the letters' statements that use it, as (letter id, text)."""
    found: dict[str, list[tuple[str, str]]] = {}
    for letter in kb.letters.values():
        for statement in (*letter.demands, *letter.abuses_cited, *letter.excerpts):
            pair = (letter.id, statement.text)  # one object shared by all its words' entries
            for word in concepts(statement.text):
                found.setdefault(word, []).append(pair)
    return {word: tuple(pairs) for word, pairs in found.items()}


def closest_statements(
    kb: KnowledgeBase, phrase: str, limit: int = 3
) -> list[tuple[Letter, Statement]]:
    """The letters' statements that speak of `phrase` best (at least `TOPIC_FIT`), best first.

    For a question no reading understood: "what happens to people who try to defect,
    according to RFA?" is answered by the statement that says it, not only by search hits.
    """
    # Words in very many statements tell none apart, and would make this slow on a large
    # knowledge base: only rarer words propose candidates, and only so many.
    found = []
    ranked = _ranked_statements(kb, phrase, _COMMON_WORD, _CANDIDATES)
    for fit, letter_id, text in ranked[:limit]:
        if fit < TOPIC_FIT or letter_id not in kb.letters:
            break
        letter = kb.letters[letter_id]
        statements = (*letter.demands, *letter.abuses_cited, *letter.excerpts)
        found += [(letter, s) for s in statements if s.text == text][:1]
    return found


def _ranked_statements(
    kb: KnowledgeBase, phrase: str, common: int | None = None, most: int | None = None
) -> list[tuple[float, str, str]]:
    """(share, letter id, text) of the statements sharing a word with `phrase`, best first.

    Only statements that share a word can have a share above nothing. With `common`, a word
    in more statements than that proposes none; with `most`, only so many are scored.
    """
    index = kb.derived("statements_by_concept", statements_by_concept)
    words = [w for w in concepts(phrase) if common is None or len(index.get(w, ())) <= common]
    pairs = list(dict.fromkeys(pair for word in words for pair in index.get(word, ())))
    return sorted(
        ((share(kb, phrase, text), letter_id, text) for letter_id, text in pairs[:most]),
        reverse=True,
    )


def led_by_statements(kb: KnowledgeBase, result: Answer, text: str) -> Answer:
    """Search results led by the letters' statements that speak of the question's words."""
    statements = closest_statements(kb, text)
    if not statements:
        return result
    answer = result
    items = []
    for letter, statement in statements:
        answer, refs = cite_numbers(answer, kb, statement.sources)
        items.append(Item(f"The {letter.year} letter", statement.text, refs, entity_id=letter.id))
    section = Section("What the letters say", tuple(items))
    return replace(answer, sections=(section, *answer.sections), found=True)


#: A word in more statements than this proposes none (see `closest_statements`).
_COMMON_WORD = 500
#: At most this many statements are scored for one question.
_CANDIDATES = 2000


def spelled_right(scope: Scope, phrase: str) -> str:
    """The phrase with its typos of the statements' words spelled as they spell them.

    "did it mention forcd labour" matches "forced labour"; a word some document holds is
    left as it is.
    """
    said = scope.kb.derived("statement_idf", statement_idf)
    vocabulary = scope.kb.derived("statement_words", _statement_words)

    def right(match: re.Match[str]) -> str:
        word = match.group(0)
        if concepts(word) & said.keys() or scope.index.mentions_any(word):
            return word
        near = process.extractOne(word.lower(), vocabulary, scorer=fuzz.ratio, score_cutoff=_TYPO)
        return near[0] if near else word

    return _CONTENT_WORD.sub(right, phrase)


def _statement_words(kb: KnowledgeBase) -> frozenset[str]:
    """Every word of the letters' statements and summaries, for telling typos apart."""
    texts = (s.text for x in kb.letters.values() for s in (*x.demands, *x.abuses_cited))
    summaries = (x.summary for x in kb.letters.values())
    return frozenset(w for t in (*texts, *summaries) for w in _CONTENT_WORD.findall(t.lower()))


#: A word long enough to name a topic ("aid" and "camp" are known anyway).
_CONTENT_WORD = re.compile(r"[A-Za-z]{5,}")
#: A word this close (rapidfuzz ratio) to one the statements use is taken for a typo of it.
_TYPO = 80
#: A stem this long names something; shorter ones are chat ("ppl") or too short to tell.
_CONTENT_STEM = 5
#: Topics whose absent words are remembered per knowledge base (oldest dropped first).
_REMEMBERED = 4096
