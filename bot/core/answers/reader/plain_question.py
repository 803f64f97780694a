"""A message as the plain English question the reader reads.

Before a message is read, the ways people dress a question up are taken off: an
assistant's instructions, a form's fields ("Context: … Question: …"), a quiz's options, a
worksheet's numbering and marks, a lawyer's "isn't it the case that", Korean (in Hangul
or romanised), Spanish or German around the English names, and English put word for word
from Italian or Portuguese.
"""

from __future__ import annotations

from bot.core.answers.reader.choices import without_choices
from bot.core.answers.reader.forms import from_a_form
from bot.core.answers.reader.german import german_glossed
from bot.core.answers.reader.hangul import hangul_glossed
from bot.core.answers.reader.instructions import without_instructions
from bot.core.answers.reader.leading import as_a_claim
from bot.core.answers.reader.literal import literal_english
from bot.core.answers.reader.romanised import glossed
from bot.core.answers.reader.spanish import spanish_glossed
from bot.core.answers.reader.worksheet import as_a_question


def plain_question(text: str) -> str:
    """`text` without form fields, options or worksheet furniture, in plain English."""
    plain = as_a_claim(as_a_question(from_a_form(without_choices(without_instructions(text)))))
    return hangul_glossed(german_glossed(spanish_glossed(glossed(literal_english(plain)))))
