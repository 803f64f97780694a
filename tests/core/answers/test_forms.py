"""A question written as a form is read as one sentence, its context leading."""

from __future__ import annotations

import pytest

from bot.core.answers.reader.forms import from_a_form


@pytest.mark.parametrize(
    ("form", "question"),
    [
        (
            "Context: Phil Robertson, December 2019. Question: what did he urge Moon to do? "
            "one line",
            "what did he urge Moon to do (Phil Robertson, December 2019)?",
        ),
        (
            "- Org: International Christian Concern\n- Letter: 2012 ICNK open letter\n"
            "- Q: was it a signatory? yes/no, one line",
            "International Christian Concern, 2012 ICNK open letter - was it a signatory?",
        ),
        (
            "Hi team, I need help with the following. Issue: what do the sources say about "
            "humanitarian aid? Expected: short summary.",
            "what do the sources say about humanitarian aid?",
        ),
        (
            "1) Who is Gina Goh? 2) Who is Olivia Miller? one line each",
            "Who is Gina Goh? Who is Olivia Miller?",
        ),
        ("who signed the 2018 letter? bullets ok", "who signed the 2018 letter?"),
    ],
)
def test_fields_and_format_wishes_ask_nothing(form: str, question: str) -> None:
    """Field names, the greeting before them and how the answer should look are dropped."""
    assert from_a_form(form) == question


@pytest.mark.parametrize(
    "text",
    [
        "give me a summary of the 2018 letter",
        "Claim: 300 organizations signed the 2018 letter. True?",
        "what did the letter ask for: aid, monitors, or both?",
        "",
    ],
)
def test_a_message_that_is_no_form_is_kept(text: str) -> None:
    """Without a field that asks, the message stays as typed."""
    assert from_a_form(text) == text


@pytest.mark.parametrize(
    ("text", "question"),
    [
        (
            "Food and hunger: what do the letters and quotes say? I want a famine undertone.",
            "what do the letters and quotes say about Food and hunger?",
        ),
        (
            "Separated families - is there anything in there I can use for a subplot?",
            "is there anything in there about Separated families?",
        ),
        (
            "Christian, religion thing — what letter and source say about it?",
            "what letter and source say about Christian, religion thing?",
        ),
        (
            "christians in north korea - does anything mention them",
            "what do the sources say about christians in north korea?",
        ),
        ("prison camps: any mention?", "what do the sources say about prison camps?"),
    ],
)
def test_a_topic_fronted_is_what_the_sources_are_asked_about(text: str, question: str) -> None:
    """A topic before a question about what the sources say is its subject."""
    assert from_a_form(text) == question


def test_a_question_about_a_topic_of_its_own_keeps_it() -> None:
    """ "2018 letter: what do the sources say about prison camps?" asks about prison camps."""
    text = "2018 letter: what do the sources say about prison camps?"
    assert from_a_form(text) == text
