"""Shared state in PostgreSQL: what the usage log and the moderators' store have in common.

With `database_url` set, several bot processes and the CLI, each on its own host, share
one database instead of files. This package owns what both backends need: checking and
redacting the URL, connecting with bounded waits, the error a front end shows when the
database is down, and versioned schema migrations. The tables themselves belong to their
area (`bot.core.usage.storage.postgres`, `bot.core.moderation.postgres`).
"""
