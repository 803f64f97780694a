"""Whether a server's entries stay valid after a batch of changes, checked before writing.

The batch is laid over the server's current files and checked against the loaded corpus
(links into it, ids it already uses), so a broken link, a duplicate or a bad field is
refused with every problem listed and nothing written.
"""

from __future__ import annotations

import re

from bot.core.engine import Engine
from bot.core.errors import ValidationError
from bot.core.kb.corpus import ParsedFiles, check_records, content_hash
from bot.core.kb.models import EntityRecord, Location
from bot.core.kb.schema import PLURALS, SECTION_OF, ParseContext, parse_entity
from bot.core.kb.yamlsource import parse_yaml
from bot.core.moderation.changelog import PlannedChange
from bot.core.moderation.community import guild_prefix
from bot.core.moderation.stores import EntryStore


def check_batch(
    engine: Engine, store: EntryStore, guild_id: int, planned: list[PlannedChange]
) -> None:
    """Raise ValidationError unless the server's entries stay valid after `planned`."""
    current = store.parse_guild(guild_id)
    touched = {_path_of(guild_id, c) for c in planned}
    # The shared records were checked when loaded: they are looked up, not checked again,
    # so a batch costs time in proportion to the server's entries, not the whole corpus.
    parsed = ParsedFiles(
        records=[r for r in current.records if r.location.path not in touched],
        references=[r for r in current.references if r.path not in touched],
    )
    for change in planned:
        if change.after is None:
            continue
        path = _path_of(guild_id, change)
        ctx = ParseContext(path)
        document = parse_yaml(change.after)
        for plural, entries in document.items():
            for raw in entries:
                entity = parse_entity(PLURALS[plural], raw, 1, ctx, guild_id)
                if entity is not None:
                    parsed.records.append(
                        EntityRecord(
                            entity, Location(path, 1), content_hash(PLURALS[plural], raw, guild_id)
                        )
                    )
        parsed.references.extend(ctx.references)
        parsed.problems.extend(ctx.problems)
    _, problems = check_records(parsed, known=engine.kb.records)
    if problems:
        # In a batch (an import) each problem names its entry, or nobody could find it.
        several = len({c.entry_id for c in planned if c.kind != "source"}) > 1
        raise ValidationError(
            [
                _friendly(p.message, _entry_of(p.path, guild_id) if several else None)
                for p in problems
            ]
        )


def _path_of(guild_id: int, change: PlannedChange) -> str:
    """The display path of a change's file, as the store's parser names it."""
    return f"{guild_id}/{SECTION_OF[change.kind]}/{change.entry_id}.yaml"  # type: ignore[index]


def _entry_of(path: str, guild_id: int) -> str | None:
    """The entry id (as the moderator wrote it) of a server's entry file path."""
    if not path.startswith(f"{guild_id}/") or not path.endswith(".yaml"):
        return None
    return path.rsplit("/", 1)[-1].removesuffix(".yaml").removeprefix(guild_prefix(guild_id))


def _friendly(message: str, entry: str | None = None) -> str:
    match = re.match(r"'(\w+)' refers to unknown id '([^']+)'", message)
    if match:
        text = f"It refers to “{match.group(2)}”, which this server cannot see or was removed."
    else:
        text = message[0].upper() + message[1:] if message else message
    return f"{entry}: {text}" if entry else text
