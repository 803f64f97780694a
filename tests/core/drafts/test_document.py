"""Documents in: plain text, markdown and HTML reduced to clean article text, or refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.drafts.contacts import find_contacts, strip_contacts
from bot.core.drafts.document import MIN_ARTICLE_WORDS, read_document
from bot.core.drafts.limits import DraftLimits
from bot.core.errors import DocumentError

FIXTURES = Path(__file__).parent / "fixtures"
PROSE = (
    "Twelve groups today sent a joint letter to the minister urging reform of the prison "
    "system and the release of every detained journalist in the country. "
) * 2


def test_html_page_keeps_the_article_and_drops_menus_scripts_and_footer() -> None:
    """Nav links, script text, the related-stories aside and the footer are gone."""
    article = read_document((FIXTURES / "release.html").read_bytes(), "release.html")
    text = article.text
    assert "Twenty-one years without a trial" in text
    assert "Release Dawit Isaak and all journalists detained since 2001;" in text
    for furniture in (
        "Donate today",
        "analytics",
        "trackPageview",
        "Subscribe now",
        "Older story about donations",
        "All rights reserved",
        "Box 123",
    ):
        assert furniture not in text
    assert article.meta_site == "Nordic Rights Forum"
    assert article.meta_date == "2022-09-23"


def test_html_list_items_become_bullets() -> None:
    """Each <li> of the demands list is one bullet paragraph."""
    article = read_document((FIXTURES / "release.html").read_bytes(), "release.html")
    bullets = [p.text for p in article.paragraphs if p.bullet]
    assert bullets[0].startswith("Release Dawit Isaak")
    assert len(bullets) == 3


def test_markdown_loses_its_markup_and_keeps_its_lists() -> None:
    """Headings, emphasis and links are plain text; "* item" lines are bullets."""
    article = read_document((FIXTURES / "statement.md").read_bytes(), "statement.md")
    assert article.paragraphs[0].text == (
        "Rights groups urge Vietnam to free jailed environmental defenders"
    )
    assert article.paragraphs[1].text.startswith("2021.3.15 — Twenty-eight")
    assert "**" not in article.text and "](" not in article.text
    assert sum(p.bullet for p in article.paragraphs) == 6


def test_hard_wrapped_lines_join_but_one_name_per_line_lists_do_not() -> None:
    """A wrapped sentence is one paragraph; a list of names stays one line each."""
    article = read_document((FIXTURES / "statement.md").read_bytes(), "statement.md")
    texts = [p.text for p in article.paragraphs]
    assert any(
        t.startswith("The letter, coordinated") and t.endswith("local groups.") for t in texts
    )
    assert "Global Witness Watch (UK)" in texts and "Mekong Rivers Alliance (Thailand)" in texts


def test_contacts_are_cut_from_the_text() -> None:
    """E-mail addresses, telephone numbers and the Cloudflare placeholder never survive."""
    article = read_document((FIXTURES / "statement.md").read_bytes(), "statement.md")
    assert article.contacts_removed == 2
    assert find_contacts(article.text) == []
    assert "adn.example.org" not in article.text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Call +1 212 555 0100 now.", "Call now."),
        ("Tokyo: 03-5282-5162; 090-2301-4372 (mobile); or doik@hrw.org", "Tokyo"),
        ("please contact Olivia Miller: [email protected]", "please contact Olivia Miller"),
        (
            "Dated 2018-06-07 and 06/07/2018, 1.9.2012, 2021.3.15.",
            "Dated 2018-06-07 and 06/07/2018, 1.9.2012, 2021.3.15.",
        ),
        (
            "Over 200,000 people and 24.5 million more in 2014 2015.",
            "Over 200,000 people and 24.5 million more in 2014 2015.",
        ),
    ],
)
def test_strip_contacts_keeps_dates_and_counts(text: str, kept: str) -> None:
    """Phone and e-mail patterns never eat dates, years or counts."""
    assert strip_contacts(text)[0] == kept


def test_binary_file_is_refused() -> None:
    """Bytes with NULs are not a document."""
    with pytest.raises(DocumentError, match="binary"):
        read_document(b"\x89PNG\r\n\x1a\n\x00\x00\x00" + b"x" * 500, "picture.txt")


def test_non_utf8_text_is_refused() -> None:
    """Text that does not decode is refused with a reason."""
    with pytest.raises(DocumentError, match="UTF-8"):
        read_document("Caf\u00e9 au lait ".encode("latin-1") * 50, "letter.txt")


def test_other_file_types_are_refused() -> None:
    """A .pdf or .docx is named as not readable."""
    with pytest.raises(DocumentError, match=r"\.txt, \.md or \.html"):
        read_document(PROSE.encode(), "letter.pdf")


def test_the_size_cap_holds_at_the_limit() -> None:
    """A file of exactly the cap is read; one byte more is refused."""
    data = PROSE.encode()
    limits = DraftLimits(max_bytes=len(data))
    assert read_document(data, "a.txt", limits=limits).paragraphs
    with pytest.raises(DocumentError, match="at most"):
        read_document(data + b" ", "a.txt", limits=limits)


def test_an_overlong_article_is_refused() -> None:
    """The text cap applies after markup is removed."""
    with pytest.raises(DocumentError, match="characters long"):
        read_document(PROSE.encode(), "a.txt", limits=DraftLimits(max_text_chars=50))


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   \n\n  ",
        b"Home\nAbout\nDonate",
        b"<html><body><nav><a href='/'>Home</a><a href='/x'>News</a></nav>"
        b"<script>var a = 1;</script><footer>(c) 2024</footer></body></html>",
    ],
)
def test_no_article_is_refused(data: bytes) -> None:
    """Empty files and pages of nothing but furniture have no article."""
    with pytest.raises(DocumentError):
        read_document(data, "page.html" if data.startswith(b"<") else "a.txt")


def test_min_article_words_is_enforced() -> None:
    """Below MIN_ARTICLE_WORDS the document is no article."""
    short = " ".join(["word"] * (MIN_ARTICLE_WORDS - 1)).encode()
    with pytest.raises(DocumentError, match="No article"):
        read_document(short, "a.txt")
    assert read_document(short + b" word", "a.txt").paragraphs
