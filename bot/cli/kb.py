"""`campaign-bot kb …`: the terminal twins of the /kb moderator commands.

The operator runs these on the server, so there is no permission check; every change is
recorded in the change log under the operator's login name, exactly as from Discord.
"""

from __future__ import annotations

import argparse
import getpass
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bot.core.drafts import DEFAULT_LIMITS, Known, draft_bytes, draft_url, review
from bot.core.engine import Engine
from bot.core.errors import DocumentError
from bot.core.moderation.forms import EDITABLE_KINDS, FORMS
from bot.core.moderation.service import Actor, ChangeResult, Moderation, change_details
from bot.core.moderation.values import SNOWFLAKE_MAX

#: The /kb subcommand that adds each kind.
ADD_COMMANDS = {
    "letter": "add-letter",
    "quote": "add-quote",
    "signatory": "add-signatory",
    "demand": "add-demand",
    "person": "add-person",
    "organization": "add-org",
}

EXIT_OK, EXIT_NOTHING = 0, 1
#: Most changes `kb history` lists, as /kb history allows.
HISTORY_MAX = 1000
#: A /kb subcommand named in a reply the core worded for Discord.
_SLASH_KB = re.compile(r"/kb ([a-z][a-z-]*)")
_GUILD = "--guild 123456789012345678"
_URL = re.compile(r"^https?://", re.IGNORECASE)
#: Worked examples per `kb` subcommand, shown under its --help.
KB_EXAMPLES: dict[str, tuple[str, ...]] = {
    "kb": (f"list {_GUILD}", f"history {_GUILD}", f"undo 7 {_GUILD}"),
    "add-letter": (
        f'add-letter {_GUILD} --title "Joint letter on abductions" '
        '--date 2020-05-01 --recipient "Moon Jae-in" --summary "Asks for …" '
        "--source https://example.org/letter",
    ),
    "add-quote": (
        f'add-quote {_GUILD} --person "Brad Adams" --text "…" '
        "--source https://example.org/statement",
    ),
    "add-signatory": (
        f'add-signatory {_GUILD} --letter 2018 --organization "Some NGO" '
        "--source https://example.org/list",
    ),
    "add-demand": (
        f'add-demand {_GUILD} --letter 2018 --text "Close the camps." '
        "--source https://example.org/letter",
    ),
    "add-person": (f'add-person {_GUILD} --name "Jane Doe" --source https://example.org/bio',),
    "add-org": (f'add-org {_GUILD} --name "Some NGO" --source https://example.org/about',),
    "edit": (f'edit g123456789012345678-jane-doe {_GUILD} --name "Jane A. Doe"',),
    "remove": (f"remove g123456789012345678-jane-doe {_GUILD}",),
    "list": (f"list {_GUILD}",),
    "import": (f"import entries.yaml {_GUILD}", f"import entries.csv {_GUILD} --yes"),
    "export": (
        f"export {_GUILD} --format csv --output entries.csv",
        f"export {_GUILD} --scope all",
    ),
    "draft": (
        f"draft press-release.html {_GUILD}",
        f"draft --url https://example.org/news/joint-letter {_GUILD} --yes",
    ),
    "history": (f"history {_GUILD} --limit 20",),
    "undo": (f"undo 7 {_GUILD}",),
}


class Bounded(argparse.Action):
    """An integer option refused outside [low, high] as a usage error (exit 2).

    Not a `type=` function, so the option still reads as `int` to the parity test; and
    SQLite would raise OverflowError, a traceback, past 2**63 - 1.
    """

    def __init__(
        self,
        option_strings: Sequence[str],
        dest: str,
        *,
        low: int,
        high: int,
        what: str,
        **kwargs: Any,
    ) -> None:
        super().__init__(option_strings, dest, type=int, **kwargs)
        self.low, self.high, self.what = low, high, what

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        """Store `values`, or refuse it as a usage error when out of range."""
        if not self.low <= values <= self.high:
            name = option_string or self.dest
            parser.error(
                f"argument {name}: {values} is not {self.what} (from {self.low} to {self.high})"
            )
        setattr(namespace, self.dest, values)


