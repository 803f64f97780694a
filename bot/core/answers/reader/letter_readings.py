"""Readings about one letter: who signed, how many, what it asked, to whom, when and why."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.core.answers.answer import Answer
from bot.core.answers.cards import letters as letter_cards
from bot.core.answers.cards import quotes as quote_cards
from bot.core.answers.facts import coverage, letter_wording, lists
from bot.core.answers.facts import letter_facts as facts
from bot.core.answers.facts.openers import answer_demands, answer_signatories
from bot.core.answers.reader.clarify import NOT_TO
from bot.core.answers.reader.context import (
    ARTICLE,
    COUNTABLE,
    HOW_MANY,
    LETTER_CARD,
    NAMED_OR_DATED,
    SUBJECT_FIT,
    Context,
    Reading,
    letter_fit,
    only_guessed,
)
from bot.core.answers.reader.countries import is_signer_country, where_label
from bot.core.answers.reader.country_filters import GROUPS_THEN_COUNTRIES
from bot.core.answers.reader.descriptors import claimed_recipients, claimed_sender
from bot.core.answers.reader.phrases import WHAT_WAS_SAID, about_phrase, names_a_topic
from bot.core.answers.reader.question import Question
from bot.core.answers.reader.statement_readings import figure_and_phrase_readings, said_readings
from bot.core.kb.models import Letter

#: Outlets a source mentions or credits, not the ones that published it.
_NAMED_IN_SOURCES = re.compile(r"\b(?:mention\w*|credit\w*|cite\w*|named)\b")
#: "The letter ICC co-signed went to?", "…was sent to whom?": the recipient is what is asked.
_ASKS_TO_WHOM = re.compile(r"\bto(?: right)?\s*$|\bto whom\b|\bwhom\b")


def letter_readings(context: Context) -> list[Reading]:
    """Every kind of answer about the one letter the question points at."""
    letter, scope, q = context.letter, context.scope, context.question
    if letter is None:
        return []
    fit = letter_fit(context)
    title = letter.title
    yes_no = bool(context.cue("yes_no"))
    # "Who from HRW was quoted on it?": only that organisation's people.
    speakers_org = _who_from(q) if context.cue("quoted_about") else None
    # "Was Adams one of the people quoted about it?": whether he is, first.
    asked = context.people[0] if context.cue("yes_no") and context.people else None
    countries = tuple(c for c in q.countries if is_signer_country(scope, c))
    country = countries[0] if countries else None
    excluded = q.countries_excluded
    # "the one to Moon", "why were people mad at Moon": the person named is the one the
    # letter went to, which makes the letter, not the person, the subject
    person_is_subject = (
        bool(context.people)
        and " letter" not in q.norm
        and (bool(context.events) or set(context.people) != {letter.recipient})
    )

    # "what did the team leader at the UK-based Christian group say": someone's words, not
    # the signers from a country
    words_asked = bool(context.people) and bool(context.cue("quotes"))
    # "was there any organisation from Bangladesh, and what was it called?": its signers
    groups_from = (
        2.0
        if country and q.has(_SIGNER_NOUN) and not (context.orgs or excluded or q.region)
        else 0.0
    )

    def signers() -> Answer:
        """Who signed, from the countries asked about, if any."""
        return answer_signatories(scope, letter, countries, False, q.region, excluded, yes_no)

    out = [
        Reading(
            "signatories",
            context.cue("signatories") + fit + groups_from,
            f"who signed → {title}" + (f", {where_label(q, countries)}" if country else ""),
            signers,
        ),
        Reading(
            "count",
            context.cue("count") + fit + groups_from + (1.0 if q.has(COUNTABLE) else -2.5)
            if context.cue("count")
            else 0.0,
            f"how many → {title}",
            lambda: (
                signers()
                if country
                # "how many co-signers, and from how many countries?": every count it reports
                else facts.count(
                    scope,
                    letter,
                    "countries"
                    if q.has(_COUNTRIES) and q.norm.count(" how many ") < 2
                    else "signers",
                )
            ),
        ),
        Reading(
            "demands",
            # "what did Ha Tae Keung urge Kim to do": what Ha said, not the letter's demands
            context.cue("demands") + fit - (2.0 if _speaker_asks(q, letter) else 0.0),
            f"demands → {title}",
            lambda: answer_demands(scope, letter, abuses=False),
        ),
        Reading(
            "letter_says",
            context.cue("letter_says") + fit - (3.0 if about_phrase(q) else 0.0),
            f"what it says → {title}",
            lambda: answer_demands(scope, letter, abuses=False),
        ),
        Reading(
            "abuses",
            context.cue("abuses") + fit - 0.5,
            f"abuses cited → {title}",
            lambda: answer_demands(scope, letter, abuses=True),
        ),
        Reading(
            "recipient",
            context.cue("recipient")
            + fit
            # "Did CSW sign the letters addressed to Kim?", "which of the letters were sent
            # to Kim?", "which letter wasn't sent to Kim?": the recipient describes the
            # letters asked about.
            - (
                4.0
                if (context.orgs and context.cue("signed") and not q.has(_ASKS_TO_WHOM))
                or q.has(_PLURAL_LETTERS)
                or q.has(NOT_TO)
                else 0.0
            ),
            f"recipient → {title}",
            lambda: facts.recipient(scope, letter),
        ),
        Reading(
            "sender",
            context.cue("sender") + fit - (4.0 if q.has(ARTICLE) else 0.0),
            f"organiser → {title}",
            # "was the 2018 letter coordinated by ICNK?": whether that one did, first
            lambda: facts.sender(
                scope, letter, claimed_sender(scope.kb, q.norm, q.mentions) if yes_no else None
            ),
        ),
        Reading(
            "date",
            context.cue("date") + fit - (2.0 if context.events and not q.ids("letter") else 0.0),
            f"date → {title}",
            lambda: facts.date(scope, letter),
        ),
        Reading(
            "purpose",
            context.cue("purpose")
            + fit
            # "why were people mad at Moon": the one the letter went to asks why it was sent
            - (3.0 if person_is_subject else 0.0),
            f"why → {title}",
            lambda: facts.purpose(scope, letter),
        ),
        Reading(
            "letter",
            # "what's the latest on the camps in Xinjiang": a letter only guessed from a word
            # of its text is no subject to profile
            context.cue("profile") + fit - 1.0 - (3.0 if only_guessed(context) else 0.0),
            f"{LETTER_CARD}{title}",
            lambda: letter_cards.letter(scope, letter.id),
        ),
        Reading(
            "countries",
            context.cue("countries")
            + fit
            - (3.0 if q.has(HOW_MANY) and letter.reported_counts else 0.0)
            # "HRW - where are they based?" asks where HRW is, not its letter's signers'.
            - (2.0 if context.orgs and not _letter_named(q) else 0.0)
            # "which European groups signed, and from which countries?": the region's
            # signers, each with its country, not every country
            - (3.0 if q.region and GROUPS_THEN_COUNTRIES.search(q.norm) else 0.0),
            f"countries → {title}",
            lambda: lists.countries(scope, letter, regions_first=" region" in q.norm),
        ),
        Reading(
            "no_country",
            context.cue("no_country") + fit,
            f"no country → {title}",
            lambda: lists.without_country(scope, letter),
        ),
        Reading(
            "quoted_about",
            # "what was said about prison camps": a topic that only led to the letter
            context.cue("quoted_about") + fit - (3.0 if _topic_led(context) else 0.0),
            f"who was quoted → {title}"
            + (f", from {scope.kb.name_of(speakers_org)}" if speakers_org else ""),
            lambda: lists.quoted_about(scope, letter.id, speakers_org, asked),
        ),
    ]
    out += [
        Reading(
            "identify",
            # "Which letters…" lists them; "which letter was NOT sent to Kim" is no fit.
            0.0
            if q.has(NOT_TO)
            else context.cue("identify")
            + fit
            - (4.0 if q.has(_PLURAL_LETTERS) else 0.0)
            # "which org was from Thailand, and which one from Indonesia?": which group
            - (4.0 if q.countries and q.has(_WHICH_ONE) and not q.has(_WHICH_LETTER) else 0.0),
            f"which letter → {title}",
            lambda: facts.identify(scope, letter, q.text),
        ),
        Reading(
            "closing",
            context.cue("closing") + fit,
            f"how {title} ended",
            lambda: letter_wording.closing(scope, letter),
        ),
    ]
    if context.cue("reported_by") and not context.people and not q.has(_NAMED_IN_SOURCES):
        # "Which outlet reports the 76 co-signers figure?": the letter's sources.
        out.append(
            Reading(
                "sources",
                context.cue("reported_by") + fit + 1.0,
                f"who reported {title}",
                lambda: coverage.reported_in(scope, letter, q.numbers),
            )
        )
    if context.cue("article") and context.cue("date") and not context.events:
        publisher = context.orgs[0] if context.orgs else None
        out.append(
            Reading(
                "date",
                context.cue("date") + fit + 2.0,
                f"when the sources on {title} were published",
                lambda: facts.source_dates(scope, letter, publisher),
            )
        )
    if context.cue("exact_day") and len(letter.date) < 10:
        out.append(
            Reading(
                "date",
                context.cue("exact_day") + fit + 2.0,
                f"the exact day of {title} (not in the sources)",
                lambda: facts.date(scope, letter, day_asked=True),
            )
        )
    # "Was the Moon letter sent to Kim as well?": Kim is claimed, Moon names the letter.
    to_check = claimed_recipients(q.norm.split(), list(q.mentions), len(q.years) + len(q.numbers))
    # named, or described ("did any letter go to the South Korean president?")
    named_or_described = q.ids("person") or context.people
    claimed = list(to_check) or [p for p in named_or_described if p != letter.coordinator]
    if (
        (not context.orgs or to_check)  # "did CSW sign the letters addressed to Kim?": CSW
        and not q.has(_PLURAL_LETTERS)
        and not q.has(_WHICH_LETTER)  # "which letter wasn't addressed to Kim" lists the others
        and context.cue("recipient_claim")
        and (context.cue("yes_no") or context.cue("recipient"))
        and claimed
    ):
        person = scope.kb.people[claimed[0]]
        claimed_yes_no = context.cue("yes_no") and not q.has(_ONE_OR_OTHER)
        out.append(
            Reading(
                "recipient",
                # over "whom it went to" when asked yes or no
                context.cue("recipient_claim") + fit + 4.0 + (0.5 if claimed_yes_no else 0.0),
                f"was {title} sent to {person.name}",
                lambda: facts.recipient(scope, letter, claimed=person),
            )
        )
    out += said_readings(context, letter, fit)
    out = [r for r in out if r.score > fit + _NO_CUE]
    dated = [f for f in context.fits if f.score >= NAMED_OR_DATED]
    if len(dated) >= 2 and context.cue("compare"):
        # Two letters named and a comparison asked: not a question about one of them.
        out = [replace(r, score=r.score - 3.0) for r in out]
    out = [replace(r, subject=letter.id) for r in out]
    if person_is_subject:
        # "Why did Yun not want…", "Robertson's job in 2019": the person is the subject;
        # the letter is only an echo of a name or a year.
        out = [replace(r, score=r.score - 2.0) for r in out]
    if fit > SUBJECT_FIT and not person_is_subject:
        # a letter named or dated and nothing else asked: its card
        out.append(
            Reading(
                "letter",
                fit + 0.5,
                f"{LETTER_CARD}{title}",
                lambda: letter_cards.letter(scope, letter.id),
            )
        )
    if country and not words_asked:
        out.append(
            Reading(
                "signatories",
                fit + 3.0 + context.cue("signatories") / 2,
                f"who signed → {title}, {where_label(q, countries)}",
                signers,
            )
        )
    # "list every person quoted about the 2018 letter": the quoted, not the signers
    others = context.cue("other_signers")
    if (
        others > context.cue("quoted_about")
        and letter.list_is_partial
        and not context.cue("count")  # "plus how many other organisations?" is a count
        # a list the sources count only in parts ("3 … and 40 other …"): asked for plainly
        and (letter.signers_reported is not None or others >= 6)
    ):
        out.append(
            Reading(
                "not_covered",
                context.cue("other_signers") + fit + 1.0,
                f"the full list of signers of {title} (not in the sources)",
                lambda: answer_signatories(scope, letter, (), full_list=True),
            )
        )
    out += figure_and_phrase_readings(context, letter, fit)
    if context.cue("quotes") and not context.people and not context.orgs:
        out.append(
            Reading(
                "quotes",
                context.cue("quotes") + fit - 0.5,
                f"quotes about → {title}",
                lambda: quote_cards.quotes(scope, about=letter.id),
            )
        )
    return out


#: A reading whose cue adds less than this over its subject's fit was not asked for.
_NO_CUE = 0.6

_COUNTRIES = re.compile(r"\bcountries\b|\bnations\b")


_PLURAL_LETTERS = re.compile(r"\bletters\b|\bboth\b")
_SIGNER_NOUN = re.compile(r"\b(?:organi[sz]ations?|groups?|orgs?|ngos?|signator\w*|signers?)\b")
_WHICH_ONE = re.compile(r"\b(?:which|what) one\b")
_WHICH_LETTER = re.compile(r"\b(?:which|what) (?:letter|appeal|campaign)\b")


def _speaker_asks(question: Question, letter: Letter) -> bool:
    """Whether a person other than the letter's recipient is the one who asks or urges."""
    tokens = question.norm.split()
    named_asks = any(
        m.kind == "person"
        and m.entity_id != letter.recipient
        and m.end < len(tokens)
        and tokens[m.end] in _ASKING
        for m in question.mentions
    )
    # "HRW's Asia deputy director in 2019 - what did he want Moon to do?"
    return named_asks or (
        any(p != letter.recipient for p in question.people()) and question.has(_HE_ASKS)
    )


