"""What an answer's buttons carry in their custom_id: the command and its arguments.

A button must still work after the bot restarts, when nothing of the answer is left in
memory, so each button's id names the command that made the answer and the options it was
given, and the answer can be made again. Discord allows 100 characters per id; when the
options do not fit, the state names the command only and the buttons then answer that the
page has expired (a fresh question gets working buttons).

The state is `command=value|value|…` in the command's option order, an empty value for an
option not given, with `%` and `|` percent-escaped. Pure functions: no Discord here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from bot.core.answers.commands import COMMANDS_BY_NAME

#: Discord's limit on a component's custom_id.
CUSTOM_ID_LIMIT = 100
#: The longest id prefix in front of the state ("ans:l:9999:", see answer_buttons).
PREFIX_ROOM = 11
#: Most characters a state may take.
STATE_LIMIT = CUSTOM_ID_LIMIT - PREFIX_ROOM


@dataclass(frozen=True, slots=True)
class AskedCommand:
    """A command and the options it was run with, as the answer function takes them."""

    name: str
    values: dict[str, object]

    def asked(self) -> str:
        """The options as one line, as the usage log and votes record the question."""
        return " ".join(str(v) for v in self.values.values() if v is not None)


def _escape(value: object) -> str:
    return str(value).replace("%", "%25").replace("|", "%7C")


def _unescape(text: str) -> str:
    return text.replace("%7C", "|").replace("%25", "%")


def encode_state(name: str, values: Mapping[str, object]) -> str:
    """The state of an answer to `name` with `values`; the name alone when it does not fit."""
    command = COMMANDS_BY_NAME.get(name)
    if command is None:
        return name[:STATE_LIMIT]
    encoded = "|".join(
        "" if values.get(option.name) is None else _escape(values[option.name])
        for option in command.options
    )
    state = f"{name}={encoded}"
    return state if len(state) <= STATE_LIMIT else name


def decode_state(state: str) -> AskedCommand | None:
    """The command and options a state carries, or None.

    None when the state carries no options (they did not fit: expired) or does not read as
    one of this bot's commands (an id from another version).
    """
    name, equals, encoded = state.partition("=")
    command = COMMANDS_BY_NAME.get(name)
    if command is None or not equals:
        return None
    parts = encoded.split("|") if command.options else []
    if len(parts) != len(command.options):
        return None
    values: dict[str, object] = {}
    for option, part in zip(command.options, parts, strict=True):
        if not part:
            values[option.name] = None
            continue
        text = _unescape(part)
        if option.kind is int:
            if not text.lstrip("-").isdigit() or len(text) > 12:
                return None
            values[option.name] = int(text)
        else:
            values[option.name] = text[: option.max_length]
    if any(values[o.name] is None for o in command.options if o.required):
        return None
    return AskedCommand(name, values)
