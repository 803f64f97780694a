"""Quotations with their speakers, paraphrases, and the letter's own words.

The article is read in order, keeping the last speaker it named: "he said" and "he added"
go to that speaker (flagged: inferred from a pronoun); a second quotation after an
attributed one in the same paragraph keeps its speaker; a quotation with no attribution in
a paragraph right after another speaker's quotation goes to that speaker (flagged). A
quotation nobody can be found for is not proposed but listed, so no quotation ever gets a
speaker the text does not support. Words credited to "the letter" become its excerpts.
Reported speech stays a paraphrase, never a verbatim quote.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from bot.core.drafts.document import Article
from bot.core.drafts.limits import ATTRIBUTION_REACH
from bot.core.drafts.marks import Quotation, Span, masked, quotations
from bot.core.drafts.people import PeopleBook, PersonFinding
from bot.core.drafts.speech import (
    Attribution,
    after_quote,
    before_quote,
    fragment_speaker,
    reported_speech,
    reported_via,
    sentence_subject,
)
from bot.core.drafts.text import is_person_name, sentences

#: A quoted fragment shorter than this many words is a scare quote, not a quotation.
MIN_FRAGMENT_WORDS = 3
_LETTER_CONTEXT = re.compile(
    r"\bletter\b|\b(?:urg|call)ing (?:him|her|them|on)\b|\bstate that\b", re.IGNORECASE
)
_PRONOUNS = {"he", "she", "him", "her"}


@dataclass(slots=True)
class QuoteFinding:
    """A quotation or paraphrase with its speaker and everything uncertain about it."""

    speaker: PersonFinding
    text: str
    kind: str
    paragraph: int
    via: str | None = None
    occasion: str | None = None
    flags: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Speech:
    """Everything said in the article."""

    quotes: list[QuoteFinding] = field(default_factory=list)
    #: Words credited to the letter itself, with a note on how the article quotes them.
    excerpts: list[tuple[str, str]] = field(default_factory=list)
    #: Quotations without a speaker the text supports (not proposed).
    unattributed: list[str] = field(default_factory=list)
    #: Where quotations are, so other readers can skip quoted words.
    spans: list[Span] = field(default_factory=list)


class _Reader:
    def __init__(self, article: Article, people: PeopleBook) -> None:
        self.paragraphs = [p.text for p in article.paragraphs]
        self.people = people
        self.speech = Speech()
        self.last: PersonFinding | None = None
        self.last_in_paragraph: dict[int, tuple[PersonFinding, str | None]] = {}

    def speaker(self, who: str, flags: list[str], named_only: bool = False) -> PersonFinding | None:
        if who.casefold() in _PRONOUNS:
            if self.last is None or named_only:
                return None
            flags.append(
                f"Speaker inferred from “{who}”: {self.last.name} is the last "
                "person the text quoted or named as speaking."
            )
            return self.last
        person = self.people.refer(who)
        if person is None and is_person_name(who):
            person = self.people.add(who)
        if person is None and not named_only and re.fullmatch(r"[A-Z][a-z]+", who):
            person = self.people.add(who)
            flags.append(f"Speaker known only as “{who}”: no full name in the text.")
        if person is not None:
            self.last = person
        return person

    def read(self) -> Speech:
        all_quotes = quotations(self.paragraphs)
        self.speech.spans = [s for q in all_quotes for s in q.spans]
        by_paragraph: dict[int, list[Quotation]] = {}
        for quote in all_quotes:
            by_paragraph.setdefault(quote.first.paragraph, []).append(quote)
        spans_of: dict[int, list[Span]] = {}
        for span in self.speech.spans:
            spans_of.setdefault(span.paragraph, []).append(span)
        for number, text in enumerate(self.paragraphs):
            mine = by_paragraph.get(number, [])
            spans = spans_of.get(number, [])
            events: list[tuple[int, object]] = [(q.first.start, q) for q in mine]
            parts = sentences(masked(text, spans))
            starts = sorted(s.start for s in spans)
            for index, (offset, sentence) in enumerate(parts):
                after = parts[index + 1][0] if index + 1 < len(parts) else len(text) + 1
                # A sentence holding or introducing a quotation is the quotation's business.
                holds = bisect_left(starts, offset) < bisect_left(starts, after)
                if sentence.strip() and not holds:
                    events.append((offset, sentence))
            for _, event in sorted(events, key=lambda e: e[0]):
                if isinstance(event, Quotation):
                    self.quotation(event, text)
                else:
                    self.paraphrase(str(event), number)
        return self.speech

    def quotation(self, quote: Quotation, text: str) -> None:
        first, last = quote.first, quote.last
        head = text[max(first.start - 1 - ATTRIBUTION_REACH, 0) : first.start - 1]
        tail_text = self.paragraphs[last.paragraph][
            last.outer_end : last.outer_end + ATTRIBUTION_REACH
        ]
        if self.fragment(quote, head, text):
            return
        attribution = after_quote(tail_text) or before_quote(_last_sentence(head))
        flags: list[str] = (
            []
            if quote.closed
            else [
                "The quotation is never closed in the text; it is taken to end with its paragraph."
            ]
        )
        if attribution is not None and attribution.letter:
            self.speech.excerpts.append(
                (quote.text.rstrip(","), "Quoted in the article as the letter's words.")
            )
            return
        person = None
        if attribution is not None and attribution.who:
            person = self.speaker(attribution.who, flags)
        via = attribution.via if attribution else None
        if person is None and attribution is None:
            earlier = self.last_in_paragraph.get(first.paragraph)
            before = self.last_in_paragraph.get(first.paragraph - 1)
            if earlier is not None:
                person, via = earlier
            elif before is not None and not _attributes_anyone(text):
                person, via = before[0], None
                flags.append(
                    f"No attribution in its paragraph; given to {person.name}, "
                    "quoted in the paragraph just before."
                )
        if person is None:
            self.speech.unattributed.append(quote.text[:300])
            return
        self.last = person
        self.last_in_paragraph[last.paragraph] = (person, via)
        self.speech.quotes.append(
            QuoteFinding(
                person,
                quote.text.rstrip(",").strip(),
                "verbatim",
                first.paragraph,
                via,
                attribution.occasion if attribution else None,
                flags,
            )
        )
        if attribution is not None and attribution.adding:
            self.speech.quotes.append(
                QuoteFinding(
                    person,
                    f"{person.name} added that {attribution.adding.strip()}.",
                    "paraphrase",
                    first.paragraph,
                    None,
                    attribution.occasion,
                    ["Paraphrase copied from the article; put it in your own words."]
                    + [f for f in flags if f.startswith("Speaker inferred")],
                )
            )

    def fragment(self, quote: Quotation, head: str, text: str) -> bool:
        """Handle a quoted fragment inside a sentence; False when it is a full quotation."""
        words = quote.text.split()
        lead = head.rstrip()
        full_start = (
            not lead
            or lead[-1] in '.!?:”"'
            or re.search(r"\b(?:said|says|added|told \w+|stated|wrote),$", lead)
        )
        if full_start and quote.text[:1].isupper():
            return False
        if len(words) < MIN_FRAGMENT_WORDS or len(quote.spans) > 1:
            return True
        sentence = _sentence_around(text, quote.first)
        flags: list[str] = ["A quoted fragment inside a sentence; check it stands alone."]
        who = fragment_speaker(_last_sentence(head))
        person = self.speaker(who, flags) if who else None
        if person is not None:
            self.speech.quotes.append(
                QuoteFinding(
                    person,
                    quote.text.strip(" ,"),
                    "verbatim",
                    quote.first.paragraph,
                    reported_via(sentence),
                    None,
                    flags,
                )
            )
        elif _LETTER_CONTEXT.search(sentence):
            self.speech.excerpts.append(
                (
                    quote.text.strip(" ,"),
                    "Quoted in the article as words of the letter: " + sentence[:200],
                )
            )
        return True

    def paraphrase(self, sentence: str, paragraph: int) -> None:
        found = reported_speech(sentence)
        if found is None:
            # "Tran Van Long, a spokesperson…, welcomed the letter. He said…": a person who
            # opens a sentence is who a following "he" most likely means.
            subject = sentence_subject(sentence)
            person = self.people.refer(subject) if subject else None
            if person is not None:
                self.last = person
            return
        who, _ = found
        flags = ["Paraphrase copied from the article; put it in your own words."]
        if " " not in who and who.casefold() not in _PRONOUNS and self.people.refer(who) is None:
            return
        person = self.speaker(who, flags)
        if person is None:
            return
        self.speech.quotes.append(
            QuoteFinding(
                person, " ".join(sentence.split()), "paraphrase", paragraph, None, None, flags
            )
        )


def _last_sentence(text: str) -> str:
    parts = sentences(text)
    return parts[-1][1] if parts else text


def _sentence_around(text: str, span: Span) -> str:
    """The sentence holding a quotation, read within ATTRIBUTION_REACH of it."""
    left = max(span.start - ATTRIBUTION_REACH, 0)
    window = text[left : span.end + ATTRIBUTION_REACH]
    for offset, sentence in sentences(window):
        if offset <= span.start - left < offset + len(sentence) + 1:
            return sentence
    return window


def _attributes_anyone(text: str) -> bool:
    return bool(re.search(r"\b(?:said|says|added|told|quoted|according to)\b", text))


def find_speech(article: Article, people: PeopleBook) -> Speech:
    """Every quotation, paraphrase and letter excerpt in the article, in order."""
    return _Reader(article, people).read()


def quoted_spans(speech: Speech) -> list[tuple[int, int, int]]:
    """(paragraph, start, end) of every quotation, marks included."""
    return [(s.paragraph, max(s.start - 1, 0), s.outer_end) for s in speech.spans]


__all__ = ["Attribution", "QuoteFinding", "Speech", "find_speech", "quoted_spans"]
