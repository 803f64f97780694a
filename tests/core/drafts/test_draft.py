"""Whole drafts: the /kb import format, linking to what a server has, and nothing written early."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.drafts import Draft, DraftLimits, Known, draft_bytes, review
from bot.core.drafts.contacts import find_contacts
from bot.core.engine import Engine
from bot.core.errors import DocumentError
from bot.core.kb.corpus import KnowledgeBase
from bot.core.moderation.service import Actor, Moderation, import_title
from bot.core.search.names import NameIndex

FIXTURES = Path(__file__).parent / "fixtures"
GUILD = 4242
MOD = Actor(7, "mod")


def fixture_draft(name: str, known: Known | None = None) -> Draft:
    return draft_bytes(known or Known.empty(), (FIXTURES / name).read_bytes(), name)


def entries(draft: Draft, kind: str) -> list[dict]:
    return [raw for k, raw in draft.entries if k == kind]


@pytest.fixture
def empty_engine(tmp_path: Path) -> Iterator[Engine]:
    """A server with no bundled data at all."""
    data = tmp_path / "data"
    data.mkdir()
    started = Engine(data, tmp_path / "index", community_dir=tmp_path / "community")
    started.start()
    yield started
    started.close()


@pytest.fixture
def bundled_known(bundled_kb: KnowledgeBase) -> Known:
    """What a server with only the bundled knowledge base has."""
    return Known(bundled_kb, NameIndex(bundled_kb.entities()))


def test_statement_draft_has_every_part() -> None:
    """The Amnesty-style statement: letter, demands, abuses, list with countries, quotes."""
    draft = fixture_draft("statement.md")
    (letter,) = entries(draft, "letter")
    assert letter["date"] == "2021-03-15" and letter["kind"] == "open letter"
    assert len(letter["demands"]) == 4 and len(letter["abuses_cited"]) == 2
    assert len(letter["signatories"]) == 6
    orgs = {raw["name"]: raw for raw in entries(draft, "organization")}
    assert orgs["Justice for Defenders"]["aliases"] == ["JfD"]
    assert orgs["Global Witness Watch"]["country"] == "United Kingdom"
    assert [
        (c["count"], c["qualifier"], c.get("of_signers", False)) for c in letter["reported_counts"]
    ] == [(28, "exactly", True), (12, "at-least", False), (500, "more-than", False)]
    people = {raw["id"]: raw["name"] for raw in entries(draft, "person")}
    assert people[letter["recipient"]] == "Nguyen Xuan Phuc"
    assert {people[q["speaker"]] for q in entries(draft, "quote")} == {
        "Maria Okafor",
        "Tran Van Long",
    }


def test_news_article_split_quote_and_he_added() -> None:
    """The news article: one split quote, "he added" flagged, nobody guessed for the rest."""
    draft = fixture_draft("news.txt")
    texts = {q["text"]: q for q in entries(draft, "quote")}
    assert (
        "We will not stop until every reporter walks free. Their families have waited "
        "long enough." in texts
    )
    assert "inferred" in texts["This letter is only the first step"]["note"]
    assert [q["kind"] for q in texts.values()].count("paraphrase") == 2
    assert draft.unattributed == ("We stand with our colleagues,",)
    (letter,) = entries(draft, "letter")
    assert letter["date"] == "2021-03-09"  # "on Tuesday", against 10 March 2021
    assert any("on Tuesday" in flag for flag in draft.flags)


def test_html_page_draft() -> None:
    """The HTML page: publisher and date from its metadata, coordinator and list demands."""
    draft = fixture_draft("release.html")
    (source,) = entries(draft, "source")
    assert (source["publisher"], source["date"]) == ("Nordic Rights Forum", "2022-09-23")
    (letter,) = entries(draft, "letter")
    assert len(letter["demands"]) == 3
    orgs = {raw["id"]: raw["name"] for raw in entries(draft, "organization")}
    assert orgs[letter["coordinator"]] == "Nordic Rights Forum"


@pytest.mark.parametrize("name", ["statement.md", "news.txt", "release.html"])
def test_no_contact_is_ever_stored(name: str) -> None:
    """Neither the YAML nor the JSON of a draft holds an e-mail address or phone number."""
    draft = fixture_draft(name)
    assert find_contacts(draft.to_yaml()) == [] and find_contacts(draft.to_json()) == []


def test_json_is_one_object_per_entry_with_its_kind() -> None:
    """--json: a list of entries in the data/ format, each with "kind"."""
    draft = fixture_draft("release.html")
    objects = json.loads(draft.to_json())
    assert len(objects) == len(draft.entries)
    assert {o["kind"] for o in objects} == {"source", "organization", "person", "letter", "quote"}
    assert {o["entry"]["kind"] for o in objects if o["kind"] == "organization"} == {"ngo"}


def test_review_is_the_import_dry_run_and_apply_is_one_batch(empty_engine: Engine) -> None:
    """The draft's YAML passes /kb import's validation; nothing is written until applied."""
    moderation = Moderation(empty_engine)
    draft = fixture_draft("statement.md", Known.of(empty_engine.scope(GUILD)))
    plan = review(moderation, GUILD, draft)
    assert len(plan.diff) == len(draft.entries) - 1  # the source is not listed
    assert moderation.entries(GUILD) == []
    result = moderation.apply_import(GUILD, MOD, plan)
    kb = empty_engine.scope(GUILD).kb
    assert len(kb.letters) == 1 and len(kb.quotes) == 3
    batches = {c.batch for c in moderation.history(GUILD) if c.id in result.change_ids}
    assert len(batches) == 1
    # The history names the article drafted, not the "draft.yaml" nobody uploaded.
    assert "draft.yaml" not in import_title(plan)
    assert draft.label[:40] in import_title(plan)


def test_the_yaml_can_be_edited_and_imported_back(empty_engine: Engine) -> None:
    """The downloaded draft is a valid import file on its own."""
    moderation = Moderation(empty_engine)
    draft = fixture_draft("news.txt")
    document = yaml.safe_load(draft.to_yaml())
    document["quotes"] = document["quotes"][:1]
    plan = moderation.plan_import(GUILD, "draft.yaml", yaml.safe_dump(document).encode(), 1_000_000)
    assert not plan.empty


def test_bad_input_changes_nothing(empty_engine: Engine) -> None:
    """A binary upload raises DocumentError and no file appears."""
    with pytest.raises(DocumentError):
        draft_bytes(Known.of(empty_engine.scope(GUILD)), b"\x00\x01binary" * 100, "x.txt")
    assert Moderation(empty_engine).entries(GUILD) == []


def test_the_entry_limit_holds() -> None:
    """A draft over max_entries is refused, naming the limit."""
    with pytest.raises(DocumentError, match="at most 3"):
        draft_bytes(
            Known.empty(),
            (FIXTURES / "statement.md").read_bytes(),
            "statement.md",
            limits=DraftLimits(max_entries=3),
        )


LINKING = (
    "7 June 2018\n\nHuman rights groups today sent a joint letter to North Korean "
    "leader Kim Jong Un urging reforms before the summit with the United States.\n\n"
    "“Engagement must include rights,” said Brad Adams, Asia director at Human Rights "
    "Watch (HRW).\n\n"
    "The letter was signed by groups including Human Rigths Watch, Christian Solidarity "
    "Worldwide (CSW) and the International Criminal Court (ICC)."
)


def test_existing_entities_are_linked_not_duplicated(bundled_known: Known) -> None:
    """A person, an organisation by name and by abbreviation link; a typo links weakly."""
    draft = draft_bytes(bundled_known, LINKING.encode(), "note.txt")
    linked = {link.entity_id: link for link in draft.links}
    assert {
        "kim-jong-un",
        "brad-adams",
        "human-rights-watch",
        "christian-solidarity-worldwide",
    } <= set(linked)
    assert not any(
        raw["name"] in ("Brad Adams", "Kim Jong Un", "Human Rights Watch")
        for kind, raw in draft.entries
        if kind in ("person", "organization")
    )
    (quote,) = entries(draft, "quote")
    assert quote["speaker"] == "brad-adams"
    assert any("weak link" in flag and "Human Rigths Watch" in flag for flag in draft.flags)


def test_an_abbreviation_alone_does_not_link_a_different_name(bundled_known: Known) -> None:
    """ "ICC" in data/ is International Christian Concern, not a criminal court."""
    draft = draft_bytes(bundled_known, LINKING.encode(), "note.txt")
    names = [raw["name"] for raw in entries(draft, "organization")]
    assert "International Criminal Court" in names
    assert any("also the abbreviation" in flag for flag in draft.flags)


ODD_LEAD = (
    "Forty organisations sent a joint letter to President Ana Lopez on 3 May 2021 "
    "urging the release of every reporter held in the prisons of the country and "
    "the end of the camps.\n\n"
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(
            [
                *"aZ “”\"'.,:;()-–\n\t•*#[]<>0123456789",
                " said ",
                " he added ",
                " letter to ",
                " signed by ",
                " President Ana Lopez ",
                " Human Rights Watch ",
                " (ROK)",
                " urges Kim to:",
                "\n- ",
                " 1.9.2012 ",
                " today ",
            ]
        ),
        max_size=200,
    ).map("".join)
)
def test_odd_input_never_crashes(text: str) -> None:
    """Any text gives a draft or a DocumentError, never another exception."""
    try:
        draft = draft_bytes(Known.empty(), (ODD_LEAD + text).encode(), "odd.txt")
    except DocumentError:
        return
    yaml.safe_load(draft.to_yaml())
    json.loads(draft.to_json())
