"""German around English names is read as English; English is never touched."""

from __future__ import annotations

import pytest

from bot.core.answers.reader.german import german_glossed


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("wer hat gesagt, es wäre 'a mistake'?", "who said, it would be 'a mistake'?"),
        ("wann war the Singapore summit zwischen Trump und Kim?", "when was the Singapore summit"),
        ("welche Organisationen aus Südkorea sind auf der 2012 Liste?", "from South Korea are"),
        ("an wen war der Brief adressiert?", "to whom was the letter addressed?"),
        ("wurde einer der letters an Donald Trump geschickt?", "to Donald Trump sent?"),
    ],
)
def test_german_is_read_as_english(german: str, english: str) -> None:
    """Question words, campaign nouns and function words are glossed word for word."""
    assert english in german_glossed(german)


@pytest.mark.parametrize(
    "english",
    [
        "I should be grateful for a brief profile of International Christian Concern",
        "was the 2018 letter also sent to Trump? die-hard fans ask",
        "who signed the 2018 letter?",
        "",
    ],
)
def test_english_is_never_touched(english: str) -> None:
    """Without a word that is German and nothing else, the message stays as typed."""
    assert german_glossed(english) == english
