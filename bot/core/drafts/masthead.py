"""What a document says about itself: headline, publisher, author and date.

An HTML page's metadata comes first. Otherwise the lines above the first real paragraph
are read: a date on its own line or opening the first paragraph ("06/07/2018 North Korea
(Human Rights Watch) – …", which also credits a publisher), a byline ("By Roseanne
Gerin"), and the headline, the last heading-like line right above the text. Site taglines
and menu words ("Select Page") are not headlines: a headline sits directly above the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from bot.core.drafts.dates import FoundDate, find_dates
from bot.core.drafts.document import Article
from bot.core.drafts.text import PERSON_NAME, is_acronym, is_org_name

#: A paragraph with at least this many words is article text, not a heading.
BODY_WORDS = 20
_BYLINE = re.compile(rf"^By\s+(?P<name>{PERSON_NAME})\b")
_CREDIT = re.compile(r"^\s*\S.{0,40}?\((?P<publisher>[A-Z][^()]{2,60})\)\s*[–—-]\s")
_BRAND = re.compile(r"^(?P<brand>[A-Z][\w&.'’ -]{1,40}?)\s+[-|–—]\s+\S")
_LABEL = re.compile(r"^(?:[A-Z]{2,}\s+)+(?=[A-Z][a-z])")


@dataclass(frozen=True, slots=True)
class Masthead:
    """The document's own headline, publisher, author and date, with how each was read."""

    title: str | None
    publisher: str | None
    author: str | None
    date: FoundDate | None
    #: The organisation a dateline credits ("(Human Rights Watch) –"), when not the publisher.
    credited: str | None = None
    notes: tuple[str, ...] = ()


def _body_index(article: Article) -> int:
    for index, paragraph in enumerate(article.paragraphs):
        words = len(paragraph.text.split())
        if words >= BODY_WORDS or (words >= 12 and paragraph.text.rstrip().endswith(".")):
            return index
    return len(article.paragraphs)


def _only_date(text: str) -> FoundDate | None:
    dates = find_dates(text)
    if len(dates) == 1 and len(dates[0].printed) >= len(text.strip()) - 12:
        return dates[0]
    return None


def read_masthead(article: Article) -> Masthead:
    """The masthead of `article`."""
    paragraphs = article.paragraphs
    body = _body_index(article)
    notes: list[str] = []
    date = None
    if article.meta_date and re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", article.meta_date):
        date = FoundDate(article.meta_date, article.meta_date)
        notes.append(f"The date {article.meta_date} comes from the page's metadata.")
    author = article.meta_author
    title = article.meta_title
    heading_at = None
    for index in range(min(body, len(paragraphs)) - 1, -1, -1):
        text = paragraphs[index].text
        if _only_date(text) or _BYLINE.match(text):
            continue
        words = len(text.split())
        if 4 <= words < BODY_WORDS and not text.rstrip().endswith((".", ":")):
            heading_at = index
        break
    if title is None and heading_at is not None:
        title = _LABEL.sub("", paragraphs[heading_at].text).strip()
    dateline_at = None
    for index, paragraph in enumerate(paragraphs[: body + 3]):
        byline = _BYLINE.match(paragraph.text)
        if byline and author is None:
            author = byline["name"]
        if date is None and index < body:
            date = _only_date(paragraph.text)
        if date is None:
            date = _dateline(paragraph.text)
            dateline_at = index if date is not None else None
    credited = None
    for paragraph in (
        paragraphs[body : body + 3] if dateline_at is None else [paragraphs[dateline_at]]
    ):
        credit = _CREDIT.match(paragraph.text)
        if credit and is_org_name(credit["publisher"].strip()):
            credited = credit["publisher"].strip()
            break
    publisher = article.meta_site or _brand(article, body) or credited
    if publisher is None and article.url:
        publisher = (urlsplit(article.url).hostname or "").removeprefix("www.") or None
    if date is not None and date.note:
        notes.append(date.note)
    return Masthead(
        title, publisher, author, date, credited if credited != publisher else None, tuple(notes)
    )


def _dateline(text: str) -> FoundDate | None:
    dates = find_dates(text[:40])
    return dates[0] if dates and dates[0].start == 0 else None


def _brand(article: Article, body: int) -> str | None:
    """A site's name in a "Name - tagline" line above the text ("CSW - everyone free…")."""
    for paragraph in article.paragraphs[:body]:
        match = _BRAND.match(paragraph.text)
        if match and (is_acronym(match["brand"].strip()) or is_org_name(match["brand"].strip())):
            return match["brand"].strip()
    return None
