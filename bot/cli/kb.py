"""`campaign-bot kb …`: the terminal twins of the /kb moderator commands.

The operator runs these on the server, so there is no permission check; every change is
recorded in the change log under the operator's login name, exactly as from Discord.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bot.core.engine import Engine
from bot.core.moderation.forms import EDITABLE_KINDS, FORMS
from bot.core.moderation.service import Actor, Moderation, change_diff
from bot.core.moderation.values import SNOWFLAKE_MAX

#: The /kb subcommand that adds each kind.
ADD_COMMANDS = {"letter": "add-letter", "quote": "add-quote", "signatory": "add-signatory",
                "demand": "add-demand", "person": "add-person", "organization": "add-org"}

EXIT_OK, EXIT_NOTHING = 0, 1
#: Most changes `kb history` lists, as /kb history allows.
HISTORY_MAX = 1000


class _Bounded(argparse.Action):
    """An integer option refused outside [low, high] as a usage error (exit 2).

    Not a `type=` function, so the option still reads as `int` to the parity test; and
    SQLite would raise OverflowError, a traceback, past 2**63 - 1.
    """

    def __init__(self, option_strings: Sequence[str], dest: str, *, low: int, high: int,
                 what: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, type=int, **kwargs)
        self.low, self.high, self.what = low, high, what

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: Any, option_string: str | None = None) -> None:
        if not self.low <= values <= self.high:
            name = option_string or self.dest
            parser.error(f"argument {name}: {values} is not {self.what} "
                         f"(from {self.low} to {self.high})")
        setattr(namespace, self.dest, values)


def add_kb_parser(commands: argparse._SubParsersAction, parser_class: type) -> None:
    """Register `kb` and its subcommands."""
    kb = commands.add_parser("kb", help="moderate a server's knowledge base entries")
    sub = kb.add_subparsers(dest="kb_command", metavar="ACTION", parser_class=parser_class)
    sub.required = True
    for kind in EDITABLE_KINDS:
        add = sub.add_parser(ADD_COMMANDS[kind], help=f"add a {kind}")
        _guild(add)
        for spec in FORMS[kind]:
            add.add_argument(f"--{spec.name}", required=spec.required, help=spec.label)
    edit = sub.add_parser("edit", help="change fields of one of the server's entries")
    _guild(edit)
    edit.add_argument("entry", help="entry id (see `kb list`)")
    for name in dict.fromkeys(f.name for k in EDITABLE_KINDS for f in FORMS[k]):
        edit.add_argument(f"--{name}", help="new value (other fields keep theirs)")
    remove = sub.add_parser("remove", help="remove one of the server's entries")
    _guild(remove)
    remove.add_argument("entry", help="entry id")
    listing = sub.add_parser("list", help="the server's entries with their ids")
    _guild(listing)
    imported = sub.add_parser("import", help="import YAML or CSV (a dry run unless --yes)")
    _guild(imported)
    imported.add_argument("file", type=Path)
    imported.add_argument("--yes", action="store_true", help="apply after showing the diff")
    exported = sub.add_parser("export", help="export the server's entries")
    _guild(exported)
    exported.add_argument("--format", choices=["yaml", "csv"], default="yaml")
    exported.add_argument("--scope", choices=["server", "all"], default="server",
                          help="this server's entries (default) or also the curated ones")
    exported.add_argument("--output", type=Path, help="file to write (default: stdout)")
    history = sub.add_parser("history", help="the server's change log, newest first")
    _guild(history)
    history.add_argument("--limit", action=_Bounded, low=1, high=HISTORY_MAX, default=50,
                         what="a number of changes to show")
    undo = sub.add_parser("undo", help="reverse one change")
    _guild(undo)
    undo.add_argument("change", action=_Bounded, low=1, high=SNOWFLAKE_MAX,
                      what="a change number", help="change number from the history")


def _guild(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--guild", action=_Bounded, low=1, high=SNOWFLAKE_MAX, required=True,
                        what="a Discord server id", help="the server's id")


def run_kb(engine: Engine, args: argparse.Namespace, import_max_bytes: int) -> int:
    """Carry out one `kb` subcommand; domain errors propagate to the CLI's handler."""
    engine.start()
    moderation = Moderation(engine)
    actor = Actor(0, f"cli:{getpass.getuser()}")
    guild, action = args.guild, args.kb_command
    kind = next((k for k, name in ADD_COMMANDS.items() if name == action), None)
    if kind is not None:
        values = {f.name: getattr(args, f.name) for f in FORMS[kind]}
        print(moderation.add(guild, actor, kind, values).message)
    elif action == "edit":
        entry_kind, current = moderation.prefill(guild, args.entry)
        for spec in FORMS[entry_kind]:
            given = getattr(args, spec.name, None)
            if given is not None:
                current[spec.name] = given
        print(moderation.edit(guild, actor, args.entry, current).message)
    elif action == "remove":
        print(moderation.remove(guild, actor, args.entry).message)
    elif action == "list":
        rows = moderation.entries(guild)
        for entry_id, entry_kind, label in rows:
            print(f"{entry_kind:<13} {entry_id}  {label}")
        if not rows:
            print("This server has no entries of its own.")
            return EXIT_NOTHING
    elif action == "import":
        plan = moderation.plan_import(guild, args.file.name, args.file.read_bytes(),
                                      import_max_bytes)
        print("\n".join(plan.diff) or "Nothing to change.")
        print(f"{len(plan.diff)} change(s), {plan.unchanged} unchanged.")
        if args.yes and not plan.empty:
            print(moderation.apply_import(guild, actor, plan).message)
        elif not plan.empty:
            print("Dry run: nothing was written. Add --yes to apply.")
    elif action == "export":
        data = moderation.export(guild, args.format, include_bundled=args.scope == "all")
        if args.output:
            args.output.write_bytes(data)
            print(f"wrote {len(data):,} bytes to {args.output}")
        else:
            sys.stdout.write(data.decode())
    elif action == "history":
        changes = moderation.history(guild, limit=args.limit)
        for change in changes:
            undone = f" (undone by #{change.undone_by})" if change.undone_by else ""
            print(f"#{change.id} {change.at} {change.actor_name}: {change.action} "
                  f"{change.kind} “{change.summary}”{undone}")
            for line in change_diff(change):
                print(f"    {line}")
        if not changes:
            print("No changes yet.")
    elif action == "undo":
        print(moderation.undo(guild, actor, args.change).message)
    return EXIT_OK
