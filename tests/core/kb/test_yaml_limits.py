"""parse_yaml bounds what a document can cost, and keeps its line-aware values."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.core.kb import yamlsource
from bot.core.kb.limits import MAX_NUMBER_CHARS, MAX_YAML_BYTES, MAX_YAML_DEPTH, MAX_YAML_NODES
from bot.core.kb.yamlsource import LineDict, LineList, YamlSyntaxError, line_of, parse_yaml
from tests.core.kb.hostile import HOSTILE


@pytest.fixture(params=["libyaml", "pure-python"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Each test runs with libyaml's parser and again with PyYAML's pure-Python one."""
    if request.param == "pure-python":
        monkeypatch.setattr(yamlsource, "_FastLoader", None)
    elif yamlsource._FastLoader is None:
        pytest.skip("libyaml is not installed")
    yield request.param


def _refusal(text: str) -> YamlSyntaxError:
    with pytest.raises(YamlSyntaxError) as caught:
        parse_yaml(text)
    assert "\n" not in caught.value.message
    return caught.value


#: Every hostile document with both parsers, but the dense one only with libyaml: the count
#: is the shared builder's, and pure Python takes seconds to parse 400 kB.
_HOSTILE_CASES = [
    pytest.param(name, parser, id=f"{parser}-{name}")
    for name in sorted(HOSTILE)
    for parser in ("libyaml", "pure-python")
    if (parser, name) != ("pure-python", "dense-nodes")
]


@pytest.mark.parametrize(("name", "parser"), _HOSTILE_CASES, indirect=["parser"])
def test_hostile_document_is_refused_at_its_line(name: str, parser: str) -> None:
    """Every hostile document is refused with a one-line message naming its line."""
    hostile = HOSTILE[name]
    refusal = _refusal(hostile.data.decode())
    assert refusal.line == hostile.line
    if parser == "libyaml" or "Unicode" not in hostile.message:
        assert hostile.message in refusal.message


def test_pure_python_parser_names_a_lone_surrogate(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without libyaml, an escaped lone surrogate is refused before the content hash."""
    monkeypatch.setattr(yamlsource, "_FastLoader", None)
    refusal = _refusal('a: b\nc: "x\\ud800"\n')
    assert refusal.line == 2 and "lone surrogate \\ud800" in refusal.message


def test_pure_python_parser_names_an_escape_past_unicode(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without libyaml, an escape past U+10FFFF is a message, not chr()'s ValueError."""
    monkeypatch.setattr(yamlsource, "_FastLoader", None)
    refusal = _refusal('a: b\nc: "\\U00110000"\n')
    assert refusal.line == 2 and "no character has that code" in refusal.message


def test_lone_surrogate_in_the_text_itself_is_refused() -> None:
    """Text that already holds a lone surrogate (from a JSON escape) is not Unicode."""
    refusal = _refusal("a: b\nc: x\ud800y\n")
    assert refusal.line == 2 and "lone surrogate" in refusal.message


def test_nesting_at_the_limit_is_read_and_one_more_is_refused(parser: str) -> None:
    """MAX_YAML_DEPTH levels are fine; one more is refused at its line."""
    deepest = parse_yaml("[" * MAX_YAML_DEPTH + "]" * MAX_YAML_DEPTH)
    for _ in range(MAX_YAML_DEPTH - 1):
        deepest = deepest[0]
    assert deepest == []
    block = "".join(f"{' ' * level}k{level}:\n" for level in range(MAX_YAML_DEPTH + 1))
    assert _refusal(block + " " * (MAX_YAML_DEPTH + 1) + "v\n").line == MAX_YAML_DEPTH + 1


def test_node_count_at_the_limit_is_read_and_one_more_is_refused() -> None:
    """A list of MAX_YAML_NODES - 1 numbers is MAX_YAML_NODES values; one more is too many."""
    at_limit = "[" + "1," * (MAX_YAML_NODES - 2) + "1]"
    assert len(parse_yaml(at_limit)) == MAX_YAML_NODES - 1
    assert "more than" in _refusal(at_limit.replace("[", "[1,", 1)).message


def test_number_at_the_limit_is_read_and_one_more_digit_is_refused(parser: str) -> None:
    """A MAX_NUMBER_CHARS-digit integer is an int; one digit more is refused."""
    assert parse_yaml("n: " + "9" * MAX_NUMBER_CHARS)["n"] == int("9" * MAX_NUMBER_CHARS)
    assert _refusal("n: " + "9" * (MAX_NUMBER_CHARS + 1)).line == 1


def test_long_text_is_not_a_number() -> None:
    """The digit limit is for numbers only: long text and quoted digits are read."""
    assert parse_yaml(f"t: {'word ' * 10_000}\nq: '{'7' * 5000}'\n")["q"] == "7" * 5000


def test_document_over_the_size_limit_is_refused_before_parsing() -> None:
    """A document longer than MAX_YAML_BYTES is refused without being parsed."""
    refusal = _refusal("#" * (MAX_YAML_BYTES + 1))
    assert refusal.line == 1 and "the limit is" in refusal.message


def test_several_documents_are_refused(parser: str) -> None:
    """A file is one document: a second one is named at its line."""
    assert _refusal("a: 1\n---\nb: 2\n").line == 2


def test_mapping_key_must_be_text(parser: str) -> None:
    """A list or mapping used as a key is refused, not turned into its repr."""
    assert "must be text" in _refusal("? [a, b]\n: c\n").message


def test_merge_key_is_refused(parser: str) -> None:
    """`<<` merges are refused with their name."""
    assert "merge keys" in _refusal("a:\n  <<: {b: 1}\n").message


def test_lines_and_values_survive(parser: str) -> None:
    """Values, types, key lines, item lines and duplicate keys are kept as before."""
    document = parse_yaml(
        "# a comment\n"
        "letters:\n"
        "  - id: one\n"
        "    count: 52\n"
        "    of_signers: yes\n"
        "    date: 2018-06-07\n"
        "    note: ~\n"
        "    id: again\n"
        "  - 1.5\n"
        "'=': x\n"
    )
    assert isinstance(document, LineDict) and document.line == 2
    letters = document["letters"]
    assert isinstance(letters, LineList) and letters.item_lines == [3, 9]
    entry = letters[0]
    assert entry == {
        "id": "again",
        "count": 52,
        "of_signers": True,
        "date": "2018-06-07",
        "note": None,
    }
    assert line_of(entry, "count") == 4 and entry.duplicate_keys == [("id", 8)]
    assert letters[1] == 1.5 and document["="] == "x"


def test_empty_document_is_none(parser: str) -> None:
    """An empty file or a bare `---` is no document, as before."""
    assert parse_yaml("") is None and parse_yaml("---\n") is None and parse_yaml("x") == "x"
