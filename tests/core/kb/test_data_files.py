"""What a data directory holds besides data files is reported, never skipped or opened."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.core.errors import CorpusError
from bot.core.kb.corpus import load_corpus
from bot.core.kb.files import UnreadableFileError, data_files
from bot.core.kb.limits import MAX_YAML_BYTES
from bot.core.kb.yamlsource import read_yaml_file
from tests.core.kb.hostile import HOSTILE

SOURCE = "sources:\n  - id: src\n    publisher: Example News\n    title: A report\n"
REPO = Path(__file__).resolve().parents[3]


def problems_of(directory: Path) -> list[str]:
    """The problems load_corpus reports; it must refuse to load."""
    with pytest.raises(CorpusError) as caught:
        load_corpus(directory)
    return [str(problem) for problem in caught.value.problems]


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A valid data directory with one source."""
    directory = tmp_path / "data"
    directory.mkdir()
    (directory / "sources.yaml").write_text(SOURCE, encoding="utf-8")
    assert len(load_corpus(directory).sources) == 1
    return directory


def test_fifo_is_reported_by_validate_and_never_opened(data_dir: Path) -> None:
    """`validate` names a named pipe and exits 2; reading it would block forever."""
    os.mkfifo(data_dir / "pipe.yaml")
    run = subprocess.run(
        [sys.executable, "-m", "bot.cli.main", "validate", str(data_dir)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )  # a safety net: a blocked open would hang the suite
    assert run.returncode == 2, run.stderr
    assert "pipe.yaml: is a named pipe (FIFO), not a file; it was not read" in run.stdout
    assert run.stderr == ""


def test_fifo_is_refused_by_read_yaml_file(tmp_path: Path) -> None:
    """Community files are read one by one: a pipe among them is refused, not opened."""
    os.mkfifo(tmp_path / "entry.yaml")
    with pytest.raises(UnreadableFileError, match="named pipe"):
        read_yaml_file(tmp_path / "entry.yaml")


def test_symlink_loops_are_reported(data_dir: Path) -> None:
    """Files linked in a ring, and a folder linked to its parent, are named."""
    (data_dir / "a.yaml").symlink_to("b.yaml")
    (data_dir / "b.yaml").symlink_to("a.yaml")
    (data_dir / "loop").symlink_to(".")
    assert problems_of(data_dir) == [
        "a.yaml:0: is a symbolic link loop",
        "b.yaml:0: is a symbolic link loop",
        "loop:0: is a symbolic link to a directory, which is not followed; link the files instead",
    ]


def test_dangling_symlink_is_reported(data_dir: Path) -> None:
    """A link to a file that is gone is named, not skipped."""
    (data_dir / "gone.yml").symlink_to("nowhere.yml")
    assert problems_of(data_dir) == ["gone.yml:0: is a symbolic link to nothing"]


def test_linked_file_is_still_read(data_dir: Path, tmp_path: Path) -> None:
    """A symbolic link to a regular file is data, as before."""
    elsewhere = tmp_path / "people.yaml"
    elsewhere.write_text("people:\n  - id: kim\n    name: Kim\n    sources: [src]\n", "utf-8")
    (data_dir / "people.yaml").symlink_to(elsewhere)
    assert list(load_corpus(data_dir).people) == ["kim"]


def test_directory_named_yaml_is_reported(data_dir: Path) -> None:
    """A folder named like a data file is named; the files inside it are still read."""
    folder = data_dir / "letters.yaml"
    folder.mkdir()
    (folder / "bad.yaml").write_text("letters: 5\n", encoding="utf-8")
    assert problems_of(data_dir) == [
        "letters.yaml:0: is a directory, not a YAML file",
        "letters.yaml/bad.yaml:1: 'letters' must be a list of entries",
    ]


def test_data_dir_given_as_a_file_says_so(tmp_path: Path) -> None:
    """A data directory that is a file is not reported as missing."""
    (tmp_path / "data.yaml").write_text(SOURCE, encoding="utf-8")
    assert problems_of(tmp_path / "data.yaml") == [
        f"{tmp_path / 'data.yaml'}:0: data directory is a file, not a directory"
    ]
    assert problems_of(tmp_path / "nothing") == [
        f"{tmp_path / 'nothing'}:0: data directory does not exist"
    ]


def test_file_over_the_size_limit_is_refused(data_dir: Path) -> None:
    """A data file over MAX_YAML_BYTES is refused by its size."""
    with (data_dir / "huge.yaml").open("wb") as handle:
        handle.truncate(MAX_YAML_BYTES + 1)
    assert problems_of(data_dir) == [
        f"huge.yaml:0: the file is {MAX_YAML_BYTES + 1:,} bytes; the limit is {MAX_YAML_BYTES:,}"
    ]


def test_non_utf8_file_names_its_line(data_dir: Path) -> None:
    """A byte that is not UTF-8 is reported at its line and column."""
    (data_dir / "people.yaml").write_bytes(b"people:\n  - id: x\n    name: Caf\xe9\n")
    assert problems_of(data_dir) == [
        "people.yaml:3: not UTF-8 text: byte 0xe9 in column 14 cannot be decoded"
    ]


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_data_file_is_a_problem_at_its_line(data_dir: Path, name: str) -> None:
    """Each hostile document in data/ is one problem at file:line, and nothing loads."""
    hostile = HOSTILE[name]
    (data_dir / "hostile.yaml").write_bytes(hostile.data)
    (problem,) = problems_of(data_dir)
    assert problem.startswith(f"hostile.yaml:{hostile.line}: ")
    assert hostile.message in problem and "\n" not in problem


def test_community_folder_and_other_names_are_left_alone(data_dir: Path) -> None:
    """Moderators' entries and files that are not YAML are not data files."""
    (data_dir / "community").mkdir()
    (data_dir / "community" / "x.yaml").write_text("nonsense: [", encoding="utf-8")
    (data_dir / "README.md").write_text("notes", encoding="utf-8")
    assert data_files(data_dir) == [data_dir / "sources.yaml"]
