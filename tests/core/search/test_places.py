"""Places a question or a record names, and the countries they are in."""

from __future__ import annotations

import pytest

from bot.core.search.places import country_of_place, places_in


@pytest.mark.parametrize(
    ("place", "country"),
    [
        ("New York", "United States"),
        ("Seoul", "South Korea"),  # pycountry's "Seoul-teukbyeolsi"
        ("London", "United Kingdom"),  # "London, City of"
        ("Atlantis", None),
        ("", None),
    ],
)
def test_the_country_a_city_or_state_is_in(place: str, country: str | None) -> None:
    assert country_of_place(place) == country


def test_states_count_only_after_a_place_word() -> None:
    """ "from Texas" names a state; "Reading" alone is a word."""
    assert places_in("the senator from Texas") == ["texas"]
    assert places_in("Reading the letter again") == []