def add_kb_parser(commands: argparse._SubParsersAction, parser_class: type) -> None:
    """Register `kb` and its subcommands."""
    kb = commands.add_parser(
        "kb",
        help="moderate a server's knowledge base entries",
        epilog=_examples("kb"),
        description="The terminal twins of the /kb moderator commands. They run on the host, "
        "so no permission is checked; each change is logged under your login name.",
    )
    sub = kb.add_subparsers(dest="kb_command", metavar="ACTION", parser_class=parser_class)
    sub.required = True
    for kind in EDITABLE_KINDS:
        add = add_sub(sub, ADD_COMMANDS[kind], f"add a {kind}")
        _guild(add)
        for spec in FORMS[kind]:
            add.add_argument(f"--{spec.name}", required=spec.required, help=spec.label)
    edit = add_sub(sub, "edit", "change fields of one of the server's entries")
    _guild(edit)
    edit.add_argument("entry", help="entry id (see `kb list`)")
    for name in dict.fromkeys(f.name for k in EDITABLE_KINDS for f in FORMS[k]):
        edit.add_argument(f"--{name}", help="new value (other fields keep theirs)")
    remove = add_sub(sub, "remove", "remove one of the server's entries")
    _guild(remove)
    remove.add_argument("entry", help="entry id")
    listing = add_sub(sub, "list", "the server's entries and sources with their ids")
    _guild(listing)
    imported = add_sub(sub, "import", "import YAML or CSV (a dry run unless --yes)")
    _guild(imported)
    imported.add_argument("file", type=Path)
    imported.add_argument("--yes", action="store_true", help="apply after showing the diff")
    exported = add_sub(sub, "export", "export the server's entries")
    _guild(exported)
    exported.add_argument("--format", choices=["yaml", "csv"], default="yaml")
    exported.add_argument(
        "--scope",
        choices=["server", "all"],
        default="server",
        help="this server's entries (default) or also the curated ones",
    )
    exported.add_argument("--output", type=Path, help="file to write (default: stdout)")
    drafted = add_sub(
        sub,
        "draft",
        "draft entries from a press release or article (a file or URL); a dry run unless --yes",
    )
    _guild(drafted)
    drafted.add_argument(
        "file",
        nargs="?",
        type=Path,
        help="a .txt, .md or .html file (an http(s) URL here reads as --url)",
    )
    drafted.add_argument("--url", help="the http(s) address of a web page to draft from")
    # /kb draft's options are `file` or `url`; `kb draft URL`, from before --url, still works:
    # a URL in the file's place is kept as typed (a Path would fold its "//").
    drafted.register("type", Path, _file_or_url)
    drafted.add_argument(
        "--json",
        action="store_true",
        help="print the proposed entries as JSON (one object per entry)",
    )
    drafted.add_argument("--yes", action="store_true", help="apply after showing the preview")
    history = add_sub(sub, "history", "the server's change log, newest first")
    _guild(history)
    history.add_argument(
        "--limit",
        action=Bounded,
        low=1,
        high=HISTORY_MAX,
        default=50,
        what="a number of changes to show",
    )
    undo = add_sub(sub, "undo", "reverse one change")
    _guild(undo)
    undo.add_argument(
        "change",
        action=Bounded,
        low=1,
        high=SNOWFLAKE_MAX,
        what="a change number",
        help="change number from the history",
    )


def add_sub(sub: argparse._SubParsersAction, name: str, help_text: str) -> argparse.ArgumentParser:
    """One `kb` subcommand, described and with its examples."""
    description = help_text[0].upper() + help_text[1:] + "."
    return sub.add_parser(name, help=help_text, description=description, epilog=_examples(name))


def _examples(name: str) -> str:
    shown = (f"  campaign-bot kb {example}" for example in KB_EXAMPLES.get(name, ()))
    return "examples:\n" + "\n".join(shown)


def _file_or_url(text: str) -> Path | str:
    """`kb draft`'s file: a path, or a URL given in its place, kept exactly as typed."""
    return text if _URL.match(text) else Path(text)


def _guild(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--guild",
        action=Bounded,
        low=1,
        high=SNOWFLAKE_MAX,
        required=True,
        what="a Discord server id",
        help="the server's id",
    )


