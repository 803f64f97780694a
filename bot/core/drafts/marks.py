"""Quotation marks: where each quotation in a paragraph opens and closes.

Curly and straight double marks both count, mixed too ("…regime.” opened with a straight
mark). A straight mark opens after a space or at the start and closes otherwise. Single
marks are left alone: they are apostrophes or quotations inside quotations. A quotation
left open at the end of a paragraph continues when the next paragraph opens with a mark
(the newspaper convention for a quotation over several paragraphs); otherwise it ends
there, flagged as never closed.
"""

from __future__ import annotations

from dataclasses import dataclass

_OPENING = "“„«"
_CLOSING = "”»"
_STRAIGHT = '"'
_OPENS_AFTER = " \t([{—–-/:"


@dataclass(frozen=True, slots=True)
class Span:
    """One quotation: where its text starts and ends (marks excluded) in one paragraph."""

    paragraph: int
    start: int
    end: int
    closed: bool

    @property
    def outer_end(self) -> int:
        """Just past the closing mark (the same as `end` when unclosed)."""
        return self.end + 1 if self.closed else self.end


@dataclass(frozen=True, slots=True)
class Quotation:
    """A quotation, over one paragraph or several."""

    spans: tuple[Span, ...]
    text: str

    @property
    def first(self) -> Span:
        """Where it opens."""
        return self.spans[0]

    @property
    def last(self) -> Span:
        """Where it closes."""
        return self.spans[-1]

    @property
    def closed(self) -> bool:
        """Its last mark was found."""
        return self.last.closed


def _is_opening(text: str, index: int) -> bool:
    mark = text[index]
    if mark in _OPENING:
        return True
    if mark in _CLOSING:
        return False
    return index == 0 or text[index - 1] in _OPENS_AFTER


def paragraph_spans(text: str, paragraph: int) -> list[Span]:
    """The quotations of one paragraph, in order."""
    spans: list[Span] = []
    start: int | None = None
    for index, char in enumerate(text):
        if char not in _OPENING + _CLOSING + _STRAIGHT:
            continue
        opening = _is_opening(text, index)
        if start is None:
            if opening:
                start = index + 1
        elif not opening:
            spans.append(Span(paragraph, start, index, True))
            start = None
        else:
            # A new quotation opens before the last one closed: end the last one here.
            spans.append(Span(paragraph, start, index, False))
            start = index + 1
    if start is not None:
        spans.append(Span(paragraph, start, len(text), False))
    return spans


def quotations(paragraphs: list[str]) -> list[Quotation]:
    """Every quotation of the article, a quotation over several paragraphs as one."""
    result: list[Quotation] = []
    pending: list[Span] = []
    for number, text in enumerate(paragraphs):
        spans = paragraph_spans(text, number)
        if pending:
            if spans and spans[0].start == 1:
                pending.append(spans.pop(0))
                if not pending[-1].closed and pending[-1].end == len(text) and not spans:
                    continue
            result.append(_joined(pending, paragraphs))
            pending = []
        for span in spans:
            if not span.closed and span.end == len(text) and span is spans[-1]:
                pending = [span]
            else:
                result.append(_joined([span], paragraphs))
    if pending:
        result.append(_joined(pending, paragraphs))
    return result


def _joined(spans: list[Span], paragraphs: list[str]) -> Quotation:
    parts = [paragraphs[s.paragraph][s.start : s.end].strip() for s in spans]
    return Quotation(tuple(spans), " ".join(p for p in parts if p))


def masked(text: str, spans: list[Span]) -> str:
    """`text` with every quotation (marks included) blanked out, offsets kept."""
    chars = list(text)
    for span in spans:
        for index in range(max(span.start - 1, 0), min(span.outer_end, len(chars))):
            chars[index] = " "
    return "".join(chars)
