"""CSV export is spreadsheet-safe and still re-imports to exactly the same entries."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.core.engine import Engine
from bot.core.kb.corpus import bundled_data_dir
from bot.core.moderation.service import Actor, Moderation
from bot.core.moderation.transfer import csv_cell, csv_value

GUILD, OTHER = 1001, 2002
MOD = Actor(42, "mod")
#: Cells a spreadsheet would run as a formula, and texts that already carry the text mark.
HOSTILE = (
    '=HYPERLINK("https://evil.example","Click for the full letter")',
    "+1+1 is how the count was reached",
    "-2+3 organisations withdrew",
    "@SUM(A1:A9) of the signatories",
    "'=this was already marked",
    "'Tis a quote with a leading apostrophe",
    "''two marks",
    "＝full-width equals",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


@pytest.fixture
def moderation(tmp_path: Path) -> Iterator[Moderation]:
    """Moderation over an engine with its own index and community folder."""
    engine = Engine(bundled_data_dir(), tmp_path / "index", community_dir=tmp_path / "community")
    engine.start()
    yield Moderation(engine)
    engine.close()


@pytest.mark.parametrize(
    "value",
    [
        *HOSTILE,
        "\t=tab first",
        "\r=carriage return first",
        "\t",
        "\r\n@x",
        "  =after spaces",
        "\n=after a new line",
        "'",
        "",
        "plain words",
        "a = b",
        "3-2",
        "e-mail@example.org",
    ],
)
def test_csv_cell_is_safe_and_exactly_reversible(value: str) -> None:
    """Every cell is inert in a spreadsheet, and reading it back gives the value unchanged."""
    cell = csv_cell(value)
    assert not cell.lstrip().startswith(FORMULA_STARTS)
    assert not cell.startswith(("\t", "\r"))
    assert csv_value(cell) == value


@pytest.mark.parametrize(
    ("cell", "value"),
    [
        ("'Tis the season", "'Tis the season"),  # hand-written: no mark was added, none removed
        ("'=SUM(A1)", "=SUM(A1)"),
        ("''Tis", "'Tis"),
        ("'plain", "'plain"),
    ],
)
def test_hand_written_cells_lose_only_a_real_text_mark(cell: str, value: str) -> None:
    """Only a mark `csv_cell` would have added is taken off on import."""
    assert csv_value(cell) == value


def _add_hostile_quotes(moderation: Moderation) -> None:
    for text in HOSTILE:
        moderation.add(
            GUILD,
            MOD,
            "quote",
            {
                "person": "Brad Adams",
                "text": text,
                "occasion": text,
                "source": "https://example.org/hostile",
            },
        )


def test_csv_export_neutralises_formula_cells(moderation: Moderation) -> None:
    """No exported cell starts like a formula; each hostile text is there with its mark."""
    _add_hostile_quotes(moderation)
    exported = moderation.export(GUILD, "csv")
    rows = list(csv.reader(io.StringIO(exported.decode())))
    cells = [cell for row in rows for cell in row]
    assert not [c for c in cells if c.lstrip().startswith(FORMULA_STARTS)]
    for text in HOSTILE:
        assert cells.count("'" + text) == 2  # text and occasion


@pytest.mark.parametrize("guild", [GUILD, OTHER])
def test_csv_export_reimports_identical_entries(moderation: Moderation, guild: int) -> None:
    """Export → import is a no-op in the same server and a faithful copy in another."""
    _add_hostile_quotes(moderation)
    exported = moderation.export(GUILD, "csv")
    plan = moderation.plan_import(guild, "export.csv", exported, 1_000_000)
    if guild == GUILD:
        assert plan.empty and plan.unchanged == len(HOSTILE)
        return
    moderation.apply_import(guild, MOD, plan)
    copied = moderation.export(guild, "csv").decode().replace(f"g{guild}-", "g-")
    assert copied == exported.decode().replace(f"g{GUILD}-", "g-")
    texts = {label for _, kind, label in moderation.entries(guild) if kind == "quote"}
    assert texts == {text[:80] for text in HOSTILE}
