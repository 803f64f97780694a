"""When a question needs a letter and does not point at one: ask which, rather than guess."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.core.answers.answer import Answer, merged
from bot.core.answers.cards import letters as letter_cards
from bot.core.answers.facts import lists, uncovered
from bot.core.answers.facts.openers import answer_signatories
from bot.core.answers.reader.clues import MARGIN
from bot.core.answers.reader.context import COUNTABLE, Context, Reading
from bot.core.kb.models import Letter
from bot.core.scope import Scope

#: Kinds that answer about one letter, and the question to suggest for each letter.
_NEEDS_LETTER = {
    "signatories": "Who signed the {year} letter?",
    "count": "How many signed the {year} letter?",
    "demands": "What did the {year} letter demand?",
    "letter_says": "What did the {year} letter demand?",
    "abuses": "What abuses did the {year} letter cite?",
    "recipient": "Who was the {year} letter addressed to?",
    "sender": "Who organised the {year} letter?",
    "date": "When was the {year} letter sent?",
    "purpose": "Why was the {year} letter written?",
    "countries": "Which countries are the {year} letter's signatories from?",
    "no_country": "Which signatories of the {year} letter have no country?",
}

#: Kinds the timeline of every letter answers (recipient, date and counts are on it).
_ON_TIMELINE = frozenset({"recipient", "date", "count", "sender"})
#: "who were the letters sent to", "when was each letter sent": every letter, not one.
_EVERY_LETTER = re.compile(
    r"\b(?:the|these|those|all|both|each|every|all (?:the )?(?:three|3)|their) "
    r"(?:\w+ ){0,2}letters\b|"
    r"\b(?:each|every) (?:\w+ )?letter\b|\b(?:each|every|all|both) of (?:the|these|those)\b"
)


#: What a "how many" question counts, to the end of its clause.
_COUNTED = re.compile(r"\bhow many ((?:\w+ ){1,8})")
#: What the letters count: their signers, demands, abuses; and questions of time between.
_LETTER_COUNTS = re.compile(
    COUNTABLE.pattern
    + r"|\b(?:demands?|abuses?|reforms?|quotes?|statements?|letters?|people|persons|"
    r"individuals|times|years?|months?|days?|weeks?|names?|signed|votes?|states?|"
    r"pages?|words?|points?|items?|things?)\b"
)


#: "Which letter wasn't addressed to Kim?": every letter but those to the person named.
NOT_TO = re.compile(
    r"\b(?:not|never|wasn ?t|weren ?t|isn ?t|aren ?t|didn ?t)\b(?: \w+){0,2} "
    r"(?:to|addressed|sent|written|directed|go|went)\b|"
    # "directed at a head of state other than the North Korean leadership"
    r"\b(?:addressed|sent|written|directed|went|gone)\b.*\b(?:other than|apart from|besides|"
    r"except)\b"
)


def clarify_readings(context: Context) -> list[Reading]:
    """A letter question with no clear letter: ask which one rather than guess.

    A question about every letter ("who organised the letters?") gets the timeline, which
    names each letter's recipient, date, organiser and counts.
    """
    wanted = [(context.cue(k), k) for k in _NEEDS_LETTER if context.cue(k)]
    if not wanted:
        return []
    cue, kind = max(wanted)
    scope, q = context.scope, context.question
    named = any("named" in f.clues or str(f.letter.year) in f.clues for f in context.fits)
    if kind in _ON_TIMELINE and q.has(_EVERY_LETTER) and not named:
        # "Each of the two Kim letters": the letters to whoever is named.
        # "any of these letters addressed to a South Korean head of state": one by role
        to = next((p for p in q.ids("person") or q.people() if scope.kb.letters_to(p)), None)
        return [
            Reading(
                "letters",
                cue + 2.0,
                "all letters"
                + (f" {'not ' if q.has(NOT_TO) else ''}to {scope.kb.name_of(to)}" if to else ""),
                lambda: letter_cards.letters(scope, recipient=to, not_to=q.has(NOT_TO)),
            )
        ]
    if kind in ("demands", "letter_says") and q.has(_EVERY_LETTER) and not named:
        # "What did each of the three letters ask for?": all of them, letter by letter.
        return [
            Reading(
                "demands",
                cue + 2.0,
                "demands of every letter",
                lambda: letter_cards.every_letters_demands(scope),
            )
        ]
    if context.letter is not None:
        return []
    every_list = kind in _OF_EVERY_LIST or (kind == "signatories" and (q.countries or q.region))
    if every_list and not named and not _YEAR.search(q.message or q.norm):
        # "From which countries are the organisations that signed?", "which signatories have
        # no country?", "what European organisations signed?": every letter whose
        # signatories the sources name, in turn
        return [_every_list(context, kind, cue)]
    if (
        kind == "demands"
        and context.people
        and all(f.clues == ["its content"] for f in context.fits)
    ):
        return []  # "what did the senator from Florida urge the House to do": his words
    counted = _COUNTED.search(q.norm)
    if kind == "count" and counted and not q.asks_of_a_letter() and not q.has(_LETTER_COUNTS):
        # "How many Christians live in North Korea?": no letter counts those.
        what = f"how many {counted.group(1).strip()}"
        return [
            Reading(
                "not_covered",
                cue + 1.0,
                f"not covered: {what}",
                lambda: uncovered.not_covered(scope, what, None),
            )
        ]
    top = context.fits[0].score if context.fits else 0.0
    candidates = [f.letter for f in context.fits if top - f.score < MARGIN] if top else []
    template = _NEEDS_LETTER[kind]
    return [
        Reading(
            "clarify",
            cue + 1.0,
            "needs a letter",
            lambda: letter_cards.clarify_letter(scope, candidates, template),
        )
    ]


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
#: Kinds asked of the signatories' list that every letter answers in turn.
_OF_EVERY_LIST = frozenset({"countries", "no_country"})


def _every_list(context: Context, kind: str, cue: float) -> Reading:
    """The countries, or the signatories without one, of every letter that names any."""
    scope = context.scope
    letters = sorted((x for x in scope.kb.letters.values() if x.signatories), key=lambda x: x.date)
    q = context.question
    answer_for: Callable[[Scope, Letter], Answer] = {
        "countries": lists.countries,
        "no_country": lists.without_country,
    }.get(kind) or (
        lambda s, x: answer_signatories(
            s, x, q.countries, region=q.region, excluding=q.countries_excluded
        )
    )
    label = {
        "countries": "countries",
        "no_country": "signatories with no country",
    }.get(kind, f"signatories from {q.region or ', '.join(q.countries)}") + ": every letter"

    def run() -> Answer:
        answers = [answer_for(scope, x) for x in letters]
        return merged(answers, scope.kb, answers[0].title, label)

    return Reading(kind, cue + 1.5, label, run)
