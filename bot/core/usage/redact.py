"""What of a command's text the usage log keeps: normalised, capped, and with no ids.

A question is kept so moderators can see what people ask and what found nothing. A
Discord mention in it (`<@123…>`) carries another user's id, which `/privacy forget-me`
could never find (rows are found by the asker's hash), so mentions and bare snowflakes are
replaced before anything is queued; `@everyone` and `@here` are defused, so showing a
stored question in Discord can never ping a server.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping
from typing import Final

#: Longest question kept, in characters: enough to group real questions, bounded storage.
QUESTION_MAX_CHARS: Final = 200
#: Longest other string parameter kept, in characters.
PARAM_MAX_CHARS: Final = 100
#: Smallest integer taken for a Discord id: snowflakes have 17 digits or more since 2016,
#: and no option of ours (counts, days, change numbers below 2**53) comes near it.
SNOWFLAKE_MIN: Final = 10**16

_WHITESPACE = re.compile(r"\s+")
# ASCII digits after NFKC, which has already turned "１２３" into "123".
_USER = re.compile(r"<@!?[0-9]+>")
_ROLE = re.compile(r"<@&[0-9]+>")
_CHANNEL = re.compile(r"<#[0-9]+>")
_MASS = re.compile(r"@(everyone|here)", re.IGNORECASE)
# A snowflake typed or pasted without the <@…> around it; 17 to 20 digits, alone.
_SNOWFLAKE = re.compile(r"(?<![0-9])[0-9]{17,20}(?![0-9])")


def neutralise_mentions(text: str) -> str:
    """`text` with Discord mentions and ids replaced: "<@123>" → "@user", "<@&1>" → "@role".

    "<#1>" becomes "#channel", a bare 17-20 digit id "[id]", and "@everyone"/"@here" get
    a zero-width space after the "@" so they read the same but never ping.
    """
    text = _USER.sub("@user", text)
    text = _ROLE.sub("@role", text)
    text = _CHANNEL.sub("#channel", text)
    text = _SNOWFLAKE.sub("[id]", text)
    return _MASS.sub("@\u200b\\1", text)


def normalise_question(text: str) -> str:
    """Return a question in the form used for grouping: NFKC, no ids, collapsed, case-folded.

    Mentions go before the cap, so a cut can never leave half an id behind. The result is
    capped at `QUESTION_MAX_CHARS`; an empty result means no question.
    """
    folded = neutralise_mentions(unicodedata.normalize("NFKC", text)).casefold()
    return _WHITESPACE.sub(" ", folded).strip()[:QUESTION_MAX_CHARS].rstrip()


def normalise_params(params: Mapping[str, object]) -> str:
    """The other options as compact JSON: strings trimmed, capped and free of ids."""
    clean = {str(name): _clean(value) for name, value in params.items()}
    return json.dumps(clean, sort_keys=True, separators=(",", ":"))


def _clean(value: object) -> object:
    # Strings keep their case: they are slugs and names.
    if isinstance(value, str):
        text = neutralise_mentions(unicodedata.normalize("NFKC", value))
        return _WHITESPACE.sub(" ", text).strip()[:PARAM_MAX_CHARS]
    if isinstance(value, bool) or value is None or isinstance(value, float):
        return value
    if isinstance(value, int):
        return "[id]" if abs(value) >= SNOWFLAKE_MIN else value
    if isinstance(value, Mapping):
        return {str(k): _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    # An odd type must not fail the command being logged; its text is cleaned like any.
    return _clean(str(value))
