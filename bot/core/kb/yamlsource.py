"""YAML parsing that remembers line numbers, so every problem can name its line.

PyYAML's safe loader forgets where values came from. This loader builds mappings and
sequences as `dict`/`list` subclasses that carry the 1-based line of themselves and of
each key or item. Dates stay strings (the resolver for timestamps is removed) because
our dates have varying precision and must round-trip exactly.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode


class LineDict(dict[str, Any]):
    """A mapping that knows its own line and the line of each key."""

    line: int
    key_lines: dict[str, int]
    duplicate_keys: list[tuple[str, int]]


class LineList(list[Any]):
    """A sequence that knows its own line and the line of each item."""

    line: int
    item_lines: list[int]


class _LineLoader(yaml.SafeLoader):
    """Safe loader whose containers carry line numbers and whose dates stay text."""


# Drop the implicit timestamp resolver: "2018-06-07" must stay the string we wrote.
_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: _LineLoader, node: Node) -> LineDict:
    assert isinstance(node, MappingNode)  # noqa: S101 - PyYAML guarantees it for this tag
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    result.duplicate_keys = []
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        key_text = str(key)
        line = key_node.start_mark.line + 1
        if key_text in result:
            result.duplicate_keys.append((key_text, line))
        result[key_text] = loader.construct_object(value_node, deep=True)
        result.key_lines[key_text] = line
    return result


def _construct_sequence(loader: _LineLoader, node: Node) -> LineList:
    assert isinstance(node, SequenceNode)  # noqa: S101 - PyYAML guarantees it for this tag
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


#: Scalars up to this length are interned: ids, source ids, countries and titles recur
#: thousands of times across a large corpus (every signatory names an organisation id).
_INTERN_MAX = 64


def _construct_str(loader: _LineLoader, node: Node) -> str:
    assert isinstance(node, ScalarNode)  # noqa: S101 - PyYAML guarantees it for this tag
    value = str(loader.construct_scalar(node))
    return sys.intern(value) if len(value) <= _INTERN_MAX else value


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG, _construct_str)

_FastLoader: type | None = None
if getattr(yaml, "__with_libyaml__", False):

    class _CLineLoader(yaml.CSafeLoader):
        """The same loader with libyaml's parser: the same values and lines, 5x faster.

        Only scanning and parsing run in C; construction (line-aware containers, dates kept
        as text) is `_LineLoader`'s, so both build identical documents.
        """

    _CLineLoader.yaml_implicit_resolvers = _LineLoader.yaml_implicit_resolvers
    _CLineLoader.yaml_constructors = _LineLoader.yaml_constructors
    _FastLoader = _CLineLoader


class YamlSyntaxError(Exception):
    """The text is not valid YAML; carries the line of the fault."""

    def __init__(self, line: int, message: str) -> None:
        self.line = line
        self.message = message
        super().__init__(f"line {line}: {message}")


def parse_yaml(text: str) -> Any:
    """Parse one YAML document into line-aware containers; raise `YamlSyntaxError`.

    libyaml parses when it is installed; a document it rejects is parsed again by the pure
    Python parser, so error messages are the same with or without libyaml.
    """
    if _FastLoader is not None:
        try:
            return yaml.load(text, Loader=_FastLoader)  # noqa: S506 - safe constructor
        except yaml.YAMLError:
            pass
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise YamlSyntaxError(line, str(exc.problem or exc.context or "invalid YAML")) from exc
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(1, str(exc)) from exc


def read_yaml_file(path: Path) -> Any:
    """Read and parse a YAML file (UTF-8)."""
    return parse_yaml(path.read_text(encoding="utf-8"))


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
