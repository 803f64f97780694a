"""constraints.txt pins every dependency pyproject.toml declares, inside its declared range.

A dependency added to pyproject.toml without refreshing constraints.txt would be installed at
whatever version is newest that day, silently; this test names it instead.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
PROJECT = "campaign-bot"


def declared() -> list[Requirement]:
    """Every requirement of the project and its extras, leaving out the self-references."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    lines = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        lines.extend(extra)
    requirements = [Requirement(line) for line in lines]
    return [r for r in requirements if canonicalize_name(r.name) != PROJECT]


def pinned() -> dict[str, tuple[Version, Requirement]]:
    """Package → (pinned version, the constraint line) from constraints.txt."""
    pins: dict[str, tuple[Version, Requirement]] = {}
    for raw in (ROOT / "constraints.txt").read_text("utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        requirement = Requirement(line)
        [spec] = requirement.specifier
        assert spec.operator == "==", f"not an exact pin: {raw}"
        pins[canonicalize_name(requirement.name)] = (Version(spec.version), requirement)
    return pins


def test_every_declared_dependency_is_pinned_within_its_range() -> None:
    """Each dependency in pyproject.toml has an exact pin that its range accepts."""
    pins = pinned()
    problems = []
    for requirement in declared():
        name = canonicalize_name(requirement.name)
        if name not in pins:
            problems.append(f"{requirement.name} is not in constraints.txt")
        elif not requirement.specifier.contains(pins[name][0], prereleases=True):
            problems.append(
                f"{requirement.name}: pinned {pins[name][0]}, outside {requirement.specifier}"
            )
    assert problems == [], "refresh constraints.txt (README): " + "; ".join(problems)


def test_every_declared_dependency_has_a_lower_bound_and_a_cap_or_a_reason() -> None:
    """Ranges start at a tested version; each has an upper bound, except CalVer pycountry."""
    uncapped_by_design = {"pycountry"}  # versions are years of ISO data, not breaking changes
    for requirement in declared():
        operators = {spec.operator for spec in requirement.specifier}
        assert ">=" in operators, f"{requirement}: no lower bound"
        if canonicalize_name(requirement.name) not in uncapped_by_design:
            assert "<" in operators, f"{requirement}: no upper bound"


def test_pins_apply_to_this_interpreter() -> None:
    """The pins that the running Python would install include every declared dependency."""
    applying = {
        name
        for name, (_, requirement) in pinned().items()
        if requirement.marker is None or requirement.marker.evaluate()
    }
    missing = {canonicalize_name(r.name) for r in declared()} - applying
    assert missing == set()
