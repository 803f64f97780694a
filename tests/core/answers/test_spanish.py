"""Spanish around English names is read as English; English is never touched."""

from __future__ import annotations

import pytest

from bot.core.answers.reader.spanish import spanish_glossed


@pytest.mark.parametrize(
    ("spanish", "english"),
    [
        ("quién firmó la carta de 2018?", "who signed the letter of 2018?"),
        ("la carta de 2018 fue para Trump o para Kim??", "the letter of 2018 was for Trump or for"),
        (
            "cuántos co-firmantes tuvo la carta a Moon?",
            "how many co-signers had the letter to Moon",
        ),
        ("qué organizaciones de Canadá firmaron en 2012?", "what organizations of Canada signed"),
        ("qué dicen las fuentes sobre las familias separadas?", "about the separated families"),
        ("qué dijo el Consejo de Seguridad de la ONU?", "by the Security Council of the UN?"),
        ("dame la lista completa de firmantes, por favor", "give me the list full of signatories"),
    ],
)
def test_spanish_is_read_as_english(spanish: str, english: str) -> None:
    """Question words, campaign nouns and function words are glossed word for word."""
    assert english in spanish_glossed(spanish)


def test_quoted_words_names_and_the_un_are_kept() -> None:
    """Words in quotation marks stay as typed; "UN" in capitals is not the article "un"."""
    text = spanish_glossed("quién dijo 'a mistake to overload the agenda'? un diplomático del UN")
    assert text.startswith("who said 'a mistake to overload the agenda'?")
    assert text.endswith("a diplomat of the UN")


def test_a_before_a_name_is_to() -> None:
    """ "la carta a Moon": "a" before a capitalised name is "to"."""
    assert spanish_glossed("quién firmó la carta a Moon?") == "who signed the letter to Moon?"


@pytest.mark.parametrize(
    "english",
    [
        "who signed the 2018 letter? y/n",
        "did the letter say que sera sera",
        "is el a name? o well",
        "Human Rights Watch, la la la",
        "",
    ],
)
def test_english_is_never_touched(english: str) -> None:
    """Without a word that is Spanish and nothing else, the message stays as typed."""
    assert spanish_glossed(english) == english
