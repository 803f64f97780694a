"""Architecture rules: the core never imports discord; imports form no cycle; modules stay small."""

from __future__ import annotations

import ast
import graphlib
import subprocess
import sys
from pathlib import Path

import pytest

import bot

PACKAGE = Path(bot.__file__).parent
CORE = PACKAGE / "core"
#: The most lines a module under bot/ may have (docs/architecture.md, STYLE.md).
MAX_LINES = 400
#: Front-end folders where a flow must read top to bottom: no function nested in a nested one.
FRONT_ENDS = ("cogs", "discord_app")


# -- The import graph ----------------------------------------------------------------------


def module_name(path: Path, root: Path) -> str:
    """`bot/cogs/kb/add.py` → `bot.cogs.kb.add`; a package's `__init__.py` → the package."""
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _run_time_nodes(tree: ast.AST) -> list[ast.AST]:
    """Every node that can run, at import or later: all but `if TYPE_CHECKING:` bodies."""
    found: list[ast.AST] = []
    pending = [tree]
    while pending:
        node = pending.pop()
        found.append(node)
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            pending.extend(node.orelse)
            continue
        pending.extend(ast.iter_child_nodes(node))
    return found


def _imported(node: ast.AST, name: str, is_package: bool) -> list[tuple[str, str]]:
    """What one node imports, as (module.name, module) pairs: the first when it is a module.

    Covers import statements and import_module("…") / __import__("…") with a literal name.
    """
    if isinstance(node, ast.Import):
        return [(alias.name, alias.name) for alias in node.names]
    if isinstance(node, ast.ImportFrom):
        if node.level:  # relative: resolved against this module's package
            parts = name.split(".")
            package = parts[: len(parts) - node.level + is_package]
            base = ".".join(package + ([node.module] if node.module else []))
        else:
            base = node.module or ""
        # `from a import b` imports the module a.b when b is one, else the name b of a.
        return [(f"{base}.{alias.name}", base) for alias in node.names]
    if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
        called = (
            node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        )
        if called in ("import_module", "__import__") and isinstance(node.args[0].value, str):
            return [(node.args[0].value, node.args[0].value)]
    return []


def _with_packages(target: str, importer: str) -> list[str]:
    """`target` and the packages whose `__init__` importing it runs first.

    The importer's own enclosing packages are left out: a package importing its own
    submodules is the normal shape, not a cycle.
    """
    parts = target.split(".")
    enclosing = {".".join(importer.split(".")[:i]) for i in range(1, importer.count(".") + 2)}
    return [target] + [
        package
        for package in (".".join(parts[:i]) for i in range(1, len(parts)))
        if package not in enclosing
    ]


