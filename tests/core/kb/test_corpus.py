"""The loader: every kind of bad input is reported with file, line and problem; none loads."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from bot.core.errors import CorpusError
from bot.core.kb.corpus import atomic_write_text, load_corpus

GOOD = """\
sources:
  - id: src
    publisher: Example News
    title: A report
    date: "2018-06-07"
organizations:
  - id: hrw
    name: Human Rights Watch
    kind: ngo
    aliases: [HRW]
    sources: [src]
people:
  - id: kim
    name: Kim Jong Un
    sources: [src]
  - id: adams
    name: Brad Adams
    roles:
      - title: Asia director
        organization: hrw
        as_of: "2018-06-07"
        sources: [src]
    sources: [src]
letters:
  - id: letter-2018
    title: Joint letter
    date: "2018-06-07"
    recipient: kim
    summary: A letter.
    signatories:
      - organization: hrw
        sources: [src]
    reported_counts:
      - count: 52
        unit: organizations
        sources: [src]
    sources: [src]
quotes:
  - id: q1
    speaker: adams
    text: Words.
    kind: verbatim
    about: [letter-2018]
    sources: [src]
"""


def write(directory: Path, text: str, name: str = "kb.yaml") -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def problems_of(directory: Path) -> list[str]:
    with pytest.raises(CorpusError) as caught:
        load_corpus(directory)
    return [str(problem) for problem in caught.value.problems]


def test_good_fixture_loads_with_links(tmp_path: Path) -> None:
    """A valid corpus loads with reverse links resolved."""
    write(tmp_path, GOOD)
    kb = load_corpus(tmp_path)
    assert kb.counts() == {
        "source": 1,
        "organization": 1,
        "person": 2,
        "letter": 1,
        "quote": 1,
        "event": 0,
        "signatory": 0,
        "demand": 0,
    }
    assert [x.id for x in kb.letters_signed_by("hrw")] == ["letter-2018"]
    assert [q.id for q in kb.quotes_by("adams")] == ["q1"]
    assert [q.id for q in kb.quotes_about("letter-2018")] == ["q1"]
    assert [p.id for p in kb.people_of("hrw")] == ["adams"]
    assert [x.id for x in kb.letters_to("kim")] == ["letter-2018"]


def test_bundled_corpus_validates(bundled_kb) -> None:
    """The shipped data/ loads without a problem and has all three letters."""
    assert len(bundled_kb.letters) == 3
    assert bundled_kb.counts()["organization"] > 40


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        ("  - id: hrw\n", "  - id: Bad Id\n", 7, "must be a slug"),
        (
            '    date: "2018-06-07"\n    recipient',
            '    date: "7 June 2018"\n    recipient',
            27,
            "must be a date",
        ),
        ("    kind: ngo\n", "    kind: charity\n", 9, "must be one of"),
        ("    aliases: [HRW]\n", "    aliasses: [HRW]\n", 10, "unknown key 'aliasses'"),
        ("      - count: 52\n", "      - count: fifty-two\n", 34, "must be a whole number"),
        ("    recipient: kim\n", "    recipient: nobody\n", 28, "unknown id 'nobody'"),
        (
            "      - organization: hrw\n",
            "      - organization: kim\n",
            31,
            "must name an organization, but 'kim' is a person",
        ),
        ("    speaker: adams\n", "", 39, "missing required field 'speaker'"),
        ('    sources: [src]\n"""', '"""', 39, "missing required field 'sources'"),
        ("    aliases: [HRW]\n", "    aliases: HRW\n", 10, "must be a list"),
        (
            "    title: Joint letter\n",
            "    title: Joint letter\n    title: Again\n",
            27,
            "duplicate key 'title'",
        ),
    ],
)
def test_each_bad_input_is_reported_with_file_and_line(
    tmp_path: Path, old: str, new: str, line: int, message: str
) -> None:
    """One broken field gives one located problem, and nothing is loaded."""
    text = (GOOD + '"""').replace(old, new).removesuffix('"""')
    assert text != GOOD, "the substitution must change the fixture"
    write(tmp_path, text)
    found = problems_of(tmp_path)
    assert any(p.startswith(f"kb.yaml:{line}:") and message in p for p in found), found


def test_quote_without_source_is_reported(tmp_path: Path) -> None:
    """A quote that cites nothing is refused."""
    write(
        tmp_path,
        GOOD.replace(
            "    about: [letter-2018]\n    sources: [src]\n", "    about: [letter-2018]\n"
        ),
    )
    assert any("missing required field 'sources'" in p for p in problems_of(tmp_path))


def test_duplicate_ids_across_files_name_both_places(tmp_path: Path) -> None:
    """The same id in two files is reported at the second, naming the first."""
    write(tmp_path, GOOD)
    write(
        tmp_path,
        "organizations:\n  - id: hrw\n    name: Again\n    kind: ngo\n    sources: [src]\n",
        name="more.yaml",
    )
    found = problems_of(tmp_path)
    assert any(
        p.startswith("more.yaml:2:") and "duplicate id 'hrw'" in p and "kb.yaml:7" in p
        for p in found
    ), found


def test_invalid_yaml_is_reported_with_line(tmp_path: Path) -> None:
    """A syntax error names its line."""
    write(tmp_path, "sources:\n  - id: [unclosed\n")
    found = problems_of(tmp_path)
    assert found and found[0].startswith("kb.yaml:") and "invalid YAML" in found[0]


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    """Several faults in several files are all listed together."""
    write(
        tmp_path,
        GOOD.replace("    kind: ngo\n", "    kind: charity\n").replace(
            "    recipient: kim\n", "    recipient: nobody\n"
        ),
    )
    write(tmp_path, "letters: not-a-list\n", name="broken.yaml")
    found = problems_of(tmp_path)
    assert len(found) >= 3
    assert {p.split(":")[0] for p in found} == {"kb.yaml", "broken.yaml"}


def test_unknown_section_is_reported(tmp_path: Path) -> None:
    """A top-level key that is not a kind (a typo) is a problem."""
    write(tmp_path, GOOD + "peoples: []\n")
    assert any("unknown section 'peoples'" in p for p in problems_of(tmp_path))


def test_missing_directory_is_an_error(tmp_path: Path) -> None:
    """A data directory that does not exist is reported, not crashed on."""
    assert "does not exist" in problems_of(tmp_path / "nowhere")[0]


def test_community_directory_is_not_part_of_the_bundled_corpus(tmp_path: Path) -> None:
    """Files under community/ are moderators' entries and are skipped by the bundled loader."""
    write(tmp_path, GOOD)
    write(tmp_path / "community" / "123", "nonsense: [", name="x.yaml")
    assert len(load_corpus(tmp_path).letters) == 1


def test_content_hash_changes_only_for_the_edited_entity(tmp_path: Path) -> None:
    """Editing one entry changes its hash and no other."""
    write(tmp_path, GOOD)
    before = {i: r.content_hash for i, r in load_corpus(tmp_path).records.items()}
    write(tmp_path, GOOD.replace("summary: A letter.", "summary: A changed letter."))
    after = {i: r.content_hash for i, r in load_corpus(tmp_path).records.items()}
    assert [i for i in before if before[i] != after[i]] == ["letter-2018"]


def test_atomic_write_replaces_whole_file(tmp_path: Path) -> None:
    """An atomic write leaves the new text and no temporary files."""
    target = tmp_path / "sub" / "entry.yaml"
    atomic_write_text(target, "old")
    atomic_write_text(target, "new")
    assert target.read_text() == "new"
    assert [p.name for p in target.parent.iterdir()] == ["entry.yaml"]
