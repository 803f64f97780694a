"""`campaign-bot db …`: the shared database.

`db copy --to postgres|files` moves a deployment's entries, change log and usage log
between this host's files and PostgreSQL (see docs/deploying.md).
"""

from __future__ import annotations

import argparse

from bot.cli.exits import EXIT_OK
from bot.config import Settings, require_writable
from bot.core.errors import CampaignBotError, ConfigError
from bot.core.storage.urls import redact_url

# The database comes from database_url (config.toml or CAMPAIGN_BOT_DATABASE_URL).
_EXAMPLES = """examples:
  campaign-bot --config /etc/campaign-bot/config.toml db copy --to postgres
  campaign-bot db copy --to files"""


def add_db_parser(commands: argparse._SubParsersAction, parser_class: type) -> None:
    """Register `db` and its subcommands."""
    db = commands.add_parser(
        "db",
        help="the shared PostgreSQL database (database_url)",
        epilog=_EXAMPLES,
        description="Move moderators' entries, their change log and the usage log between "
        "this host's files and the database named by database_url.",
    )
    actions = db.add_subparsers(dest="db_command", metavar="ACTION", parser_class=parser_class)
    actions.required = True
    copy = actions.add_parser(
        "copy",
        help="copy files into an empty database, or the database into empty files",
        epilog=_EXAMPLES,
        description="Copy community_dir and usage_db into an empty database (--to postgres), "
        "or the database into an empty community_dir and a new usage_db "
        "(--to files). Change numbers and usage times are kept; a target that "
        "holds anything is refused. Stop the bots first.",
    )
    copy.add_argument(
        "--to", choices=("postgres", "files"), required=True, help="where the state goes"
    )


def run_db(settings: Settings, args: argparse.Namespace) -> int:
    """Run `db copy`; say what was copied, in one line."""
    url = settings.database_url
    if url is None:
        raise ConfigError(
            "db copy needs database_url (or CAMPAIGN_BOT_DATABASE_URL): the "
            "database to copy to or from"
        )
    # Local: only `db` needs the driver.
    from bot.core.storage.copy import copy_to_files, copy_to_postgres
    from bot.core.storage.postgres import DB_ERRORS

    try:
        if args.to == "postgres":
            report = copy_to_postgres(settings.community_dir, settings.usage_db, url)
            print(
                f"copied {report} from {settings.community_dir} and {settings.usage_db} "
                f"into {redact_url(url)}"
            )
        else:
            require_writable(settings, ("community_dir", "usage_db"))
            report = copy_to_files(url, settings.community_dir, settings.usage_db)
            print(
                f"copied {report} from {redact_url(url)} into {settings.community_dir} "
                f"and {settings.usage_db}"
            )
    except DB_ERRORS as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise CampaignBotError(
            f"db copy: {redact_url(url)}: {reason}; nothing was copied"
        ) from None
    return EXIT_OK
