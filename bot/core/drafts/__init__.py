"""Drafts from documents: a press release or article in, knowledge-base entries out.

Public surface:

- `draft_bytes(known, data, name, content_type=None, url=None, limits=DEFAULT_LIMITS)` and
  `draft_url(known, url, limits=DEFAULT_LIMITS, allow_private=False)` → `Draft`
  (blocking: run them off the event loop). Bad input raises `DocumentError`.
- `Known.of(scope)` / `Known.empty()`: what the server already has, to link to.
- `Draft`: `.entries`, `.links`, `.flags`, `.skipped`, `.report()`, `.to_yaml()` (the file
  `/kb import` reads), `.to_json()` (one object per entry, with its kind).
- `review(moderation, guild_id, draft)` → the `/kb import` dry-run `ImportPlan`;
  apply it with `Moderation.apply_import` (one batch).
- `DraftLimits` / `DEFAULT_LIMITS`: every size and time bound, stated once.

Modules, one job each: document (file → clean text), contacts, fetch (URL → bytes), dates,
text (sentences, names, countries), orgs, people, marks (quotation marks), speech
(attribution), quotes, counts, signatories, demands, letter, masthead (headline,
publisher, date), linking (to existing entries), assemble (entries), draft (the value).
"""

from bot.core.drafts.draft import Draft, draft_article, draft_bytes, draft_url, review
from bot.core.drafts.limits import DEFAULT_LIMITS, DraftLimits
from bot.core.drafts.linking import Known, Link

__all__ = [
    "DEFAULT_LIMITS",
    "Draft",
    "DraftLimits",
    "Known",
    "Link",
    "draft_article",
    "draft_bytes",
    "draft_url",
    "review",
]
