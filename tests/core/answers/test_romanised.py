"""Romanised Korean around English names is read as English; English is never touched."""

from __future__ import annotations

import pytest

from bot.core.answers.reader.romanised import glossed


@pytest.mark.parametrize(
    ("korean", "english"),
    [
        ("'Kim Jong-un should look to his legacy' nuga malhaesseoyo?", "who said?"),
        ("Freedom House-do seomyeong haesseoyo?", "Freedom House signed?"),
        ("Canada danche-do 2012 letter-e isseosseoyo?", "Canada groups 2012 letter"),
        ("2018 seohan yogu sahang myeot gae-yeosseoyo?", "2018 letter demands how many?"),
        ("'without parallel' iraneun pyohyeon nuga sseosseoyo? 2018 nyeon-e", "who used? 2018"),
        ("2018 letter-e inkwon chimhae myeot nyeon-irago nawa isseoyo?", "human rights abuses"),
        ("2019 letter-e naon 22 gae nara-ga eodi-eodi-yeyo?", "22 countries which?"),
        ("press contact saram-deul ireum allyeojuseyo", "press contact people names"),
    ],
)
def test_korean_question_words_are_read_as_english(korean: str, english: str) -> None:
    """Question words, campaign nouns and hyphenated particles are glossed."""
    assert english in glossed(korean)


def test_quoted_words_and_names_are_kept_as_typed() -> None:
    """Words in quotation marks, and syllables of names ("Jeong-eun"), stay."""
    text = glossed("'nuga naon' nuga malhaesseoyo? the 2012 letter to Kim Jeong-eun")
    assert text.startswith("'nuga naon' who said?")
    assert "Kim Jeong-eun" in text


@pytest.mark.parametrize(
    "english",
    [
        "who signed the 2018 letter? yo",
        "wae did HRW sign",
        "what did Kim Jong-un say to the Moon-e government",
        "did Kim Yong-do sign it?",
        "nara nara nara",
        "",
    ],
)
def test_english_is_never_touched(english: str) -> None:
    """Without a word that is Korean and nothing else, the message stays as typed."""
    assert glossed(english) == english
