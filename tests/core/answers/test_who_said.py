"""Words → speaker: the right mouth, or a plain "no quote matches"."""

from __future__ import annotations

import pytest

from bot.core.answers.ask import ask
from bot.core.answers.facts.who_said import who_said
from bot.core.scope import Scope


@pytest.mark.parametrize(
    ("question", "speaker"),
    [
        ("who said north korea is the world's biggest open prison?", "Brad Adams"),
        ("Who said “I don't think that there is a dilemma here”?", "Tomas Ojea Quintana"),
        ("who warned it would be a mistake to overload the agenda", "Joseph Yun"),
        (
            "who said human rights shouldn't be sacrificed for peace on the peninsula",
            "Benedict Rogers",
        ),
        (
            "who called it America's moral responsibility to hold the regime accountable",
            "Marco Rubio",
        ),
    ],
)
def test_words_find_their_speaker(scope: Scope, question: str, speaker: str) -> None:
    """The direct answer names the speaker of the matching quote."""
    answer = ask(scope, question)
    assert answer.kind == "who_said", answer.interpretation
    assert answer.direct is not None and answer.direct.startswith(speaker), answer.direct


def test_a_name_inside_the_words_is_not_the_speaker(scope: Scope) -> None:
    """Words said about Kim, by Brad Adams, are never put in Kim's mouth."""
    answer = ask(scope, "who said Kim presides over the most repressive system in the world")
    assert answer.direct is not None and answer.direct.startswith("Brad Adams")


def test_a_paraphrase_is_marked_as_such(scope: Scope) -> None:
    """A match on a paraphrase says the source paraphrased."""
    answer = ask(scope, "who said trump did not bring up human rights with kim yong chol")
    assert answer.direct is not None and "paraphrased" in answer.direct


def test_unknown_words_name_nobody(scope: Scope) -> None:
    """Words no quote holds get "no quote matches", not the nearest speaker."""
    answer = who_said(scope, "who said the moon is made of green cheese")
    assert not answer.found
    assert "No quote" in answer.lead[0]


def test_words_of_a_letter_name_the_letter_not_a_person(scope: Scope) -> None:
    """A letter's own line is nobody's quote: the answer names the letter and its words."""
    answer = who_said(scope, "who wrote '70 years of abuses'", "70 years of abuses")
    assert answer.found and answer.direct is not None
    assert answer.direct.startswith("No person is quoted saying that")
    assert "2018 letter" in answer.direct and "70 years of rights abuses" in answer.direct
    assert answer.sources  # the passage is cited


def test_a_letter_line_needs_every_distinctive_word(scope: Scope) -> None:
    """Words only partly in a letter's passage still get "no quote matches"."""
    answer = who_said(scope, "who said 70 years of cheese", "70 years of cheese")
    assert not answer.found


@pytest.mark.parametrize(
    ("question", "speaker", "words_said"),
    [
        # Alike letter for letter ("human rights are raised"), but the claim is not Quintana's.
        ("who said human rights are overrated", "Tomas Ojea Quintana", "human rights are raised"),
        # One word remembered differently: the closest match, with the words actually said.
        ("Who warned it would be wrong to 'overcrowd the agenda'?", "Joseph Yun", "overload"),
    ],
)
def test_a_fragment_that_differs_by_a_word_is_only_the_closest(
    scope: Scope, question: str, speaker: str, words_said: str
) -> None:
    """The answer says no quote says exactly that, and shows what the closest speaker said."""
    answer = ask(scope, question)
    assert answer.direct is not None
    assert answer.direct.startswith("No quote says exactly that."), answer.direct
    assert speaker in answer.direct and words_said in answer.direct
    assert " said it" not in answer.direct


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        # Quoted words given to the wrong person: the right one is named instead.
        (
            "I have 'Kim Jong Un is trying to become an international statesman' attributed "
            "to Benedict Rogers of CSW. Is that right?",
            "No, not Benedict Rogers: Brad Adams",
        ),
        (
            "Did Phil Robertson say 'he cannot ignore the appalling human rights crisis'?",
            "No, not Phil Robertson: Benedict Rogers",
        ),
        # Unquoted words after the name's verb of saying, up to the end of the sentence.
        (
            "is it true that rubio said the north korean people have suffered enormously for "
            "decades? asking for a friend",
            "No, not Marco Rubio: Ben Cardin",
        ),
        (
            "did brad adams say that kim is presiding over perhaps the most repressive system?",
            "Yes: Brad Adams",
        ),
        # The words match, but the speaker said the opposite.
        (
            "Did Trump say he raised human rights when he met Kim Yong Chol?",
            "No: Donald Trump is reported as saying the opposite",
        ),
    ],
)
def test_words_given_to_someone_are_checked(scope: Scope, question: str, opening: str) -> None:
    """ "Did X say 'Y'?" answers who said Y, opening with whether X is right."""
    answer = ask(scope, question)
    assert answer.kind == "who_said", answer.interpretation
    assert answer.direct is not None and answer.direct.startswith(opening), answer.direct


@pytest.mark.parametrize(
    "question",
    [
        # Quoted words that only say which letter is meant.
        "how many groups signed the letter where Ha said Kim should 'look to his legacy'?",
        # Words of an action, not of speech.
        "Did Kim meet Putin? My draft says he 'met the Russian leadership'.",
        # A topic, not words.
        "did Rubio say anything about the summit?",
        # The letter speaks; the name is its recipient.
        "did the june 2018 letter to kim say he had improved anything yet",
        # Writing an article is no saying.
        "Did Roseanne Gerin write the Radio Free Asia article on the 52-group letter?",
    ],
)
def test_words_that_are_no_attribution_are_left_alone(scope: Scope, question: str) -> None:
    """Quoted words or a verb of saying that do not give words to someone are read otherwise."""
    interpretation = ask(scope, question).interpretation
    assert " say “" not in interpretation, interpretation


def test_a_loose_paraphrase_still_finds_its_speaker(scope: Scope) -> None:
    """ "As" and "the one" are no words of the quote's: they do not dilute the match."""
    answer = ask(
        scope,
        "someone said kim should think about his legacy and could be remembered as the one "
        "who gave freedom back to the people. who was that",
    )
    assert answer.kind == "who_said", answer.interpretation
    assert answer.direct is not None and "Ha Tae Keung" in answer.direct, answer.direct
    assert "restored freedom" in answer.direct  # the words he did say, to judge the likeness


def test_a_wrong_guess_is_told_whose_words_come_closest(scope: Scope) -> None:
    """ "My notes say Brad Adams": not his words; the closest are Ha Tae Keung's, said as such."""
    answer = ask(
        scope,
        "someone said Kim could be remembered as the leader who gave freedom back to North "
        "Koreans — my notes say Brad Adams. is that right?",
    )
    assert answer.direct is not None
    assert answer.direct.startswith("The sources do not quote Brad Adams saying that")
    assert "Ha Tae Keung" in answer.direct and "only part of your wording" in answer.direct
