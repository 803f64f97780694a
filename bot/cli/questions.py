"""One question command from the terminal: the core call, and what the user should be told.

The core resolves a name forgivingly ("Brad Adms" is Brad Adams). Discord and --json show
how the name was understood when the core says so; a terminal user deserves the same, so
when the name typed is not a name or alias of what answered, the answer here always
carries an interpretation, whatever the core chose to report.
"""

from __future__ import annotations

from dataclasses import replace

from bot.core.answers.answer import Answer
from bot.core.answers.commands import Command
from bot.core.engine import Engine
from bot.core.scope import Scope
from bot.core.search.names import normalize

#: Answer kinds whose title is the entity a name option was resolved to.
_NAMED_KINDS = {"person": "name", "org": "name", "letter": "letter", "event": "name"}


def answer_command(
    engine: Engine, command: Command, guild_id: int | None, values: dict[str, object]
) -> Answer:
    """Run `command` with its option `values` as server `guild_id` sees the data."""
    answer: Answer = engine.call(command.function, guild_id, **values)
    typed = values.get(_NAMED_KINDS.get(command.name, ""))
    if isinstance(typed, str) and answer.found and not answer.interpretation:
        scope = engine.scope(guild_id)
        if corrected(scope, typed, answer.title):
            answer = replace(answer, interpretation=f"{answer.title} (you typed “{typed}”)")
    return answer


def corrected(scope: Scope, typed: str, resolved: str) -> bool:
    """Whether `typed` is neither `resolved`'s name nor one of its aliases, as typed."""
    wanted = normalize(typed)
    if wanted == normalize(resolved):
        return False
    named = scope.names.aliases.get(wanted, set())
    return not any(scope.names.display(entity_id) == resolved for entity_id in named)
