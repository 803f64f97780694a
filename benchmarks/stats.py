"""Summaries of repeated measurements: median, p99 (nearest rank), and ratios."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from typing import Any


def percentile(samples: Sequence[float], share: float) -> float:
    """The nearest-rank percentile (`share` in 0..1); with few samples p99 is the maximum."""
    if not samples:
        return math.nan
    ordered = sorted(samples)
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[rank - 1]


def summary(samples: Sequence[float]) -> dict[str, Any]:
    """Median, p99, min, max and count of a list of measurements."""
    if not samples:
        return {"n": 0, "median": math.nan, "p99": math.nan, "min": math.nan, "max": math.nan}
    return {
        "n": len(samples),
        "median": statistics.median(samples),
        "p99": percentile(samples, 0.99),
        "min": min(samples),
        "max": max(samples),
    }


def ratio(ours: float, baseline: float) -> float:
    """`ours / baseline`, NaN when the baseline is zero or missing."""
    if not baseline or math.isnan(baseline) or math.isnan(ours):
        return math.nan
    return ours / baseline
