"""A speaker a question guesses, when the sources do not quote them saying the words.

"Did Rubio call the regime a criminal enterprise?", "… — my notes say Brad Adams": what the
guessed speaker did say, and whose words come closest, said as only the closest.
"""

from __future__ import annotations

from bot.core.answers.answer import Answer, AnswerBuilder
from bot.core.answers.cards.people import describe_person
from bot.core.answers.cards.quotes import quote_item
from bot.core.answers.facts.remembered_words import closest_sentence
from bot.core.kb.corpus import KnowledgeBase
from bot.core.kb.models import Quote
from bot.core.scope import Scope

#: Quotes shown of a guessed speaker whose quotes do not hold the words.
SHOWN_INSTEAD = 3


def quotes_of(
    kb: KnowledgeBase, ranked: list[tuple[Quote, float]], guessed: tuple[str, ...]
) -> list[Quote]:
    """The guessed speakers' quotes, those nearest the words first."""
    return [q for q, _ in ranked if q.speaker in guessed] or [
        q for p in guessed for q in kb.quotes_by(p)
    ]


def what_they_did_say(
    scope: Scope, shown: str, words: str, guessed: tuple[str, ...], said: list[Quote]
) -> Answer:
    """ "Did Adams say talks and rights should be kept apart?": not in the quotes; his are."""
    kb = scope.kb
    names = " or ".join(kb.name_of(p) for p in guessed)
    builder = AnswerBuilder(kb, "who_said", f"Did {names} say “{shown}”?")
    nearest, speaker = closest_sentence(words, said[0]), kb.name_of(said[0].speaker)
    builder.direct = f"The sources do not quote {names} saying that. " + (
        f"The closest they report, in their own paraphrase: {nearest}"
        if said[0].kind == "paraphrase"
        else f"The closest words they quote of {speaker}: “{nearest}”"
    )
    builder.direct += f" {builder.marks(said[0].sources)}"
    builder.section("What the sources quote instead", [quote_item(scope, builder, q) for q in said])
    builder.interpretation = f"did {names} say “{shown}”"
    return builder.build()


def closest_is_another(
    scope: Scope,
    shown: str,
    words: str,
    guessed: tuple[str, ...],
    said: list[Quote],
    closest: Quote,
) -> Answer:
    """ "… — my notes say Brad Adams": not his words; whose come closest, said as only that.

    `closest` is another speaker's quote sharing part of the words; `said` the guessed
    speakers' own quotes, shown after it.
    """
    kb = scope.kb
    names = " or ".join(kb.name_of(p) for p in guessed)
    builder = AnswerBuilder(kb, "who_said", f"Did {names} say “{shown}”?")
    who = describe_person(scope, kb.people[closest.speaker])
    when = f" ({closest.date[:4]})" if closest.date else ""
    builder.direct = (
        f"The sources do not quote {names} saying that. The closest words in the sources, "
        f"sharing only part of your wording, are those of {who}{when}: "
        f"“{closest_sentence(words, closest)}” {builder.marks(closest.sources)}"
    )
    builder.section("The closest quote", [quote_item(scope, builder, closest)])
    builder.section(
        f"What the sources quote of {names}", [quote_item(scope, builder, q) for q in said]
    )
    builder.interpretation = f"did {names} say “{shown}”"
    return builder.build()