_HE_ASKS = re.compile(r"\b(?:did|does|do) (?:he|she|they) (?:want|urge|ask|tell|demand|push)\b")
#: Verbs whose subject asks something of someone: "Ha urged Kim to …".
_ASKING = frozenset("urge urged urges ask asked asks demand demanded demands want wanted".split())


def _who_from(question: Question) -> str | None:
    """The organisation in "who from HRW…", "anyone at CSW…": whose people are asked for."""
    tokens = question.norm.split()
    for mention in question.mentions:
        before = tokens[max(mention.start - 2, 0) : mention.start]
        if mention.kind == "organization" and before[-1:] in (["from"], ["at"], ["of"]):
            if set(before[:1]) & {"who", "anyone", "anybody", "someone", "people", "from"}:
                return mention.entity_id
    return None


#: "was it to Trump or to Kim?": a choice, not a claim ("…, true or false?", "or not").
_ONE_OR_OTHER = re.compile(r"\bor (?!false\b|not\b|no\b)")


def _letter_named(q: Question) -> bool:
    """Whether the question speaks of a letter, not only of an organisation."""
    return bool(q.years or q.numbers or _A_LETTER.search(q.norm))


_A_LETTER = re.compile(r"\b(?:letter|letters|one|appeal)\b")
_WHICH_LETTER = re.compile(r"^ (?:which|what) (?:\w+ )?(?:letter|one|appeal)s?\b")


def _topic_led(context: Context) -> bool:
    """Whether the letter was found only through the words of a topic the question names.

    Or the question asks what was said, not who said it ("what was said about X?").
    """
    if context.question.has(WHAT_WAS_SAID):
        return True
    phrase = about_phrase(context.question)
    return only_guessed(context) and phrase is not None and names_a_topic(phrase)
