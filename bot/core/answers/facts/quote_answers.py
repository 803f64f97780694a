"""Quotes by one or more people, opened with the first one: speaker, role, date, words."""

from __future__ import annotations

from dataclasses import replace

from bot.core.answers.answer import Answer, AnswerBuilder, Item, cite_in, with_direct
from bot.core.answers.cards import quotes as quote_cards
from bot.core.answers.cards.people import describe_person
from bot.core.kb.corpus import KnowledgeBase
from bot.core.kb.models import Quote
from bot.core.scope import Scope


def _in_its_coverage(kb: KnowledgeBase, person_id: str, subject: str) -> list[Quote]:
    """The person's quotes in the sources of the letter `subject`, if it is a letter."""
    letter = kb.letters.get(subject)
    if letter is None:
        return []
    covering = set(letter.sources)
    return [q for q in kb.quotes_by(person_id) if covering.intersection(q.sources)]


def answer_quotes(
    scope: Scope,
    speakers: list[str],
    subject: str | None,
    group: str | None = None,
    yes_no: bool = False,
    coverage: bool = False,
) -> Answer:
    """Quotes by one or more people, only those about or mentioning `subject` if given.

    With `yes_no` ("was Rogers quoted about the Moon letter too?") one person's quotes on
    a subject open with Yes or No; with `coverage` ("quoted anywhere in the coverage of the
    2018 letter?") quotes in the letter's own sources count, whatever they are about.
    """
    kb = scope.kb
    if len(speakers) == 1 and group is None:
        card = quote_cards.quotes(scope, person=speakers[0], about=subject)
        if not card.found and subject and subject not in kb.records and " " in subject:
            # "the summit agenda": the quote may say only "agenda"; try each word alone.
            for word in sorted(subject.split(), key=len, reverse=True):
                if len(word) > 3:
                    card = quote_cards.quotes(scope, person=speakers[0], about=word)
                    if card.found:
                        break
        if not card.found and subject:
            topic = kb.name_of(subject) if subject in kb.records else subject
            nearby = _in_its_coverage(kb, speakers[0], subject)
            if nearby:
                # "was the UN rapporteur quoted in the coverage of the 2018 letter?": the
                # articles on it quote him, though about the summit rather than the letter
                card, marks = cite_in(
                    quote_cards.quotes(scope, person=speakers[0]), kb, nearby[0].sources
                )
                words = nearby[0].text if nearby[0].kind == "paraphrase" else f"“{nearby[0].text}”"
                return with_direct(
                    card,
                    ("Yes, in its coverage. " if yes_no and coverage else "")
                    + f"The sources on the {kb.letters[subject].year} letter quote "
                    f"{kb.name_of(speakers[0])}, though not about the letter itself: "
                    f"{words} {marks}",
                )
            # Say who the sources do quote on it: "did Adams comment on the 2019 letter?"
            others = (
                list(dict.fromkeys(q.speaker for q in kb.quotes_about(subject)))
                if subject in kb.records
                else []
            )
            quoted = (
                " The sources quote " + ", ".join(kb.name_of(p) for p in others) + " about it."
                if others
                else ""
            )
            card = with_direct(
                quote_cards.quotes(scope, person=speakers[0]),
                ("No. " if yes_no else "")
                + f"The sources do not quote {kb.name_of(speakers[0])} about {topic}.{quoted} "
                f"These are all {kb.name_of(speakers[0])}'s quotes.",
                None,
                (),
            )
            return card
        speaker = kb.people.get(speakers[0])
        if (
            not card.found
            and speaker is not None
            and speaker.roles
            and not kb.quotes_by(speaker.id)
        ):
            # "Is Kiri Kankhwende quoted anywhere?": no, and what the sources list her as
            listed = f"The sources list {describe_person(scope, speaker)}, with no words quoted."
            return replace(card, lead=(*card.lead, listed))
        answer = _with_quote_direct(scope, card)
        if yes_no and subject and answer.direct:
            topic = kb.name_of(subject) if subject in kb.records else subject
            said = f"Yes. The sources quote {kb.name_of(speakers[0])} about {topic}. "
            answer = with_direct(answer, said + answer.direct, None)
        return answer
    subject_id = subject if subject in kb.records else None
    builder = AnswerBuilder(
        kb,
        "quotes",
        f"Quotes by people of {group}"
        if group
        else "Quotes by " + ", ".join(kb.name_of(p) for p in speakers),
    )
    items: list[Item] = []
    for person_id in speakers:
        items += [
            quote_cards.quote_item(scope, builder, q)
            for q in kb.quotes_by(person_id)
            if subject_id is None or subject_id in q.about
        ]
    about_it = bool(items) and subject_id is not None
    if not items and subject_id is not None:
        # None is recorded as about that subject: say so, then show all their words.
        items = [
            quote_cards.quote_item(scope, builder, q)
            for person_id in speakers
            for q in kb.quotes_by(person_id)
        ]
        builder.lead.append(
            f"The sources record no quote of theirs about {kb.name_of(subject_id)}; "
            "these are all their quotes."
        )
    builder.section("Quotes", items)
    builder.lead.append(f"{len(items)} quote{'s' if len(items) != 1 else ''}.")
    builder.interpretation = builder.title.lower()
    answer = _with_quote_direct(scope, builder.build(found=bool(items)))
    if yes_no and subject_id is not None and answer.direct:
        # "was anyone from HRW quoted about the Moon letter?": Yes or No, then the words
        who = f"anyone from {group}" if group else " or ".join(kb.name_of(p) for p in speakers)
        direct = (
            f"Yes. {answer.direct}"
            if about_it
            else f"No. The sources record no quote by {who} about {kb.name_of(subject_id)}; "
            "their other quotes follow."
        )
        answer = with_direct(answer, direct, None)
    return answer


def _with_quote_direct(scope: Scope, card: Answer) -> Answer:
    """Open a quotes card with its first quote, speaker and date: of each speaker, if several.

    "What did Brad Adams and Phil Robertson say?" leads with one quote by each.
    """
    if not card.found or not card.sections:
        return card
    firsts: dict[str, Item] = {}
    for item in card.sections[0].items:
        quote = scope.kb.quotes.get(item.entity_id or "")
        firsts.setdefault(quote.speaker if quote else item.title, item)
    shown = list(firsts.values())[:_MOST_SPEAKERS_LEADING]
    direct = " ".join(f"{i.title}: {i.text.split(chr(10))[0]} {i.ref_marks()}" for i in shown)
    total = card.item_count
    if total > len(shown):
        direct += f" ({total} quotes in all, below.)"
    return with_direct(card, direct, None)


#: Speakers whose first quote leads an answer; the rest are below.
_MOST_SPEAKERS_LEADING = 2
