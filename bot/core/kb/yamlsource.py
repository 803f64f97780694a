"""YAML parsing that remembers line numbers and bounds the work any document can cause.

PyYAML's safe loader forgets where values came from. This module builds mappings and
sequences as `dict`/`list` subclasses that carry the 1-based line of themselves and of
each key or item. Dates stay strings (the resolver for timestamps is removed) because
our dates have varying precision and must round-trip exactly.

Values are built straight from the parser's event stream, in one loop without recursion,
so the limits of `bot.core.kb.limits` are checked before anything is built: anchors and
aliases are refused (an alias bomb of a few hundred bytes expands to gigabytes as soon as
anything walks it), and so are nesting past `MAX_YAML_DEPTH`, more than `MAX_YAML_NODES`
values and numbers longer than `MAX_NUMBER_CHARS`. Neither the bundled data nor anything
the bot writes uses anchors.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    StreamEndEvent,
)
from yaml.nodes import ScalarNode
from yaml.reader import ReaderError

from bot.core.kb.files import read_text
from bot.core.kb.limits import MAX_NUMBER_CHARS, MAX_YAML_BYTES, MAX_YAML_DEPTH, MAX_YAML_NODES


class LineDict(dict[str, Any]):
    """A mapping that knows its own line and the line of each key."""

    line: int
    key_lines: dict[str, int]
    duplicate_keys: list[tuple[str, int]]


class LineList(list[Any]):
    """A sequence that knows its own line and the line of each item."""

    line: int
    item_lines: list[int]


class YamlSyntaxError(Exception):
    """The text is not valid YAML, or not YAML we accept; carries the line of the fault."""

    def __init__(self, line: int, message: str) -> None:
        self.line = line
        self.message = message
        super().__init__(f"line {line}: {message}")


class YamlLimitError(YamlSyntaxError):
    """Valid YAML that we refuse: an alias, a tag, or a size, depth or number over a limit."""


class _LineLoader(yaml.SafeLoader):
    """Safe loader whose dates stay text; its parser feeds `_build` events."""


# Drop the implicit timestamp resolver: "2018-06-07" must stay the string we wrote.
_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_FastLoader: type | None = None
if getattr(yaml, "__with_libyaml__", False):

    class _CLineLoader(yaml.CSafeLoader):
        """The same loader with libyaml's parser: the same events, 8x faster."""

    _CLineLoader.yaml_implicit_resolvers = _LineLoader.yaml_implicit_resolvers
    _FastLoader = _CLineLoader

_TAG = "tag:yaml.org,2002:"
_STR, _INT, _FLOAT, _MAP, _SEQ = (_TAG + name for name in ("str", "int", "float", "map", "seq"))
#: Scalar tags built by PyYAML's safe constructors; any other tag (binary, set, timestamp,
#: python/…, custom ones) is refused: nothing in the knowledge base is written that way.
_CONSTRUCTED = {_TAG + name for name in ("null", "bool", "int", "float")}
#: Scalars up to this length are interned: ids, source ids, countries and titles recur
#: thousands of times across a large corpus (every signatory names an organisation id).
_INTERN_MAX = 64
_AWAITING_KEY = object()


def parse_yaml(text: str) -> Any:
    """Parse one YAML document into line-aware containers; raise `YamlSyntaxError`.

    libyaml parses when it is installed, and its error message is the one given: parsing a
    rejected document again with the pure-Python parser, for its wording, took 9 s on a
    4 MB file. Without libyaml the pure-Python parser feeds the same builder.
    """
    if len(text) > MAX_YAML_BYTES:
        raise YamlLimitError(
            1, f"the document is {len(text):,} characters long; the limit is {MAX_YAML_BYTES:,}"
        )
    _check_encodable(text)
    loader = _FastLoader(text) if _FastLoader is not None else _LineLoader(text)
    try:
        return _build(loader, checked=_FastLoader is not None)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        problem = str(exc.problem or exc.context or "invalid YAML")
        if "nesting depth" in problem:  # libyaml's own bound, at 1,000 levels
            raise YamlLimitError(line, _too_deep()) from None
        raise YamlSyntaxError(line, problem) from None
    except ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        raise YamlSyntaxError(
            line, f"unacceptable character #x{exc.character:04x}: {exc.reason}"
        ) from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(1, str(exc)) from None
    except ValueError:  # the pure-Python scanner's chr() on an escape past U+10FFFF
        raise YamlSyntaxError(
            getattr(loader, "line", 0) + 1,
            "invalid escape: no character has that code (the largest is \\U0010FFFF)",
        ) from None
    finally:
        loader.dispose()


def read_yaml_file(path: Path) -> Any:
    """Read and parse a YAML file (UTF-8), refusing anything but a bounded regular file."""
    return parse_yaml(read_text(path))


def line_of(container: Any, key: str | int | None = None) -> int:
    """The line of `container[key]` (or of the container itself), 1 when unknown."""
    if key is None:
        return getattr(container, "line", 1)
    if isinstance(container, LineDict) and isinstance(key, str):
        return container.key_lines.get(key, container.line)
    if isinstance(container, LineList) and isinstance(key, int):
        if 0 <= key < len(container.item_lines):
            return container.item_lines[key]
        return container.line
    return getattr(container, "line", 1)


