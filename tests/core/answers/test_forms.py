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
