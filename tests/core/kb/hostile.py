"""Hostile YAML documents, shared by the limit tests and the memory check.

Each entry: the bytes of a data file or an import, the line the problem is on, and a piece
of the one-line message that must name it.
"""

from __future__ import annotations

from typing import NamedTuple


class Hostile(NamedTuple):
    """A document that must be refused quickly, cheaply, and with a clear message."""

    data: bytes
    line: int
    message: str


def alias_bomb() -> bytes:
    """Billion laughs: nine levels of nine aliases each (9**9 leaves), used as a mapping key."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    previous = "a"
    for name in "bcdefghi":
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
        previous = name
    lines.append(f"? *{previous}\n: boom")
    return ("\n".join(lines) + "\n").encode()


def _source(publisher: str) -> bytes:
    return b"sources:\n  - id: s\n    title: t\n    publisher: " + publisher.encode() + b"\n"


HOSTILE: dict[str, Hostile] = {
    "alias-bomb": Hostile(alias_bomb(), 1, "anchors and aliases"),
    "alias-key-only": Hostile(b"k: &k [a, b]\n? *k\n: v\n", 1, "anchors and aliases"),
    "flow-20000-deep": Hostile(
        b"sources: " + b"[" * 20000 + b"]" * 20000 + b"\n", 1, "nest more than 32 deep"
    ),
    "block-20000-deep": Hostile(
        b"sources:\n" + b"- " * 20000 + b"x\n", 2, "nest more than 32 deep"
    ),
    "int-5000-digits": Hostile(_source("7" * 5000), 4, "a number of 5,000 characters"),
    "hex-int-5000": Hostile(_source("0x" + "f" * 4998), 4, "a number of 5,000 characters"),
    "lone-surrogate": Hostile(_source('"\\ud800"'), 4, "invalid Unicode character escape"),
    "past-unicode": Hostile(_source('"\\U00110000"'), 4, "invalid Unicode character escape"),
    "dense-nodes": Hostile(b"sources: [" + b"1," * 200_000 + b"1]\n", 1, "more than 150,000"),
    "explicit-tag": Hostile(b"sources: !!python/object:os.system x\n", 1, "not allowed"),
    "bad-bool": Hostile(b"sources: !!bool maybe\n", 1, "not a valid bool"),
}
