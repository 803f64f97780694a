"""A message as the plain English question the reader reads.

Before a message is read, the ways people dress a question up are taken off: a form's
fields ("Context: … Question: …"), a worksheet's numbering and marks, and romanised
Korean, Spanish or German around the English names.
"""

from __future__ import annotations

from bot.core.answers.reader.forms import from_a_form
from bot.core.answers.reader.german import german_glossed
from bot.core.answers.reader.romanised import glossed
from bot.core.answers.reader.spanish import spanish_glossed
from bot.core.answers.reader.worksheet import as_a_question


def plain_question(text: str) -> str:
    """`text` without form fields or worksheet furniture, its foreign words in English."""
    return german_glossed(spanish_glossed(glossed(as_a_question(from_a_form(text)))))
