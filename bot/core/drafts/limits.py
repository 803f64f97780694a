"""Every bound on drafting, stated once: input size, fetch time and size, output size.

A moderator's attachment or URL is untrusted input. Each limit here is checked in exactly
one place (named beside it) and tested at the limit.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.moderation.service import IMPORT_MAX_ENTRIES

#: A "sentence" longer than this (text without full stops) is read in pieces of this size,
#: so every pattern's work stays proportional to the text (text.sentences).
MAX_SENTENCE_CHARS = 1_500
#: Characters around a quotation searched for its attribution (quotes.py).
ATTRIBUTION_REACH = 1_500


@dataclass(frozen=True, slots=True)
class DraftLimits:
    """Bounds for one draft; pass a changed copy to loosen or tighten them (tests do)."""

    #: Largest file or fetched page, in bytes (document.read_document, fetch.fetch_url).
    max_bytes: int = 2_000_000
    #: Longest article text kept after HTML or markdown is reduced (document.read_document).
    max_text_chars: int = 100_000
    #: Seconds a whole fetch may take, redirects and slow servers included (fetch.fetch_url).
    fetch_deadline: float = 20.0
    #: Seconds to open one connection (fetch.fetch_url).
    connect_timeout: float = 5.0
    #: Redirects followed, each one checked like the first URL (fetch.fetch_url).
    max_redirects: int = 5
    #: Entries one draft may propose: the import's own limit (draft.build_draft).
    max_entries: int = IMPORT_MAX_ENTRIES


DEFAULT_LIMITS = DraftLimits()
