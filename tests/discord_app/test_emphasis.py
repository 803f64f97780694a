"""Search hits' matched words in bold on Discord, the rest of the text escaped as before."""

from __future__ import annotations

from bot.core.answers.answer import Answer, Item, Section
from bot.discord_app.embeds import render_pages


def test_marked_words_are_bold_and_the_rest_is_escaped() -> None:
    """Marks become **bold**; Markdown in the text around them stays inert."""
    text = "the *world’s* biggest open prison, said_he"
    item = Item("Quote by Brad Adams", text, marks=((22, 26), (27, 33)))
    answer = Answer("search", "Search: open prison", sections=(Section("Results", (item,)),))
    description = render_pages(answer)[0].description or ""
    assert "the \\*world’s\\* biggest **open** **prison**, said\\_he" in description


def test_items_without_marks_render_as_before() -> None:
    """No marks, no bold in the item's text."""
    item = Item("Letter", "forced labour")
    answer = Answer("search", "Search", sections=(Section("Results", (item,)),))
    assert "**Letter**\nforced labour" in (render_pages(answer)[0].description or "")
