"""The secret that turns Discord user ids into keyed hashes, and the hash itself.

User ids are never stored: rows carry an HMAC-SHA256 of the id under a secret kept outside
the database, so a leaked database alone cannot be joined back to Discord accounts, while
`UsageLog.forget` can still find a user's rows.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path
from typing import Final

from bot.core.errors import ConfigError

#: A shorter secret would make the user hash guessable by brute force.
SECRET_MIN_BYTES: Final = 16
#: Environment variable holding the user-hash secret (else a key file is used).
USAGE_SECRET_ENV: Final = "CAMPAIGN_BOT_USAGE_SECRET"  # noqa: S105 - a variable name


def load_or_create_secret(env_value: str | None, key_path: Path) -> bytes:
    """Return the user-hash secret: from the environment, else the key file, else a new one.

    The secret is text (a new one is 64 hex digits), so the key file's contents can be
    moved into the environment unchanged. A new key file is written with mode 0600 and
    linked into place atomically; if another process won the race, its key is used.
    """
    if env_value is not None and env_value.strip():
        return _checked_secret(env_value.strip(), "the environment")
    try:
        return _checked_secret(key_path.read_text(encoding="utf-8").strip(), str(key_path))
    except FileNotFoundError:
        pass
    key_path.parent.mkdir(parents=True, exist_ok=True)
    text = secrets.token_bytes(32).hex()
    tmp = key_path.with_name(f".{key_path.name}.{secrets.token_hex(8)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            file.write(text + "\n")
            file.flush()
            os.fsync(file.fileno())
        try:
            os.link(tmp, key_path)  # unlike rename, never replaces a key another process made
        except FileExistsError:
            return load_or_create_secret(None, key_path)
    finally:
        tmp.unlink(missing_ok=True)
    return text.encode("utf-8")


def _checked_secret(text: str, origin: str) -> bytes:
    secret = text.encode("utf-8")
    if len(secret) < SECRET_MIN_BYTES:
        raise ConfigError(f"The usage-log secret from {origin} is shorter than 16 bytes.")
    return secret


def hash_user_id(secret: bytes, user_id: int) -> str:
    """Return the keyed hash that stands for a user id in the log (hex HMAC-SHA256)."""
    return hmac.new(secret, str(user_id).encode("ascii"), hashlib.sha256).hexdigest()
