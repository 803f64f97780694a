"""Tab completion for the console: /commands, --options, and letter, person and org names.

Names come from the engine's name table, so what completes is exactly what the answers
recognise. `candidates` is a plain function of the line typed so far; `Completer`
adapts it to readline, which asks for one candidate at a time.
"""

from __future__ import annotations

import shlex

from bot.core.answers.commands import COMMANDS_BY_NAME
from bot.core.kb.models import EntityKind
from bot.core.search.names import NameIndex, normalize

#: Most names offered for one Tab: more would scroll the screen away.
MAX_NAMES = 40
#: Kinds a question in plain words may name.
_ANY_NAME: tuple[EntityKind, ...] = ("letter", "person", "organization", "event")


class Completer:
    """readline's completer over `names` and the console's `commands`."""

    def __init__(self, names: NameIndex, commands: tuple[str, ...]) -> None:
        self.names = names
        self.commands = commands
        self._matches: list[str] = []

    def complete(self, text: str, state: int) -> str | None:
        """The `state`-th candidate for `text`, the word under the cursor (readline's API)."""
        if state == 0:
            import readline

            line = readline.get_line_buffer()[: readline.get_endidx()]
            self._matches = candidates(line, self.names, self.commands)
        return self._matches[state] if state < len(self._matches) else None


def candidates(line: str, names: NameIndex, commands: tuple[str, ...]) -> list[str]:
    """Replacements for the last word of `line` (split on spaces, as readline splits it).

    A candidate may hold spaces: readline puts it in place of the word typed, so a name
    completed inside a /command arrives quoted ("Brad Adams" with its quotes).
    """
    word = line.rsplit(" ", 1)[-1] if not line.endswith(" ") else ""
    if line.startswith("/") and " " not in line:
        return [c + " " for c in commands if c.startswith(line)]
    if line.startswith("/"):
        return _command_candidates(line, word, names)
    return _question_candidates(line, word, names)


def _command_candidates(line: str, word: str, names: NameIndex) -> list[str]:
    """In `/command args…`: an --option, or a name for the argument being typed."""
    command = COMMANDS_BY_NAME.get(line[1:].split(" ", 1)[0])
    if command is None:
        return []
    if word.startswith("-"):
        flags = [f"--{o.name.replace('_', '-')}" for o in command.options if not o.required]
        return [f + " " for f in (*flags, "--json", "--guild") if f.startswith(word)]
    opening = _argument_as_typed(line)
    try:
        previous = shlex.split(line[: len(line) - len(opening)])[1:]
    except ValueError:
        return []
    kind = _kind_of_argument(command.name, previous)
    if kind is None:
        return []
    quote = opening[:1] if opening[:1] in ('"', "'") else ""
    typed = opening[len(quote) :]
    found = _names(names, typed, (kind,))
    prefixed = [n for n in found if _starts(n, typed)]
    if quote:
        # Readline replaces only the last space-separated word; the start of the quoted
        # name stays as typed, so each candidate begins where that word begins.
        cut = len(opening) - len(word)
        return [f"{quote}{name}{quote} "[cut:] for name in prefixed]
    # Unquoted, the whole argument is the word: a name with spaces replaces it, quoted. A
    # name matched by alias only ("hrw") replaces it when it is the only one, or the only
    # one whose alias it is exactly (not "UNHRC", which "hrw" only resembles).
    exact = _named_exactly(names, typed, kind)
    chosen = prefixed or (found if len(found) == 1 else exact)
    return [_quote(name) + " " for name in chosen]


def _question_candidates(line: str, word: str, names: NameIndex) -> list[str]:
    """In a plain question: a name whose start is the last one, two or three words."""
    words = line.split(" ")
    for count in (3, 2, 1):
        if len(words) < count or not words[-1]:
            continue
        phrase = " ".join(words[-count:])
        found = [n for n in _names(names, phrase, _ANY_NAME) if _starts(n, phrase)]
        if found:
            cut = len(phrase) - len(word)
            return [name[cut:] for name in found]
    return []


def _argument_as_typed(line: str) -> str:
    """The argument under the cursor as typed: from an open quotation mark, or one word."""
    try:
        shlex.split(line)
    except ValueError:  # an open quotation mark: the argument started at it
        return line[max(line.rfind('"'), line.rfind("'")) :]
    return line.rsplit(" ", 1)[-1]


def _kind_of_argument(command: str, previous: list[str]) -> EntityKind | None:
    """Which kind of name the argument after `previous` words takes, if any."""
    options = COMMANDS_BY_NAME[command].options
    if previous and previous[-1].startswith("--"):
        flag = previous[-1][2:].replace("-", "_")
        option = next((o for o in options if o.name == flag), None)
    else:
        taken = sum(
            1
            for i, w in enumerate(previous)
            if not w.startswith("--") and not (i and previous[i - 1].startswith("--"))
        )
        required = [o for o in options if o.required]
        option = required[taken] if taken < len(required) else None
    kind = option.complete if option else None
    return kind if kind in _ANY_NAME else None


def _names(names: NameIndex, prefix: str, kinds: tuple[EntityKind, ...]) -> list[str]:
    """Display names the name table completes `prefix` to, best first, without repeats."""
    ids = names.complete(prefix, kinds, limit=MAX_NAMES)
    return list(dict.fromkeys(names.display(entity_id) for entity_id in ids))


def _named_exactly(names: NameIndex, typed: str, kind: EntityKind) -> list[str]:
    """The one display name whose alias is exactly what was typed ("hrw"), if just one."""
    ids = [i for i in names.aliases.get(normalize(typed), ()) if names.kind(i) == kind]
    return [names.display(ids[0])] if len(ids) == 1 else []


def _starts(name: str, typed: str) -> bool:
    """Whether `name` starts with what was typed, ignoring case and accents ("tomas")."""
    return normalize(name).startswith(normalize(typed)) if typed.strip() else True


def _quote(name: str) -> str:
    """A name as one shell word."""
    return f'"{name}"' if " " in name or "'" in name else name
