"""What every reading generator shares: the `Reading` value and the question's context."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.core.answers.answer import Answer
from bot.core.answers.reader.clues import LetterFit
from bot.core.answers.reader.question import Question
from bot.core.kb.models import Letter
from bot.core.scope import Scope

SUBJECT_FIT = 2.0
#: How the reading that only shows a letter's card is labelled: "about → <title>".
LETTER_CARD = "about → "
#: A letter or event named by the question counts for more than one inferred.
NAMED_FIT = 1.0


@dataclass(frozen=True, slots=True)
class Reading:
    """One way to read a question: what to answer, how well it fits, how to answer it."""

    kind: str
    score: float
    label: str
    run: Callable[[], Answer]
    #: The letter or entity the reading is about, when it is about one.
    subject: str | None = None


@dataclass(slots=True)
class Context:
    """The question, its cues, and the subjects it supplies, read once for every generator."""

    scope: Scope
    question: Question
    cues: dict[str, float]
    fits: list[LetterFit]
    letter: Letter | None
    people: list[str]
    orgs: list[str]
    places: list[str]
    events: list[str]

    def cue(self, kind: str) -> float:
        """The cue weight for a kind (0 when its words are absent)."""
        return self.cues.get(kind, 0.0)


ARTICLE = re.compile(r"\b(?:article|story|report|piece|coverage|byline|news item)\b")
#: A signing word, verb or noun: "did Robertson sign it?", "one of the signers".
SIGNING = re.compile(
    r"\b(?:co ?)?sign(?:s|ed|ing|ers?|ator(?:y|ies)|atures?)?\b|\bcosign\w*\b|"
    r"\b(?:join|back)(?:s|ed)\b|"
    # "put his own name to the letter"
    r"\b(?:put|had|has|have) (?:(?:his|her|their|its|a|an) )?(?:own )?names? (?:to|on)\b"
)
THEIR_GROUP = re.compile(r"\b(?:group|organi[sz]ation|org|ngo|employer|outfit|charity)\b")


def letter_fit(context: Context) -> float:
    """How surely the question points at its letter: named or dated beats described."""
    if context.letter is None:
        return 0.0
    best = context.fits[0]
    if any(c.startswith("around ") for c in best.clues) and only_guessed(context, "around "):
        return SUBJECT_FIT - 1.5  # "the Singapore summit?" asks of the event a letter preceded
    if only_guessed(context):
        return SUBJECT_FIT - 1.0  # "Kim" may be the recipient, or only who is talked about
    q = context.question
    if not q.has(LETTER_WORD) and not q.has(SIGNING) and _only(best.clues, "signed by "):
        return SUBJECT_FIT - 1.0  # "what is Free NK Gulag?": a signer, not its letter
    if best.score >= NAMED_OR_DATED:
        return SUBJECT_FIT + NAMED_FIT
    if best.clues == ["its content"]:
        return SUBJECT_FIT - 1.0
    return SUBJECT_FIT


def _only(clues: list[str], kind: str) -> bool:
    """Whether the clues are of one kind, beside words of the letter's text."""
    return all(c == "its content" or c.startswith(kind) for c in clues)


def only_guessed(context: Context, *also: str) -> bool:
    """Whether the best letter is only guessed, not named.

    The question says no "letter" ("the letters" are all of them, not one), and the only
    clues are the recipient's name or country and words of its text (and the clue kinds in
    `also`).
    """
    if not context.fits or context.question.has(_ONE_LETTER_WORD):
        return False
    kinds = ("to ", *also)
    return all(c == "its content" or c.startswith(kinds) for c in context.fits[0].clues)


#: Words that say a letter is what the question is about ("the appeal that welcomed…").
_LETTER_NOUNS = "letter|appeal|petition|communication|instrument|missive"
LETTER_WORD = re.compile(rf"\b(?:(?:{_LETTER_NOUNS})s?|correspondence)\b")
#: A word for one letter: "the letters say about camps" asks of them all.
#: ("the one to Moon" stands for a letter as much as "the letter to Moon")
_ONE_LETTER_WORD = re.compile(
    rf"\b(?:{_LETTER_NOUNS}|correspondence)\b|\bthe one (?:sent |addressed |written )?to\b"
)
#: A letter's clue score from which it is named or dated rather than described.
NAMED_OR_DATED = 5.0


#: "How many …": a count asked for.
HOW_MANY = re.compile(r"\bhow many\b")
#: Words for a letter's demands, counted or chosen among ("how many demands, 5 or 6?").
OF_DEMANDS = re.compile(r"\b(?:demands?|calls?|reforms?|requests?|asks|points)\b")
_OTHERS_BESIDE = r"\b(?:plus|and|besides) how many others\b"
#: Words that make a count about signers (not prison camps or years). Not when they
#: describe the letter: "how many people did the coalition letter say were held".
COUNTABLE = re.compile(
    r"\b(?:sign\w*|groups?|organi[sz]ations?|ngos?|co ?signers?|signatories|signers|members|"
    r"countries|supporters|represented|coalitions?|charities|orgs?|names|list|joined)\b"
    r"(?!(?: s)? (?:\d{4} )?(?:open )?(?:letter|appeal)\b)|" + _OTHERS_BESIDE
)
#: "Amnesty, HRW, FIDH plus how many others?": the others who signed beside those named.
OTHERS_BESIDE = re.compile(_OTHERS_BESIDE)
#: "Which went to Kim and which to someone else": every letter, not those to one person.
AND_WHICH = re.compile(
    r"\band which (?:ones? |letters? )?(?:to|went|go|were|was|for)\b|\bwho got which\b"
)
#: "Signed both", "in common": the overlap of two letters.
BOTH = re.compile(
    r"\bboth\b|\bin common\b|\beach of\b|\bsame (?:groups|organi[sz]ations|"
    r"signatories)\b"
)
#: Words asking whether someone took part.
INVOLVED = re.compile(r"\binvolv\w+|\btake part\b|\btook part\b|\bparticipat\w+")
