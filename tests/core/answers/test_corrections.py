"""A message that corrects itself is read as the user meant it."""

from __future__ import annotations

import pytest

from bot.core.answers.ask import ask
from bot.core.answers.reader.corrections import corrected
from bot.core.scope import Scope


@pytest.mark.parametrize(
    ("message", "meant"),
    [
        # A year replaces the last year.
        ("who signed the 2019 one — no wait, the 2018 one", "who signed the 2018 one"),
        (
            "how many groups signed the 2012 letter? wait no, I meant the 2018 letter",
            "how many groups signed the 2018 letter?",
        ),
        (
            "did the 2018 letter, actually, the 2019 one, mention forced labour",
            "did the 2019 letter mention forced labour",
        ),
        ("the 2012 letter, no, the 2018 one: who signed?", "the 2018 letter who signed?"),
        # Or dates the letter, when none was dated; a name replaces the last of its kind.
        (
            "what did the letter to Moon demand... sorry, I mean the letter to Kim in 2018",
            "what did the 2018 letter to Kim demand",
        ),
        (
            "when did amnesty — no, HRW — sign the 2012 letter?",
            "when did HRW sign the 2012 letter?",
        ),
        ("what did Quintana say, I mean Robertson", "what did Robertson say"),
        # A number the last number; "to Moon" the words from the last "to".
        (
            "was it 52 groups, no wait 76, on the 2012 letter?",
            "was it 76 groups on the 2012 letter?",
        ),
        (
            "the letter to kim, i mean to moon, what did it demand",
            "the letter to moon what did it demand",
        ),
        # With nothing of a kind to match, the words just before the marker.
        (
            "did ICC sign the 2018 letter — no wait, the moon one i mean. did they sign that",
            "did ICC sign the moon letter did they sign that",
        ),
        (
            "which american groups — sorry, canadian ones — were on the coalition list",
            "which canadian groups were on the coalition list",
        ),
        (
            "who'd ICC co-sign a letter to, trump — no sorry, the south korean president?",
            "who'd ICC co-sign a letter to, the south korean president?",
        ),
        (
            "what's human rights watch's deal here — based in london? no, new york i think",
            "what's human rights watch's deal here — based in new york?",
        ),
        # The guess after a dash is what is corrected, however many words either has.
        (
            "where is Human Rights Watch based — DC? no, New York right?",
            "where is Human Rights Watch based — New York?",
        ),
        (
            "was Trump at Panmunjom — no, scrap that — did Moon sign the Panmunjom Declaration?",
            "did Moon sign the Panmunjom Declaration?",
        ),
        # "? no maybe …", "? no actually …": a guess answered with another.
        (
            "what letters was Amnesty part of, the 2018 one i think? no maybe it was 2012",
            "what letters was Amnesty part of, the 2012 one i think?",
        ),
        ("is HRW in london? no maybe new york", "is HRW in new york?"),
        # A guess withdrawn with nothing in its place leaves the question.
        (
            "which letter was amnesty part of, the 2018 one? no i think it was earlier",
            "which letter was amnesty part of?",
        ),
        ("when did HRW sign, the 2019 letter? no wait, the other one", "when did HRW sign?"),
        # A new question replaces the old one and keeps what "they" points back to.
        (
            "who signed the 2018 letter, i mean which countries were they from",
            "which countries were they from (2018)",
        ),
        (
            "nihon no dantai... I mean, which japanese groups signed?",
            "which japanese groups signed?",
        ),
    ],
)
def test_a_correction_replaces_what_it_corrects(scope: Scope, message: str, meant: str) -> None:
    """The corrected detail takes the place of the one before it."""
    assert corrected(scope, message) == meant


@pytest.mark.parametrize(
    "message",
    [
        "I mean, who signed the 2018 letter?",  # "I mean" opening a question
        "did HRW actually sign the 2012 letter",
        "The ICNK open letter — No Fence from Japan was in the list?",  # a name with "No"
        "There were no Latin American groups at all in the 2012 list, right?",
        # A gloss, not a correction: nothing of its kind to replace.
        "Which Korean groups — from the South, I mean, our side — were on the 2012 letter?",
        "How many NGOs stood behind it? I don't mean the signers, I mean the wider number.",
        "who is the UN special rapporteur, i mean the previous one",
        "no, who signed it",
        "who signed it? no, really, tell me",
        "Phil Robertson was involved in the 2012 letter too? no way, he's a 2019 guy",
        "how many orgs signed the 2018 letter, 76? no wait that's the moon one",
        "who called it 'the world's biggest open prison' — or rather quoted the phrase?",
        "Thanks so much, sorry, quick one: who signed the 2018 letter?",
    ],
)
def test_words_that_correct_nothing_leave_the_message_alone(scope: Scope, message: str) -> None:
    """Fillers, names and glosses are not corrections."""
    assert corrected(scope, message) == message


def test_the_corrected_letter_is_answered(scope: Scope) -> None:
    """The answer is about the letter the user settled on, not the one first typed."""
    answer = ask(scope, "who coordinated the 2012 letter — no wait, the 2018 one?")
    assert "Trump–Kim summit" in answer.interpretation
    assert "Human Rights Watch" in (answer.direct or answer.lead[0])


def test_a_message_of_many_markers_is_read_in_bounded_work(scope: Scope) -> None:
    """A hostile message of hundreds of markers applies a few corrections and stops."""
    message = "who signed the 2012 letter" + ", no wait, the 2018 one" * 300
    read = corrected(scope, message)
    assert read.startswith("who signed the 2018 letter")
    assert read.count("no wait") == 300 - 3  # three corrections, then it stops
    assert ask(scope, message).found