def import_graph(root: Path) -> dict[str, set[str]]:
    """Module → the package's modules it imports at run time (anywhere in its code).

    Imports inside functions count (they run, only later); imports under
    `if TYPE_CHECKING:` do not.
    """
    paths = {module_name(path, root): path for path in root.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in paths.items():
        is_package = path.name == "__init__.py"
        targets: set[str] = set()
        for node in _run_time_nodes(ast.parse(path.read_text("utf-8"))):
            for module, fallback in _imported(node, name, is_package):
                target = module if module in paths else fallback
                targets.update(t for t in _with_packages(target, name) if t in paths)
        graph[name] = targets - {name}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle, as a list of modules, or [] when the graph is acyclic."""
    try:
        graphlib.TopologicalSorter(graph).prepare()
    except graphlib.CycleError as error:
        return list(error.args[1])
    return []


def write_package(root: Path, files: dict[str, str]) -> Path:
    """A throwaway package `pkg` under `root`, for testing the checker itself."""
    for relative, text in {"__init__.py": "", **files}.items():
        path = root / "pkg" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return root / "pkg"


def test_checker_finds_a_cycle_through_an_import_inside_a_function(tmp_path: Path) -> None:
    """A late import in a function still closes a cycle (the client↔cogs shape)."""
    package = write_package(
        tmp_path,
        {
            "client.py": "def setup():\n    from pkg.cogs import COGS\n",
            "cogs/__init__.py": "from pkg.cogs.questions import Q as COGS\n",
            "cogs/questions.py": "from pkg.client import setup\nQ = 1\n",
        },
    )
    assert set(find_cycle(import_graph(package))) == {
        "pkg.client",
        "pkg.cogs",
        "pkg.cogs.questions",
    }


def test_checker_counts_the_package_init_a_submodule_import_runs(tmp_path: Path) -> None:
    """Importing pkg.cogs.questions runs pkg/cogs/__init__.py first: that is an edge too."""
    package = write_package(
        tmp_path,
        {
            "client.py": "from pkg.cogs.questions import Q\n",
            "cogs/__init__.py": "from pkg.cogs.stats import S\n",
            "cogs/questions.py": "Q = 1\n",
            "cogs/stats.py": "from pkg.client import Q as S\n",
        },
    )
    graph = import_graph(package)
    assert graph["pkg.client"] == {"pkg.cogs", "pkg.cogs.questions"}
    assert graph["pkg.cogs.stats"] == {"pkg.client"}  # its own package is not an edge
    assert find_cycle(graph) != []


def test_checker_ignores_type_checking_imports(tmp_path: Path) -> None:
    """An import only for annotations never runs, so it closes no cycle."""
    package = write_package(
        tmp_path,
        {
            "a.py": "from pkg import b\n",
            "b.py": (
                "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg.a import X\n"
            ),
        },
    )
    graph = import_graph(package)
    assert graph["pkg.a"] == {"pkg.b"} and graph["pkg.b"] == set()
    assert find_cycle(graph) == []


def test_checker_resolves_relative_and_dynamic_imports(tmp_path: Path) -> None:
    """`from . import x` and import_module("pkg.x") are edges like any other."""
    package = write_package(
        tmp_path,
        {
            "sub/__init__.py": "from . import one\n",
            "sub/one.py": "from ..two import f\n",
            "two.py": "import importlib\nf = importlib.import_module('pkg.sub')\n",
        },
    )
    graph = import_graph(package)
    assert graph["pkg.sub"] == {"pkg.sub.one"}
    assert graph["pkg.sub.one"] == {"pkg.two"}
    assert graph["pkg.two"] == {"pkg.sub"}
    assert find_cycle(graph) != []


def test_bot_has_no_import_cycle() -> None:
    """No chain of run-time imports under bot/ leads back to where it started."""
    graph = import_graph(PACKAGE)
    assert "bot.cogs" in graph["bot.discord_app.client"]  # the graph sees real edges
    assert find_cycle(graph) == []


def test_cogs_never_import_the_client_at_run_time() -> None:
    """Cogs depend on discord_app's widgets and checks; the client assembles the cogs."""
    graph = import_graph(PACKAGE)
    cogs = [name for name in graph if name.startswith("bot.cogs")]
    assert len(cogs) > 3
    assert {
        name: sorted(
            t for t in graph[name] if t in ("bot.discord_app.client", "bot.discord_app.runner")
        )
        for name in cogs
    } == {name: [] for name in cogs}


def test_every_module_imports_in_a_fresh_interpreter() -> None:
    """Every module of bot/ imports cleanly in a new process, nothing failing at import.

    The acyclic graph above is what makes the order of imports not matter.
    """
    names = sorted(module_name(path, PACKAGE) for path in PACKAGE.rglob("*.py"))
    code = (
        "import importlib, sys\n"
        "for name in sys.argv[1:]:\n"
        "    try:\n"
        "        importlib.import_module(name)\n"
        "    except Exception as error:\n"
        "        print(f'{name}: {error!r}')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, *names], capture_output=True, text=True, check=True
    )
    assert len(names) > 50
    assert result.stdout.splitlines() == []


# -- Size and shape ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", sorted(PACKAGE.rglob("*.py")), ids=lambda path: str(path.relative_to(PACKAGE.parent))
)
def test_module_is_at_most_400_lines(path: Path) -> None:
    """Small modules with one job: none over 400 lines."""
    lines = len(path.read_text("utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(PACKAGE.parent)} has {lines} lines"


def _nested_too_deep(node: ast.AST, depth: int = 0) -> list[int]:
    """Line numbers of functions defined inside a function that is itself nested."""
    found = []
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.ClassDef):
            found += _nested_too_deep(child, 0)
        elif isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            if depth >= 2:
                found.append(child.lineno)
            found += _nested_too_deep(child, depth + 1)
        else:
            found += _nested_too_deep(child, depth)
    return found


def test_front_end_flows_have_no_closures_inside_closures() -> None:
    """A Discord flow's steps are named methods, not functions three deep."""
    offenders = [
        f"{path.relative_to(PACKAGE.parent)}:{line}"
        for folder in FRONT_ENDS
        for path in sorted((PACKAGE / folder).rglob("*.py"))
        for line in _nested_too_deep(ast.parse(path.read_text("utf-8")))
    ]
    assert offenders == []


def test_nesting_check_sees_three_deep_closures() -> None:
    """The shape moderation.py once had (submit → retry → add) is caught."""
    code = (
        "async def submit():\n    async def retry():\n        async def add():\n            pass\n"
    )
    assert _nested_too_deep(ast.parse(code)) == [3]


# -- The core stays free of discord ----------------------------------------------------------


def test_core_never_imports_discord() -> None:
    """No module under bot/core imports discord, directly or by name."""
    offenders = []
    for path in CORE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] == "discord"]
    assert offenders == []


def test_core_modules_import_without_discord_installed_side_effects() -> None:
    """Importing the whole core does not pull discord into sys.modules."""
    code = (
        "import sys, pkgutil, importlib, bot.core as c\n"
        "for m in pkgutil.walk_packages(c.__path__, 'bot.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "import bot.cli.main, bot.core.answers.commands, bot.cli.render\n"
        "print('discord' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