def run_kb(engine: Engine, args: argparse.Namespace, import_max_bytes: int) -> int:
    """Carry out one `kb` subcommand; domain errors propagate to the CLI's handler."""
    engine.start()
    moderation = Moderation(engine)
    actor = Actor(0, f"cli:{getpass.getuser()}")
    guild, action = args.guild, args.kb_command
    kind = next((k for k, name in ADD_COMMANDS.items() if name == action), None)
    if kind is not None:
        values = {f.name: getattr(args, f.name) for f in FORMS[kind]}
        print(terminal_wording(moderation.add(guild, actor, kind, values), guild))
    elif action == "edit":
        entry_kind, current = moderation.prefill(guild, args.entry)
        for spec in FORMS[entry_kind]:
            given = getattr(args, spec.name, None)
            if given is not None:
                current[spec.name] = given
        print(terminal_wording(moderation.edit(guild, actor, args.entry, current), guild))
    elif action == "remove":
        print(terminal_wording(moderation.remove(guild, actor, args.entry), guild))
    elif action == "list":
        rows = moderation.entries(guild, sources=True)
        for entry_id, entry_kind, label in rows:
            print(f"{entry_kind:<13} {entry_id}  {label}")
        if not rows:
            print("This server has no entries of its own.")
            return EXIT_NOTHING
    elif action == "import":
        with args.file.open("rb") as handle:  # one byte past the cap: it says why
            data = handle.read(import_max_bytes + 1)
        plan = moderation.plan_import(guild, args.file.name, data, import_max_bytes)
        print("\n".join(plan.diff) or "Nothing to change.")
        print(f"{len(plan.diff)} change(s), {plan.unchanged} unchanged.")
        if args.yes and not plan.empty:
            print(terminal_wording(moderation.apply_import(guild, actor, plan), guild))
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
        for change in changes:  # one line per change, however many entries it touched
            undone = f" (undone by #{change.undone_by})" if change.undone_by else ""
            print(f"#{change.id} {change.at} {change.actor_name}: {change.title}{undone}")
            for line in change_details(change):
                print(f"    {line}")
        if not changes:
            print("No changes yet.")
    elif action == "undo":
        print(terminal_wording(moderation.undo(guild, actor, args.change), guild))
    elif action == "draft":
        _draft(engine, moderation, actor, args)
    return EXIT_OK


def terminal_wording(reply: ChangeResult | str, guild: int) -> str:
    """A moderation reply in terminal words: commands as typed in a shell, not slash commands.

    The core words its replies for Discord ("undo with /kb undo"); here the same hint names
    the command line that does it, with the change number when there is one.
    """
    text = reply if isinstance(reply, str) else reply.message
    changes = () if isinstance(reply, str) else reply.change_ids
    if len(changes) == 1:  # an import or an entry with its new source too: one change
        hint = f"undo with: campaign-bot kb undo {changes[0]} --guild {guild}"
    else:  # several changes combined in one reply: one command per change
        hint = f"undo each with: campaign-bot kb undo N --guild {guild}"
    text = text.replace("undo with /kb undo", hint)
    return _SLASH_KB.sub(lambda m: f"campaign-bot kb {m.group(1)} --guild {guild}", text)


def _draft(engine: Engine, moderation: Moderation, actor: Actor, args: argparse.Namespace) -> None:
    """`kb draft`: the draft's review (or its JSON), then the import preview; --yes applies."""
    engine.refresh_if_changed(args.guild, force=True)
    known = Known.of(engine.scope(args.guild))
    if (args.file is None) == (args.url is None):
        raise DocumentError("Give one document: a file, or --url and a web page's address.")
    url = args.url if args.url is not None else (args.file if isinstance(args.file, str) else None)
    if url is not None:
        draft = draft_url(known, url)
    else:
        try:
            with args.file.open("rb") as handle:  # one byte past the cap: it says why
                data = handle.read(DEFAULT_LIMITS.max_bytes + 1)
        except OSError as exc:
            raise DocumentError(f"Cannot read {args.file}: {exc.strerror}.") from None
        draft = draft_bytes(known, data, args.file.name)
    # With --json, stdout carries only the JSON; the review goes to stderr.
    out = sys.stderr if args.json else sys.stdout
    if args.json:
        print(draft.to_json())
    print(terminal_wording("\n".join(draft.report()), args.guild), file=out)
    plan = review(moderation, args.guild, draft)
    print("\n".join(plan.diff) or "Nothing to change.", file=out)
    if args.yes and not plan.empty:
        print(
            terminal_wording(moderation.apply_import(args.guild, actor, plan), args.guild), file=out
        )
    elif not plan.empty:
        print("Dry run: nothing was written. Add --yes to apply.", file=out)
