"""Moderators' entries and their change log in PostgreSQL, shared by every host.

The second implementation of the entry store (the first is `community.CommunityStore`, files
and SQLite): entries are rows holding the very YAML text a file would hold, keyed by server,
kind and id, so parsing and validation are the same code; the change log is the same table
with the same pending/applied states. `schema` has the versioned tables, `changelog` the
log, `store` the store, `listener` the LISTEN/NOTIFY thread that tells a process another
host changed a server's entries.
"""

from bot.core.moderation.postgres.store import PostgresCommunityStore

__all__ = ["PostgresCommunityStore"]
