"""Comparisons: every computed number says how it was computed, at the dates' precision."""

from __future__ import annotations

from dataclasses import replace

from bot.core.answers.ask import ask
from bot.core.answers.facts import chronology, count_comparisons
from bot.core.scope import Scope


def test_more_signers_shows_its_arithmetic(scope: Scope) -> None:
    """76 − 52 = 24, with the citations of both counts."""
    kb = scope.kb
    answer = count_comparisons.more_signers(
        scope,
        kb.letters["joint-letter-kim-jong-un-2018"],
        kb.letters["joint-letter-moon-jae-in-2019"],
    )
    assert answer.direct is not None
    assert "76 − 52 = 24" in answer.direct
    assert answer.direct.count("[") >= 2


def test_a_floor_is_not_put_in_order_against_another_count(scope: Scope) -> None:
    """Two floors, or a floor against a larger exact count, do not show which was more."""
    kb = scope.kb
    first = kb.letters["joint-letter-kim-jong-un-2018"]  # more than 300 groups represented
    second = kb.letters["joint-letter-moon-jae-in-2019"]  # more than 300 as well
    floors = count_comparisons.other_counts(scope, first, second, "represent")
    assert floors.direct is not None
    assert floors.direct.startswith("Both report more than 300")
    exact = tuple(
        replace(c, count=400, qualifier="exactly") if "represent" in c.unit else c
        for c in second.reported_counts
    )
    bigger = replace(second, reported_counts=exact)
    answer = count_comparisons.other_counts(scope, first, bigger, "represent")
    assert answer.direct is not None
    assert answer.direct.startswith("The sources do not show which was more")
    smaller = replace(second, reported_counts=tuple(replace(c, count=200) for c in exact))
    answer = count_comparisons.other_counts(scope, first, smaller, "represent")
    assert answer.direct is not None
    assert answer.direct.startswith("The 2018 letter, by the counts reported")


def test_a_year_against_a_day_gives_years_only(scope: Scope) -> None:
    """The 2012 letter has only a year: the gap is in years, and says why."""
    kb = scope.kb
    answer = chronology.gap(
        scope,
        kb.letters["open-letter-kim-jong-un-2012"],
        kb.letters["joint-letter-kim-jong-un-2018"],
    )
    assert answer.direct is not None
    assert "About 6 years" in answer.direct and "only the year" in answer.direct


def test_day_precision_gives_days(scope: Scope) -> None:
    """Two exact dates give years, months and days."""
    kb = scope.kb
    answer = chronology.gap(
        scope, kb.events["panmunjom-declaration-2018"], kb.events["singapore-summit-2018"]
    )
    assert answer.direct is not None and "1 month" in answer.direct and "46 days" in answer.direct


def test_order_of_a_letter_and_an_event(scope: Scope) -> None:
    """The letter came five days before the summit."""
    answer = ask(scope, "was the 2018 letter sent before or after the singapore summit?")
    assert answer.direct is not None
    assert answer.direct.startswith("Joint letter to Kim Jong Un")
    assert "came before Trump–Kim summit" in answer.direct


def test_naming_two_letters_never_asks_which_one(scope: Scope) -> None:
    """Two letters named are compared, not met with "which letter do you mean?"."""
    for question in (
        "which came first, the 2012 letter or the letter to Moon?",
        "how many more co-signers did the 2019 letter have than the 2018 one?",
        "did any group sign both the 2012 and the 2018 letters?",
    ):
        answer = ask(scope, question)
        assert answer.kind == "compare", (question, answer.interpretation)
