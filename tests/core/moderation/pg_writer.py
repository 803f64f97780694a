"""A writer on its own "host" for the PostgreSQL store tests: run as a separate process.

python -m tests.core.moderation.pg_writer URL GUILD FIRST COUNT
    adds COUNT organisations numbered from FIRST, one batch each, printing each batch
python -m tests.core.moderation.pg_writer URL GUILD FIRST hang
    takes the lock, writes one entry inside an open transaction, prints "writing" and
    waits to be killed
"""

from __future__ import annotations

import sys
import time

from bot.core.moderation.postgres import PostgresCommunityStore
from tests.core.moderation.stores import add, organization


def main(url: str, guild: int, first: int, what: str) -> None:
    """Write as told; every line printed is a batch the store acknowledged."""
    store = PostgresCommunityStore(url, lock_timeout=60, listen=False)
    if what == "hang":
        entry_id, text = organization(guild, first)
        with store.locked(), store._session.use() as db, db.transaction():
            db.execute(
                "INSERT INTO community_entries VALUES (%s, 'organization', %s, %s)",
                (guild, entry_id, text),
            )
            print("writing", flush=True)
            time.sleep(600)
        return
    for n in range(first, first + int(what)):
        print(add(store, guild, n), flush=True)
    store.close()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
