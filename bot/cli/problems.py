"""Knowledge-base problems for a terminal: root causes first, their cascade left out.

One YAML syntax error in people.yaml leaves every person undefined, so every letter and
quote naming one reports an unknown id: 85 lines with the cause last (problems are sorted
by file). A file that did not parse is listed first; references to ids it defines (read
from its text, which needs no parsing) are counted, not listed, since fixing the file
fixes them. `validate` and a command that loads the data print the same report.
"""

from __future__ import annotations

import re
from pathlib import Path

from bot.core.errors import CorpusError, Problem
from bot.core.kb.files import WHOLE_FILE, UnreadableFileError, read_text
from bot.core.kb.yamlsource import YamlSyntaxError, parse_yaml

_UNKNOWN_ID = re.compile(r"refers to unknown id '([^']*)'")
#: `id: some-slug` at the start of an entry or a line: what a broken file would define.
_ID_LINE = re.compile(r"""^[ \t]*(?:-[ \t]+)?id:[ \t]*["']?([^"'#\s]+)""", re.MULTILINE)
_YAML_SUFFIXES = (".yaml", ".yml")


def report(error: CorpusError, data_dir: Path) -> list[str]:
    """The lines to print for `error`: a count, the root causes, then what was left out."""
    causes, cascade, broken = root_causes(error.problems, data_dir)
    count = len(causes)
    lines = [f"{count} problem{'s' if count != 1 else ''} in the knowledge base at {data_dir}:"]
    lines += [_shown(problem) for problem in causes]
    if cascade:
        files = ", ".join(sorted(broken)) or "files that were not read"
        fix = "it" if len(broken) == 1 else "them"
        lines.append(
            f"(and {cascade} reference{'s' if cascade != 1 else ''} to ids that "
            f"{files} would define, not listed: fix {fix} and validate again)"
        )
    return lines


def root_causes(problems: list[Problem], data_dir: Path) -> tuple[list[Problem], int, set[str]]:
    """Problems worth reading, files that did not parse first; the cascade's size; those files.

    A reference to an unknown id is cascade when a file that did not parse defines that id
    in its text, or when some file could not be read at all (what it defines is unknown).
    """
    broken: set[str] = set()
    defined: set[str] | None = set()
    for path in sorted({p.path for p in problems}):
        failed, ids = _parse_failure(data_dir, path)
        if not failed:
            continue
        broken.add(path)
        if ids is None or defined is None:
            defined = None
        else:
            defined |= ids
    if any(p.line == WHOLE_FILE and p.path not in broken for p in problems):
        defined = None  # a folder or file that was not read: it may define anything
    causes: list[Problem] = []
    cascade = 0
    for problem in problems:
        unknown = _UNKNOWN_ID.search(problem.message)
        if (
            (broken or defined is None)
            and problem.path not in broken
            and unknown
            and (defined is None or unknown.group(1) in defined)
        ):
            cascade += 1
        else:
            causes.append(problem)
    causes.sort(key=lambda p: (p.path not in broken, p.path, p.line))
    return causes, cascade, broken


def _parse_failure(data_dir: Path, shown: str) -> tuple[bool, set[str] | None]:
    """Whether the data file `shown` yields no entries at all, and the ids its text names."""
    if not shown.endswith(_YAML_SUFFIXES):
        return False, set()
    path = data_dir / shown
    try:
        text = read_text(path)
    except UnreadableFileError:
        return True, None
    try:
        document = parse_yaml(text)
    except YamlSyntaxError:
        return True, set(_ID_LINE.findall(text))
    if isinstance(document, dict):
        return False, set()
    return True, set(_ID_LINE.findall(text))


def _shown(problem: Problem) -> str:
    """`file:line: message`, or `file: message` for a whole file or folder."""
    if problem.line == WHOLE_FILE:
        return f"{problem.path}: {problem.message}"
    return str(problem)
