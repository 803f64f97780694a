"""A moderator's file (plain text, markdown or HTML) reduced to clean article text.

HTML goes through trafilatura, which keeps the article and drops menus, scripts, footers
and comment forms (and reads the page's title, author, date and site name). Markdown loses
its markup. Every kind then gets the same clean-up: one bullet style, image captions and
repeated paragraphs dropped, contacts cut (see `contacts`). Bad input raises
`DocumentError` before anything else happens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from bot.core.drafts.contacts import strip_contacts
from bot.core.drafts.limits import DEFAULT_LIMITS, DraftLimits
from bot.core.errors import DocumentError

#: File name endings accepted, and the kind each one is read as.
EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}
#: Media types a fetched page may have, and the kind each one is read as.
MEDIA_TYPES = {
    "text/plain": "text",
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
    "text/html": "html",
    "application/xhtml+xml": "html",
}
#: An article shorter than this (in words) is no article: a menu, a login wall, an error page.
MIN_ARTICLE_WORDS = 30

_BULLET = re.compile(r"^\s*(?:[•●▪◦‣·∙]|[-*+–](?=\s)|\d{1,2}[.)](?=\s))\s*")
_IMAGE_LINE = re.compile(r"^\S+\.(?:jpe?g|png|gif|webp|svg)\b", re.IGNORECASE)
_CREDIT_LINE = re.compile(r"^(?:photo\s+)?credit\s*:", re.IGNORECASE)
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+|\s+#+\s*$")
_MD_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$")
_HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph or list line of the article."""

    text: str
    #: Paragraphs of one block (no blank line between them) share a number.
    block: int
    #: The line was a bulleted or numbered list item (its marker removed).
    bullet: bool = False


@dataclass(frozen=True, slots=True)
class Article:
    """The clean text of a document and what its page says about itself."""

    paragraphs: tuple[Paragraph, ...]
    kind: str
    #: Title, author, date and site name from an HTML page's metadata, when it has them.
    meta_title: str | None = None
    meta_author: str | None = None
    meta_date: str | None = None
    meta_site: str | None = None
    url: str | None = None
    #: E-mail addresses and telephone numbers cut from the text.
    contacts_removed: int = 0

    @property
    def text(self) -> str:
        """The article as text, one paragraph per line."""
        return "\n".join(p.text for p in self.paragraphs)


def kind_of(name: str, content_type: str | None, data: bytes) -> str:
    """ "text", "markdown" or "html", from the media type, the file name, or the bytes."""
    media = (content_type or "").split(";")[0].strip().casefold()
    if media in MEDIA_TYPES:
        return MEDIA_TYPES[media]
    suffix = PurePosixPath(name.casefold()).suffix
    if suffix in EXTENSIONS:
        return EXTENSIONS[suffix]
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "html"
    if suffix or media:
        raise DocumentError(
            f"“{name[:100]}” is not a document the drafter reads: give a "
            ".txt, .md or .html file, or the URL of a web page."
        )
    return "text"


def read_document(
    data: bytes,
    name: str,
    content_type: str | None = None,
    limits: DraftLimits = DEFAULT_LIMITS,
    url: str | None = None,
) -> Article:
    """The clean article in `data`; raise DocumentError for anything that is not one."""
    if len(data) > limits.max_bytes:
        raise DocumentError(
            f"The document is {len(data):,} bytes; a draft takes at most {limits.max_bytes:,}."
        )
    if not data.strip():
        raise DocumentError("The document is empty.")
    kind = kind_of(name, content_type, data)
    if b"\x00" in data[:65536]:
        raise DocumentError("The document is a binary file, not text, markdown or HTML.")
    meta: dict[str, str | None] = {}
    if kind == "html":
        text, meta = _html_text(data, url)
    else:
        text = _decode(data, content_type)
        # Plain text pasted from an editor often keeps markdown's **bold**; markdown loses all.
        text = _markdown_text(text) if kind == "markdown" else _STRONG.sub(r"\2", text)
    if len(text) > limits.max_text_chars:
        raise DocumentError(
            f"The article is {len(text):,} characters long; a draft takes at "
            f"most {limits.max_text_chars:,}."
        )
    text, removed = strip_contacts(_normalise(text))
    paragraphs = _paragraphs(text)
    if sum(len(p.text.split()) for p in paragraphs) < MIN_ARTICLE_WORDS:
        raise DocumentError(
            "No article text was found in the document (fewer than "
            f"{MIN_ARTICLE_WORDS} words once menus and markup are removed)."
        )
    return Article(
        tuple(paragraphs),
        kind,
        meta.get("title"),
        meta.get("author"),
        meta.get("date"),
        meta.get("site"),
        url,
        removed,
    )


