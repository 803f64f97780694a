"""Render an `Answer` as pages of Discord embeds, each inside Discord's limits.

Nothing is cut silently: a long item is split across lines and pages, and every page shows
the sources its own items cite. Limits: title 256, description 4096, 25 fields, field name
256, field value 1024, footer 2048, 6000 characters in all.
"""

from __future__ import annotations

from dataclasses import dataclass

import discord
from discord.utils import escape_markdown, escape_mentions

from bot.core.answers.answer import Answer, Citation, Item

TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELD_VALUE_LIMIT = 1024
FIELD_LIMIT = 25
TOTAL_LIMIT = 6000
#: Room kept for the footer and field names when packing a page.
_PAGE_BUDGET = 5200
#: Pages get a comfortable description length, well inside the 4096 limit.
_DESCRIPTION_BUDGET = 3000

COLOUR_FOUND = discord.Colour.from_rgb(46, 125, 180)
COLOUR_NOT_FOUND = discord.Colour.from_rgb(150, 150, 150)
COMMUNITY_MARK = "✦"


def clean(text: str) -> str:
    """Escape Markdown and neutralise mentions in corpus or user text."""
    return escape_mentions(escape_markdown(text))


def _emphasised(item: Item) -> str:
    """The item's text escaped, the spans it marks (a search's matched words) in bold."""
    parts, at = [], 0
    for start, end in item.marks:
        parts += [clean(item.text[at:start]), f"**{clean(item.text[start:end])}**"]
        at = end
    return "".join(parts) + clean(item.text[at:])


@dataclass(frozen=True, slots=True)
class _Block:
    """A piece of a page's description and the citations it needs."""

    text: str
    refs: tuple[int, ...] = ()
    #: Starts a new item (continuations of a long item and headings do not).
    item: bool = False


def _blocks(answer: Answer) -> list[_Block]:
    blocks: list[_Block] = []
    lead = "\n".join(clean(line) for line in answer.lead)
    if answer.interpretation and answer.kind != "ask":
        lead = f"-# Understood as: {clean(answer.interpretation)}\n" + lead
    if lead:
        blocks.extend(_split(lead, ()))
    for section in answer.sections:
        blocks.append(_Block(f"\n**{clean(section.heading)}**"))
        for item in section.items:
            marks = item.ref_marks()
            head = clean(item.title)
            if item.community:
                head = f"{head} {COMMUNITY_MARK}".strip()
            body = _emphasised(item).strip()
            if head:
                head = f"**{head}** {marks}".strip()
                text = f"{head}\n{body}" if body else head
            else:  # an untitled item is a paragraph; its citation follows it
                text = f"{body} {marks}".strip()
            parts = _split(text, item.refs)
            blocks.append(_Block(parts[0].text, parts[0].refs, item=True))
            blocks.extend(parts[1:])
    if answer.notes:
        blocks.append(_Block("\n**Notes**"))
        blocks.extend(b for note in answer.notes for b in _split(f"• {clean(note)}", ()))
    return blocks


def _split(text: str, refs: tuple[int, ...]) -> list[_Block]:
    """Split text longer than a page into line- or word-bounded chunks."""
    chunks: list[_Block] = []
    limit = _DESCRIPTION_BUDGET - 200
    while len(text) > limit:
        cut = text.rfind("\n", 0, limit)
        if cut < limit // 2:
            cut = text.rfind(" ", 0, limit)
        if cut < limit // 2:
            cut = limit
        chunks.append(_Block(text[:cut], refs))
        text = text[cut:].lstrip()
    chunks.append(_Block(text, refs))
    return chunks


def _source_fields(citations: list[Citation]) -> list[tuple[str, str]]:
    """Sources as one or more fields, each value within the field limit."""
    fields: list[tuple[str, str]] = []
    current = ""
    for citation in citations:
        line = clean(citation.text())
        if citation.community:
            line += f" {COMMUNITY_MARK}"
        if len(line) > FIELD_VALUE_LIMIT:
            line = line[: FIELD_VALUE_LIMIT - 1] + "…"  # a citation, never the answer itself
        if current and len(current) + 1 + len(line) > FIELD_VALUE_LIMIT:
            fields.append(("Sources", current))
            current = line
        else:
            current = f"{current}\n{line}" if current else line
    if current:
        fields.append(("Sources", current))
    return [
        (name if i == 0 else "Sources (continued)", value) for i, (name, value) in enumerate(fields)
    ]


def render_pages(answer: Answer, items_per_page: int = 10) -> list[discord.Embed]:
    """The answer as one or more embeds; page numbers in the footer when there are several."""
    by_number = {c.number: c for c in answer.sources}
    pages: list[list[_Block]] = [[]]
    for block in _blocks(answer):
        candidate = [*pages[-1], block]
        items_on_page = sum(b.item for b in candidate)
        too_many = block.item and items_per_page > 0 and items_on_page > items_per_page
        if pages[-1] and (too_many or _size(candidate, by_number) > _PAGE_BUDGET):
            pages.append([block])
        else:
            pages[-1] = candidate
    suggestions = "\n".join(f"• {clean(s)}" for s in answer.suggestions[:5])[:FIELD_VALUE_LIMIT]
    title = clean(answer.title)
    if len(title) > TITLE_LIMIT:
        title = title[: TITLE_LIMIT - 1] + "…"  # the full title is repeated in the description
    embeds = []
    for number, blocks in enumerate(pages, start=1):
        description = "\n".join(b.text for b in blocks).strip()
        if number == 1 and len(clean(answer.title)) > TITLE_LIMIT:
            description = f"**{clean(answer.title)}**\n{description}"
        embed = discord.Embed(
            title=title,
            description=description or None,
            colour=COLOUR_FOUND if answer.found else COLOUR_NOT_FOUND,
        )
        cited = sorted({r for b in blocks for r in b.refs})
        if not cited:  # the lead, or notes: they rest on the answer's sources as a whole
            cited = sorted(by_number)
        citations = [by_number[n] for n in cited if n in by_number]
        for name, value in _source_fields(citations)[: FIELD_LIMIT - 1]:
            embed.add_field(name=name, value=value, inline=False)
        if suggestions and number == len(pages):
            label = "You could also ask" if answer.found else "Did you mean"
            embed.add_field(name=label, value=suggestions, inline=False)
        footer = []
        if len(pages) > 1:
            footer.append(f"Page {number}/{len(pages)}")
        if any(c.community for c in citations) or COMMUNITY_MARK in description:
            footer.append(f"{COMMUNITY_MARK} added by this server's moderators")
        if footer:
            embed.set_footer(text=" · ".join(footer))
        embeds.append(embed)
    return embeds


def _size(blocks: list[_Block], by_number: dict[int, Citation]) -> int:
    description = sum(len(b.text) + 1 for b in blocks)
    if description > _DESCRIPTION_BUDGET:
        return TOTAL_LIMIT + 1
    refs = {r for b in blocks for r in b.refs}
    sources = sum(len(by_number[r].text()) + 3 for r in refs if r in by_number)
    return description + sources