def _check_encodable(text: str) -> None:
    """Refuse lone surrogates (what a JSON escape of half a UTF-16 pair decodes to)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        line = text.count("\n", 0, exc.start) + 1
        raise YamlSyntaxError(
            line, f"{_surrogate(text[exc.start])} is not a valid character"
        ) from None


def _too_deep() -> str:
    return f"lists and mappings nest more than {MAX_YAML_DEPTH} deep"


def _surrogate(char: str) -> str:
    return f"the lone surrogate \\u{ord(char):04x}"


def _build(loader: Any, checked: bool) -> Any:
    """One document from the loader's events, limits checked before anything is built.

    `checked` says the parser cannot produce lone surrogates (libyaml refuses them in
    escapes, and the text was checked); the pure-Python parser can, so its strings are
    checked one by one.
    """
    get_event = loader.get_event
    get_event()  # StreamStartEvent
    if isinstance(get_event(), StreamEndEvent):  # else DocumentStartEvent
        return None
    #: One frame per open collection: [container, is_mapping, key or _AWAITING_KEY, key line]
    stack: list[list[Any]] = []
    root: Any = None
    nodes = 0
    while True:
        event = get_event()
        kind = type(event)
        if kind is MappingEndEvent or kind is SequenceEndEvent:
            stack.pop()
            if stack:
                continue
            break
        line = event.start_mark.line + 1
        if kind is AliasEvent or event.anchor is not None:
            raise YamlLimitError(
                line,
                "anchors and aliases (&name, *name) are not allowed; write each value out in full",
            )
        nodes += 1
        if nodes > MAX_YAML_NODES:
            raise YamlLimitError(line, f"more than {MAX_YAML_NODES:,} values in one document")
        frame = stack[-1] if stack else None
        if kind is ScalarEvent:
            value = _scalar(loader, event, line, checked)
            if frame is not None and frame[1] and frame[2] is _AWAITING_KEY:
                frame[2], frame[3] = str(value), line
                continue
        else:
            if frame is not None and frame[1] and frame[2] is _AWAITING_KEY:
                raise YamlLimitError(line, "a mapping key must be text, not a list or mapping")
            if len(stack) >= MAX_YAML_DEPTH:
                raise YamlLimitError(line, _too_deep())
            value = _collection(event, kind is MappingStartEvent, line)
        if frame is None:
            root = value
        elif frame[1]:
            _set_item(frame, value)
        else:
            frame[0].append(value)
            frame[0].item_lines.append(line)
        if kind is ScalarEvent:
            if frame is None:
                break
        else:
            stack.append([value, kind is MappingStartEvent, _AWAITING_KEY, 0])
    get_event()  # DocumentEndEvent
    extra = get_event()
    if not isinstance(extra, StreamEndEvent):
        raise YamlSyntaxError(
            extra.start_mark.line + 1, "expected a single document, but found another document"
        )
    return root


def _set_item(frame: list[Any], value: Any) -> None:
    mapping, key = frame[0], frame[2]
    if key in mapping:
        mapping.duplicate_keys.append((key, frame[3]))
    mapping[key] = value
    mapping.key_lines[key] = frame[3]
    frame[2] = _AWAITING_KEY


def _collection(event: Any, is_mapping: bool, line: int) -> LineDict | LineList:
    if event.tag not in (None, "!", _MAP if is_mapping else _SEQ):
        raise YamlLimitError(line, f"the tag {event.tag!r} is not allowed; write plain YAML")
    container: LineDict | LineList
    if is_mapping:
        container = LineDict()
        container.key_lines = {}
        container.duplicate_keys = []
    else:
        container = LineList()
        container.item_lines = []
    container.line = line
    return container


def _scalar(loader: Any, event: Any, line: int, checked: bool) -> Any:
    value: str = event.value
    tag = event.tag
    if tag is None or tag == "!":
        tag = loader.resolve(ScalarNode, value, event.implicit) if event.implicit[0] else _STR
    if tag == _STR or tag == _TAG + "value":  # "=" is text, not PyYAML's value key
        if not checked and not value.isascii():
            _check_string(value, line)
        return sys.intern(value) if len(value) <= _INTERN_MAX else value
    if tag not in _CONSTRUCTED:
        shown = "merge keys (<<)" if tag == _TAG + "merge" else f"the tag {tag!r}"
        raise YamlLimitError(line, f"{shown} not allowed; write plain YAML")
    if (tag == _INT or tag == _FLOAT) and len(value) > MAX_NUMBER_CHARS:
        raise YamlLimitError(
            line,
            f"a number of {len(value):,} characters is too long (the limit is {MAX_NUMBER_CHARS})",
        )
    if tag == _INT and value.isdigit() and value.isascii() and value[0] != "0":
        return int(value)  # plain decimal, the common case; "012" is octal in YAML 1.1
    node = ScalarNode(tag, value, event.start_mark, event.end_mark)
    try:
        return loader.yaml_constructors[tag](loader, node)
    except (KeyError, ValueError):  # an explicit tag on text it does not fit: !!bool maybe
        raise YamlLimitError(
            line, f"{value[:40]!r} is not a valid {tag.removeprefix(_TAG)}"
        ) from None


def _check_string(value: str, line: int) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise YamlSyntaxError(
            line, f"{_surrogate(value[exc.start])} is not a valid character"
        ) from None