def _decode(data: bytes, content_type: str | None) -> str:
    charset = re.search(r"charset=([\w-]+)", content_type or "", re.IGNORECASE)
    for encoding in ("utf-8-sig", charset.group(1) if charset else None):
        if encoding is None:
            continue
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if _looks_binary(text):
            break
        return text
    raise DocumentError("The document is not UTF-8 text (is it a binary file?).")


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls > len(sample) / 100


def _html_text(data: bytes, url: str | None) -> tuple[str, dict[str, str | None]]:
    # Imported here: trafilatura pulls in lxml and friends, needed only for HTML.
    from trafilatura import extract, extract_metadata, load_html

    tree = load_html(data)
    if tree is None:
        raise DocumentError("The HTML page could not be read.")
    found = extract_metadata(tree, default_url=url)
    meta = (
        {"title": found.title, "author": found.author, "date": found.date, "site": found.sitename}
        if found is not None
        else {}
    )
    text = extract(
        tree,
        url=url,
        output_format="markdown",
        favor_recall=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        deduplicate=False,
    )
    if not text:
        raise DocumentError(
            "No article text was found on the page (only menus, scripts or other page furniture)."
        )
    return _markdown_text(text), meta


def _markdown_text(text: str) -> str:
    lines = []
    fenced = False
    for line in text.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            continue
        if fenced:
            lines.append(line)
            continue
        if _MD_RULE.match(line):
            lines.append("")
            continue
        line = _MD_HEADING.sub("", line)
        line = re.sub(r"^\s*>\s?", "", line)
        line = _MD_IMAGE.sub("", line)
        line = _MD_LINK.sub(r"\1", line)
        line = _MD_EMPHASIS.sub(lambda m: m.group(2) or m.group(3) or "", line)
        line = _HTML_TAG.sub("", line)
        lines.append(line.replace("\\", "") if "\\" in line else line)
    return "\n".join(lines)


def _normalise(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "")
    return re.sub(r"[ \t]+", " ", text)


def _paragraphs(text: str) -> list[Paragraph]:
    """Blocks split at blank lines; lines kept apart when they are a list, joined when wrapped.

    A hard-wrapped paragraph always has some line that continues in lower case; a list
    (bullets, or one name per line) does not.
    """
    paragraphs: list[Paragraph] = []
    seen_last = ""
    for number, block in enumerate(re.split(r"\n\s*\n", text)):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        lines = [
            line for line in lines if not _IMAGE_LINE.match(line) and not _CREDIT_LINE.match(line)
        ]
        for line, bullet in _units(lines):
            if line == seen_last:
                continue  # scraped pages repeat captions and headings
            paragraphs.append(Paragraph(line, number, bullet))
            seen_last = line
    return paragraphs


def _units(lines: list[str]) -> list[tuple[str, bool]]:
    units: list[tuple[str, bool]] = []
    for line in lines:
        bullet = bool(_BULLET.match(line))
        body = _BULLET.sub("", line, count=1) if bullet else line
        if units and not bullet and body[:1].islower():
            previous, was_bullet = units[-1]
            units[-1] = (f"{previous} {body}", was_bullet)
        else:
            units.append((body, bullet))
    return units
