"""The /ask reader: answer a free-text question by its best-scoring reading.

The question's evidence is read once (`question`), every plausible reading is scored from
it (`readings`), and the best is answered, showing the reading it chose ("Understood as").
Two readings that score alike ask which one was meant; a question the knowledge base does
not cover says so plainly.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.core.answers import each_letter, polarity, two_questions
from bot.core.answers.answer import Answer, adopt_citations, not_found, renumbered
from bot.core.answers.facts import premises, topic_match, uncovered
from bot.core.answers.facts.stated import stated, stated_answer
from bot.core.answers.reader import off_topic
from bot.core.answers.reader.carried_context import YEAR, with_context_of
from bot.core.answers.reader.corrections import corrected
from bot.core.answers.reader.described_letter import asked_of
from bot.core.answers.reader.message_parts import best_part
from bot.core.answers.reader.plain_question import plain_question
from bot.core.answers.reader.question import Question, read_question
from bot.core.answers.reader.readings import Reading, readings
from bot.core.scope import Scope
from bot.core.search.names import normalize

EXAMPLES = (
    "Who signed the 2018 letter to Kim Jong Un?",
    "What did the UN special rapporteur say?",
    "What did the 2012 open letter call for?",
    "Which letters did HRW sign?",
)

#: A second question that points back at a letter ("who said what about that letter").
_THAT_LETTER = re.compile(r"\b(?:that|this|the|same) (?:letter|one|appeal)\b")
#: Two readings closer than this, of different kinds, are a real ambiguity.
CLOSE = 0.25
#: Up to this many words without a question mark are keywords to search for.
_KEYWORDS = 4
#: Below this a reading is a guess, not an understanding: full-text search answers instead.
WEAK = 2.0


def ask(scope: Scope, question: str) -> Answer:
    """Answer a free-text question, or say plainly that the knowledge base does not cover it."""
    text = " ".join(question.split())[: scope.max_query_length]
    text = whole = corrected(scope, plain_question(text))
    if not normalize(text):
        return not_found(
            "ask", "Ask a question about a campaign letter, a signatory or a quote.", EXAMPLES
        )
    message = normalize(text)
    text, parsed, ranked, to_the_point = best_part(scope, text)
    if to_the_point:
        whole = text  # the chat before a long message's point is no context to it
    described = asked_of(scope, whole, ranked[0], two_questions.UNDERSTOOD)
    text, parsed, ranked = described or (text, parsed, ranked)
    best = ranked[0]
    unknown = off_topic.unknown_place(scope, parsed, best)
    if unknown is not None:
        return not_found(
            "ask",
            f"The knowledge base does not cover {unknown}: it holds joint letters to leaders on "
            "human rights in North Korea, who signed them, what they demanded, and what "
            "officials and campaigners said.",
            EXAMPLES[:2],
            interpretation=f"{unknown} (not in the knowledge base)",
        )
    if off_topic.RECOMMENDATION.search(parsed.norm) or (
        text == whole and off_topic.off_topic(scope, parsed, best)  # a part leaves out the context
    ):
        return not_found(
            "ask",
            "The knowledge base does not cover that: it holds joint letters to leaders on "
            "human rights in North Korea, who signed them, what they demanded, and what "
            "officials and campaigners said.",
            EXAMPLES[:2],
            interpretation="a question the knowledge base does not cover",
        )
    if (
        best.kind == "clarify"
        or (best.kind in each_letter.ONE_LETTER_KINDS and best.subject in scope.kb.letters)
        # "recipients 2012 vs 2018 vs 2019": a comparison takes two; three are each asked
        or (best.kind == "compare" and len(set(parsed.years)) > 2 and not parsed.has(_ASKS_AGAIN))
    ):
        # "What did the 2018 and 2019 letters demand?", "who from HRW was quoted about the
        # 2018 and 2019 letters?": each letter in turn, not only the one read first.
        questions = each_letter.per_letter(scope.kb, text, parsed.years)
        each = each_letter.answer_each(scope.kb, questions, lambda q: _best_reading(scope, q))
        if each is not None:
            return each
    if best.score < WEAK:
        return _search(scope, text)
    rival = _rival(ranked)
    if rival is not None and rival.subject is not None and rival.subject == best.subject:
        return _both(scope, best, rival)  # two questions about one letter: answer both
    # "which org was from Thailand, and which one from Indonesia?": one list, two countries
    one_list = best.kind == "signatories" and len(parsed.countries) >= 2
    both = _two_questions(scope, text, whole, ranked) if rival is None and not one_list else None
    if both is not None:
        return both  # "Who coordinated the 2018 letter, and who the letter to Moon?"
    second = _second_question(parsed, ranked)
    if rival is None and second is not None:
        return _both(scope, best, second)  # "who was that contact, and what year was the letter?"
    if rival is not None:
        return not_found(
            "ask",
            f"Did you mean “{best.label}” or “{rival.label}”?",
            [best.label, rival.label],
            interpretation="two readings fit equally",
        )
    answer = best.run()
    shown = best.label
    # Only names the reading used: "which organisations are coalitions" lists a kind, it
    # did not read "coalitions" as the coalition.
    corrections = [
        f"“{m.surface}” as {scope.names.display(m.entity_id)}"
        for m in parsed.corrected()
        if m.kind in ("person", "organization")
        and (m.entity_id == best.subject or scope.kb.name_of(m.entity_id) in best.label)
    ]
    if corrections:
        shown += " (read " + ", ".join(dict.fromkeys(corrections)) + ")"
    if answer.kind == "search" and not answer.found:
        return _search(scope, text)
    note = premises.wrong_recipient(
        scope.kb, parsed.norm.split(), list(parsed.mentions), best.subject or ""
    )
    if note is not None and answer.kind != "recipient":  # a recipient answer says it already
        answer = premises.with_note(answer, note)
    later = uncovered.later_than_sources(scope, parsed.norm, parsed.years)
    # "did the Singapore summit come after the 2018 letter?": an event named, compared
    compared = answer.kind == "compare" and bool(parsed.ids("event"))
    if later is not None and answer.kind != "not_covered" and not compared:
        answer = uncovered.as_of_sources(scope, answer, later)
    return replace(polarity.as_asked(parsed.norm, answer, message), interpretation=shown)


def _two_questions(scope: Scope, text: str, whole: str, ranked: list[Reading]) -> Answer | None:
    """Both questions of a message that asks two, each read on its own; else None.

    The message's letter is that of its best reading about a letter ("the letter where HRW's
    Bangkok contact was listed — who was that contact, and what year was the letter?").
    """
    parts = two_questions.split(text) or two_questions.split(whole)
    if not parts:
        return None
    best = next((r for r in ranked if r.subject in scope.kb.letters), ranked[0])
    # "… the 2012 letter? and was there anything from Brazil": a second part that names
    # nothing goes on about what the first named, and stays with the message's letter.
    names = read_question(scope, parts[1]).mentions
    parts = [with_context_of(whole, parts[0]), with_context_of(whole, parts[1], not names)]
    letter = scope.kb.letters.get(best.subject or "")
    if (
        letter is not None
        and not names
        and _THAT_LETTER.search(parts[1])
        and not YEAR.search(parts[1])
    ):
        # "any signers from Belgium, and who said what about that letter": the letter the
        # message was read as asking about, though it never dated it
        parts[1] = f"{parts[1].rstrip(' ?')} ({letter.year} letter)?"
    return two_questions.answer_both(
        scope.kb, parts, lambda q: _best_reading(scope, q), None if names else best.subject
    )


def _best_reading(scope: Scope, text: str) -> Reading:
    """The best reading of a text read on its own (a part of a message, one letter's question)."""
    return readings(scope, read_question(scope, text))[0]


def _both(scope: Scope, first: Reading, second: Reading) -> Answer:
    """One answer to two questions about the same letter: both direct answers, one card.

    The second direct answer's citation marks are renumbered into the card's numbering.
    """
    answer, other = first.run(), second.run()
    if not (answer.direct and other.direct):
        return replace(answer, interpretation=f"{first.label}; {second.label}")
    answer, renumber = adopt_citations(answer, scope.kb, other)
    combined = f"{answer.direct} {renumbered(other.direct, renumber)}"
    lead = (combined, *answer.lead[1:]) if answer.direct else (combined, *answer.lead)
    return replace(
        answer, direct=combined, lead=lead, interpretation=f"{first.label}; {second.label}"
    )


def _second_question(question: Question, ranked: list[Reading]) -> Reading | None:
    """The reading of a second question asked in the same sentence, if there is one.

    "Who was that contact, and what year was the letter?": two asking words joined by
    "and", and a reading of another kind that answers in a sentence, nearly as good.
    """
    best = ranked[0]
    if not question.has(_AND_ASKS) or best.kind not in _ONE_SENTENCE_KINDS:
        return None
    named = {m.entity_id for m in question.mentions}
    return next(
        (
            r
            for r in ranked[1:]
            if best.score - r.score <= _SECOND_WITHIN
            and r.kind != best.kind
            and r.kind in _ONE_SENTENCE_KINDS
            # "… the exact day it was signed and who signed it?": of the declaration named,
            # not of a letter only guessed at
            and (
                r.subject in (None, best.subject)
                or r.subject in named
                or question.asks_of_a_letter()
            )
        ),
        None,
    )


#: "…, and what year was it", "and who signed": a second question joined to the first.
_AND_ASKS = re.compile(
    r"\b(?:and|also|plus) (?:also )?(?:what|who|whom|when|which|where|why|how (?:many|much|long))\b"
)
#: A second reading this close to the best answers the second question.
_SECOND_WITHIN = 2.0
#: Kinds whose answer opens with one or two sentences that can stand beside another's.
_ONE_SENTENCE_KINDS = frozenset(
    {
        "date",
        "recipient",
        "sender",
        "count",
        "person",
        "purpose",
        "who_said",
        "yes_no",
        "signed",
        "signatories",
        "demands",
        "abuses",
        "topic",
        "quotes",
        "event",
    }
)


def _rival(ranked: list[Reading]) -> Reading | None:
    """Another reading of the same kind about something else, as good as the best.

    Two kinds of answer scoring alike are settled by which kind is the more specific (see
    `readings.PRIORITY`); asking is kept for real ambiguity: the same question about two
    different people, letters or events ("quotes by Brad Adams" or "by Phil Robertson").
    """
    best = ranked[0]
    for other in ranked[1:]:
        if best.score - other.score > CLOSE:
            return None
        if (
            other.kind == best.kind
            and None not in (other.subject, best.subject)
            and other.subject != best.subject
        ):
            return other
    return None


#: "…, and which person spoke on both …": a second question, with letters of its own.
_ASKS_AGAIN = re.compile(r"\b(?:and|but|also) (?:which|who|whom|what|when|how)\b")


def _search(scope: Scope, text: str) -> Answer:
    from bot.core.answers.kinds import search

    result = topic_match.led_by_statements(scope.kb, search(scope, text), text)
    said = stated(scope.kb, text)
    if said is not None:
        # "Is North Korea a party to human rights treaties?": a sentence of the record says so
        return stated_answer(scope.kb, text, said, result)
    if result.found:
        # No reading understood the question: say so first, then show the closest passages
        # (a few keywords are a search, not a question).
        keywords = "?" not in text and len(text.split()) <= _KEYWORDS
        direct = (
            f"Passages in the knowledge base that match “{text}”:"
            if keywords
            else "The knowledge base does not cover this question directly; "
            "these are the passages that best match its words."
        )
        return replace(result, direct=direct, lead=(direct, *result.lead))
    return not_found(
        "ask",
        "The knowledge base does not cover this question. It knows about joint letters to "
        "leaders on human rights in North Korea: who signed them, what they demanded, and "
        "what officials and campaigners said.",
        [*result.suggestions, *EXAMPLES[:2]],
        interpretation=f"search for {text[:80]}",
    )
