"""Architecture rules: the core never imports discord; every slash command has a CLI twin."""

from __future__ import annotations

import ast
from pathlib import Path

import bot

CORE = Path(bot.__file__).parent / "core"


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
    import subprocess
    import sys

    code = ("import sys, pkgutil, importlib, bot.core as c\n"
            "for m in pkgutil.iter_modules(c.__path__):\n"
            "    importlib.import_module('bot.core.' + m.name)\n"
            "import bot.cli.main, bot.core.answers.commands, bot.cli.render\n"
            "print('discord' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "False"
