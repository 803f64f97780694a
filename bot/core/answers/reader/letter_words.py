"""What a letter's own words say about which letter a question means.

Each letter's stems and stem pairs (its title, summary, demands, cited abuses, passages
quoted from it), weighted by how few letters use them: "the letter about humanitarian aid"
leans towards the one letter that speaks of aid. `clues` adds this to its other clues.
"""

from __future__ import annotations

import math
from itertools import pairwise

from bot.core.answers.reader.question import Question
from bot.core.kb.corpus import KnowledgeBase
from bot.core.kb.models import Letter
from bot.core.search.stems import stem, stems

#: Words of questions that say nothing about which letter is meant (as stems).
QUESTION_WORDS = frozenset(
    stem(w)
    for w in (
        "sign signed signing signatories signatory signers joint open sent many more most list "
        "show give name names demand demands demanded call called calling urge urged asked "
        "asking want wanted keep keeps kept showing shows come comes coming up".split()
    )
)
#: The most that words of the letter's text can add.
TOPIC_CAP = 3.0
#: A word in more letters than this says nothing about which one is meant.
COMMON_WORD = 20


def letters_by_word(kb: KnowledgeBase) -> dict[str, tuple[str, ...]]:
    """Each stem → the letters using it (stems most letters use are left out)."""
    bags, _ = kb.derived("letter_word_bags", word_bags)
    index: dict[str, list[str]] = {}
    for letter_id, bag in bags.items():
        for word in bag:
            index.setdefault(word, []).append(letter_id)
    return {w: tuple(ids) for w, ids in index.items() if len(ids) <= COMMON_WORD}


def question_words(question: Question) -> tuple[frozenset[str], frozenset[str]]:
    """The question's distinctive stems and stem pairs, and those of its describing clause.

    A clause that only says which letter ("the letter that referred to Kim as the
    heir-apparent: …") is read once per question, not once per letter.
    """
    words = frozenset(words_and_pairs(question.norm)) - QUESTION_WORDS
    main = set(question.main_clause.split())
    # A name in the clause ("where HRW's contact was listed") is a clue of its own kind.
    named = {i for m in question.mentions for i in range(m.start, m.end)}
    clause = " ".join(
        w for i, w in enumerate(question.norm.split()) if w not in main and i not in named
    )
    return words, frozenset(words_and_pairs(clause)) - QUESTION_WORDS


def topic_score(
    kb: KnowledgeBase, letter: Letter, words: frozenset[str], described: frozenset[str]
) -> float:
    """How much of the question's wording (`question_words`) is in this letter's text only.

    Words of a clause that only describes the letter count more surely than the rest.
    """
    bags, idf = kb.derived("letter_word_bags", word_bags)
    bag = bags.get(letter.id, ())
    score = min(TOPIC_CAP, math.fsum(idf[w] for w in words.intersection(bag)))
    return score + min(TOPIC_CAP, math.fsum(idf[w] for w in described.intersection(bag))) / 2


def words_and_pairs(text: str) -> list[str]:
    """A text's stems and its pairs of neighbouring stems: "General Kim" is rarer than both."""
    words = stems(text)
    return words + [f"{a} {b}" for a, b in pairwise(words)]


def word_bags(kb: KnowledgeBase) -> tuple[dict[str, tuple[str, ...]], dict[str, float]]:
    """Each letter's stemmed words (summary, background, demands, abuses, excerpts).

    A bag is a tuple of distinct words, not a set: a set of a hundred words costs five
    times as much (40 MB at 5,000 letters), and a bag is only ever read through.
    """
    bags = {}
    for letter in kb.letters.values():
        text = " ".join(
            [
                letter.title,
                letter.summary,
                letter.background or "",
                letter.recipient_role or "",
                *letter.aliases,
                *(s.text for s in (*letter.demands, *letter.abuses_cited, *letter.excerpts)),
                # How the release words a demand ("urges General Kim") describes the letter
                # too; the letter's notes are about its sources, not its content.
                *(s.note or "" for s in (*letter.demands, *letter.abuses_cited)),
            ]
        )
        bags[letter.id] = tuple(dict.fromkeys(words_and_pairs(text)))
    frequency: dict[str, int] = {}
    for bag in bags.values():
        for word in bag:
            frequency[word] = frequency.get(word, 0) + 1
    total = len(bags)
    # A word every letter uses tells them apart not at all; one only a letter uses, most.
    idf = {w: math.log(total / n) for w, n in frequency.items()}
    return bags, idf
