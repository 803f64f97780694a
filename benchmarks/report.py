"""The markdown tables of a benchmark run: every figure at every size, with its ratio."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from benchmarks.stats import ratio

Result = dict[str, Any]
Stat = dict[str, float]


@dataclass(frozen=True)
class Row:
    """One figure: how to find ours and the baseline's summary in a size's results."""

    label: str
    unit: str
    scale: float
    ours: Callable[[Result], Stat | None]
    baseline: Callable[[Result], Stat | None]
    baseline_label: str


def _single(value: float | None) -> Stat | None:
    return None if value is None else {"median": value, "p99": value}


def _e2e(result: Result, key: str) -> Stat | None:
    e2e = result.get("e2e", {})
    return e2e.get(key) if isinstance(e2e.get(key), dict) else None


ROWS: tuple[Row, ...] = (
    Row(
        "Full build from nothing (no index, no snapshot)",
        "s",
        1.0,
        lambda r: r["build"]["from_nothing"],
        lambda r: r["build"]["fts_build"],
        "FTS5 build",
    ),
    Row(
        "Full build, Engine.rebuild (snapshot current)",
        "s",
        1.0,
        lambda r: r["build"]["engine_rebuild"],
        lambda r: r["build"]["fts_build"],
        "FTS5 build",
    ),
    Row(
        "Index only (SearchIndex.rebuild)",
        "s",
        1.0,
        lambda r: r["build"]["index_rebuild"],
        lambda r: r["build"]["fts_build"],
        "FTS5 build",
    ),
    Row(
        "One-entity sync (SearchIndex.sync)",
        "ms",
        1e3,
        lambda r: r["sync"]["index_sync"],
        lambda r: r["sync"]["fts_update"],
        "FTS5 row update",
    ),
    Row(
        "Re-read the edited YAML file",
        "ms",
        1e3,
        lambda r: r["sync"]["reparse_file"],
        lambda r: None,
        "—",
    ),
    Row(
        "Start-up, up-to-date index (fresh process)",
        "s",
        1.0,
        lambda r: r["startup"],
        lambda r: r["fts_startup"],
        "FTS5 open + 1st query",
    ),
    Row(
        "ask() warm, question mix",
        "ms",
        1e3,
        lambda r: r["serve"]["ask"],
        lambda r: r["fts_serve"]["ask"],
        "FTS5 query",
    ),
    Row(
        "ask(), first occurrence of each question",
        "ms",
        1e3,
        lambda r: r["serve"]["ask_first_occurrence"],
        lambda r: r["fts_serve"]["ask_first_occurrence"],
        "FTS5 query",
    ),
    Row(
        "Event-loop lag, 50 concurrent asks",
        "ms",
        1e3,
        lambda r: r["serve"]["lag"]["loaded"],
        lambda r: r["serve"]["lag"]["idle"],
        "idle loop",
    ),
    Row(
        "Peak RSS while serving",
        "MB",
        1.0,
        lambda r: _single(r["serve"]["peak_rss_mb"]),
        lambda r: _single(r["fts_serve"]["peak_rss_mb"]),
        "FTS5 process",
    ),
    Row(
        "A moderator's change answered in its server (reload + ask)",
        "ms",
        1e3,
        lambda r: r.get("server_change", {}).get("latency"),
        lambda r: r.get("server_change", {}).get("baseline"),
        "rebuilt view",
    ),
    Row(
        "Start after one data file changed (fresh process)",
        "s",
        1.0,
        lambda r: r.get("edited_start", {}).get("ours"),
        lambda r: r.get("edited_start", {}).get("baseline"),
        "every file parsed",
    ),
    Row(
        "Interactions per second end to end",
        "/s",
        1.0,
        lambda r: _e2e(r, "interactions_per_second_stat"),
        lambda r: _e2e(r, "baseline_per_second_stat"),
        "trivial interaction",
    ),
)


def _number(value: float, unit: str) -> str:
    if value is None or math.isnan(value):
        return "—"
    if unit in {"ms", "s"} and value < 10:
        return f"{value:.3g}" if value >= 0.01 else f"{value:.2g}"
    return f"{value:,.0f}" if value >= 100 else f"{value:.3g}"


def _cell(stat: Stat | None, row: Row) -> str:
    if stat is None:
        return "—"
    median, p99 = stat["median"] * row.scale, stat["p99"] * row.scale
    if median == p99:
        return _number(median, row.unit)
    return f"{_number(median, row.unit)} / {_number(p99, row.unit)}"


def figures_table(report: Result) -> str:
    """Each figure at each size: ours (median / p99), the baseline, and the median ratio."""
    sizes = list(report["sizes"])
    header = (
        "| Figure | unit | "
        + " | ".join(f"{int(s):,}: ours | baseline | ratio" for s in sizes)
        + " |"
    )
    lines = [header, "|" + "---|" * (2 + 3 * len(sizes))]
    for row in ROWS:
        cells = [f"{row.label} (vs {row.baseline_label})", row.unit]
        for size in sizes:
            result = report["sizes"][size]
            ours, base = row.ours(result), row.baseline(result)
            factor = ratio(ours["median"], base["median"]) if ours and base else math.nan
            cells += [
                _cell(ours, row),
                _cell(base, row),
                "—" if math.isnan(factor) else f"{factor:.2g}×",
            ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def targets_table(report: Result, targets: dict[str, tuple[float, str, bool]]) -> str:
    """The targets against the largest size measured."""
    largest = max(report["sizes"], key=int)
    figures = report["sizes"][largest]["headline"]
    lines = [
        f"Targets at {int(largest):,} entities:",
        "",
        "| Target | limit | measured | met |",
        "|---|---|---|---|",
    ]
    for name, (limit, unit, lower_is_better) in targets.items():
        value = figures.get(name, math.nan)
        if value is None or math.isnan(value):
            met = "pending"
        else:
            met = "yes" if (value <= limit if lower_is_better else value >= limit) else "**no**"
        sign = "≤" if lower_is_better else "≥"
        lines.append(f"| {name} | {sign} {limit:g} {unit} | {_number(value, unit)} | {met} |")
    return "\n".join(lines)


def markdown(report: Result, targets: dict[str, tuple[float, str, bool]]) -> str:
    """The whole markdown report."""
    machine = report["machine"]
    intro = (
        f"Measured on {machine['nproc']} × {machine['cpu']}, {machine['ram_gb']} GB, "
        f"Python {machine['python']}; load average before {machine['load_average']}, "
        f"after {machine.get('load_average_after')}; run took "
        f"{report.get('seconds', 0):.0f} s."
    )
    return (
        "\n\n".join(
            [
                intro,
                "Median / p99 (one number when they are equal or measured "
                "once); ratio = our median ÷ baseline median.",
                figures_table(report),
                targets_table(report, targets),
            ]
        )
        + "\n"
    )
