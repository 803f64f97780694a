"""Quotations and their speakers: every shape of attribution, and what is never guessed."""

from __future__ import annotations

from bot.core.drafts.document import read_document
from bot.core.drafts.marks import quotations
from bot.core.drafts.orgs import OrgBook
from bot.core.drafts.people import PeopleBook, find_people
from bot.core.drafts.quotes import Speech, find_speech

LEAD = (
    "Forty organisations today sent a joint letter to President Jane Roe urging her to "
    "free every political prisoner held in the country's jails.\n\n"
)


def speech_of(text: str) -> Speech:
    article = read_document((LEAD + text).encode(), "a.txt")
    people = PeopleBook()
    find_people(article, OrgBook(article.text), people)
    return find_speech(article, people)


def said(speech: Speech) -> list[tuple[str, str, str]]:
    return [(q.speaker.name, q.text, q.kind) for q in speech.quotes]


def test_said_name_after_the_quote() -> None:
    """“…,” said Name, role. — the quote without its trailing comma."""
    speech = speech_of("“Prisons are full,” said Ana Lopez, director at Example Rights.")
    assert said(speech) == [("Ana Lopez", "Prisons are full", "verbatim")]
    assert speech.quotes[0].flags == []


def test_name_said_after_the_quote_and_a_second_quote_in_the_paragraph() -> None:
    """“…,” Lopez said. “…” — the surname refers back; the next quote keeps the speaker."""
    speech = speech_of(
        "Ana Lopez, director at Example Rights, spoke in Geneva.\n\n"
        '“Free them now,” Lopez said. "We will keep counting."'
    )
    assert said(speech) == [
        ("Ana Lopez", "Free them now", "verbatim"),
        ("Ana Lopez", "We will keep counting.", "verbatim"),
    ]


def test_name_said_colon_before_the_quote() -> None:
    """Name, role, said: "…" with mixed straight and curly marks."""
    speech = speech_of('Ana Lopez, director at Example Rights, said: "Free them all now.”')
    assert said(speech) == [("Ana Lopez", "Free them all now.", "verbatim")]


def test_he_added_goes_to_the_last_named_speaker_and_is_flagged() -> None:
    """A pronoun never names anyone by itself: the inference is flagged."""
    speech = speech_of(
        "“Free them,” said Ana Lopez, director at Example Rights.\n\n"
        "“The world is watching,” he added."
    )
    assert said(speech)[1] == ("Ana Lopez", "The world is watching", "verbatim")
    assert "inferred from “he”" in speech.quotes[1].flags[0]


def test_a_person_who_opens_a_sentence_is_who_he_means() -> None:
    """ "Tom Berg, a spokesperson, welcomed it. He said “…”" goes to Berg, not to Lopez."""
    speech = speech_of(
        "“Free them,” said Ana Lopez, director at Example Rights.\n\n"
        "Tom Berg, a spokesperson for Free Voices, welcomed the letter. "
        "He said the minister should “listen to the families of the jailed”."
    )
    assert said(speech)[-1] == ("Tom Berg", "listen to the families of the jailed", "verbatim")
    assert any("inferred" in flag for flag in speech.quotes[-1].flags)


def test_a_quote_split_over_two_paragraphs_stays_one_quote() -> None:
    """An opening mark left open, and the next paragraph opening with a mark: one quote."""
    speech = speech_of(
        "“We will not stop until every prisoner walks free,” said Ana Lopez, "
        "director at Example Rights. “Their families have waited.\n\n"
        "“They will not wait any longer.”"
    )
    texts = [q.text for q in speech.quotes]
    assert "Their families have waited. They will not wait any longer." in texts
    assert len(texts) == 2


def test_quotations_joins_paragraphs_only_when_the_next_one_opens_with_a_mark() -> None:
    """An unclosed quote before a plain paragraph ends with its paragraph."""
    found = quotations(["He said: “It goes on", "Plain words follow."])
    assert [(q.text, q.closed) for q in found] == [("It goes on", False)]


def test_an_unclosed_quote_is_flagged() -> None:
    """A quote whose closing mark is missing says so."""
    speech = speech_of("“Free them,” said Ana Lopez, director at Example Rights. “And more")
    assert "never closed" in speech.quotes[-1].flags[0]


def test_outlet_quoted_him_as_saying() -> None:
    """“…,” Reuters quoted him as saying — via Reuters, speaker inferred and flagged."""
    speech = speech_of(
        "Ana Lopez, the UN special rapporteur on prisons, called on Monday for "
        "an inquiry.\n\n“It is very important,” Reuters quoted him as saying."
    )
    quote = speech.quotes[-1]
    assert (quote.speaker.name, quote.via) == ("Ana Lopez", "Reuters")
    assert any("inferred" in flag for flag in quote.flags)


def test_reported_speech_stays_a_paraphrase() -> None:
    """No quotation marks: a paraphrase, never a verbatim quote."""
    speech = speech_of("Ana Lopez, director at Example Rights, said the prisons were full.")
    assert said(speech) == [
        (
            "Ana Lopez",
            "Ana Lopez, director at Example Rights, said the prisons were full.",
            "paraphrase",
        )
    ]


def test_a_quote_with_no_attribution_is_not_proposed() -> None:
    """“…,” one reporter told the agency — nobody named: listed, never guessed."""
    speech = speech_of(
        "“We stand with them,” one reporter, who asked not to be named, told the news agency."
    )
    assert speech.quotes == []
    assert speech.unattributed == ["We stand with them,"]


def test_the_letters_own_words_are_excerpts() -> None:
    """“…,” the letter said — an excerpt of the letter, not anybody's quote."""
    speech = speech_of("“We urge you to act without delay,” the letter said.")
    assert speech.quotes == []
    assert speech.excerpts[0][0] == "We urge you to act without delay"


def test_scare_quotes_are_ignored() -> None:
    """Two quoted words inside a sentence are nobody's quotation."""
    speech = speech_of("The minister called the letter “foreign interference” on Monday.")
    assert speech.quotes == [] and speech.excerpts == []
