"""Completeness tests tying the bundled knowledge base (data/) to its five seed documents.

The seed documents live outside the repository (``../shared/seeds`` next to the checkout, or
wherever ``CAMPAIGN_BOT_SEEDS`` points). Tests that read them are skipped when they are
absent; the tests of the loaded corpus alone always run.
"""

from __future__ import annotations

import difflib
import os
import re
from collections import Counter
from pathlib import Path

import pytest

from bot.core.kb.corpus import KnowledgeBase, bundled_data_dir, load_corpus
from bot.core.kb.models import Letter

# --- Seeds ---------------------------------------------------------------------------------

SEEDS_DIR = Path(
    os.environ.get("CAMPAIGN_BOT_SEEDS", Path(__file__).resolve().parents[4] / "shared" / "seeds")
)

#: Seed file -> the source id that cites it.
SEED_SOURCES = {
    "000_081ded0ca0a53e2e.txt": "icc-2018-hrw-letter-repost",
    "001_db6e2e00d5aa682b.txt": "csw-2018-leader-urged-to-reform",
    "002_9fd93df0d9846d77.txt": "rfa-2018-ngos-call-on-kim",
    "003_f26ad41e07514a0f.txt": "icc-2019-icnk-letter-moon",
    "004_e9047bbc50bb7192.txt": "icnk-2012-open-letter-release",
}
SOURCE_SEEDS = {source: seed for seed, source in SEED_SOURCES.items()}

LETTER_2012 = "open-letter-kim-jong-un-2012"
LETTER_2018 = "joint-letter-kim-jong-un-2018"
LETTER_2019 = "joint-letter-moon-jae-in-2019"

#: Countries as the 2012 list prints them in parentheses -> plain English.
LIST_COUNTRIES = {
    "ROK": "South Korea",
    "USA": "United States",
    "Japan": "Japan",
    "Canada": "Canada",
    "Thailand": "Thailand",
    "Brazil": "Brazil",
    "Belgium": "Belgium",
    "Indonesia": "Indonesia",
    "Bangladesh": "Bangladesh",
    "Czech Republic": "Czech Republic",
}
LIST_HEADING = "Members and supporters of the Coalition are as follows:"


def _seeds_present() -> bool:
    return all((SEEDS_DIR / name).is_file() for name in SEED_SOURCES)


needs_seeds = pytest.mark.skipif(not _seeds_present(), reason=f"seed documents not at {SEEDS_DIR}")


def seed_text(source_id: str) -> str:
    """The raw text of the seed document behind a source id."""
    return (SEEDS_DIR / SOURCE_SEEDS[source_id]).read_text(encoding="utf-8")


def norm(text: str) -> str:
    """Compare text ignoring curly/straight quotes and runs of whitespace."""
    text = text.replace("‘", "'").replace("’", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text.replace("\xa0", " ")).strip()


def quoted_passages(text: str) -> list[str]:
    """Every double-quoted passage of a seed (curly or straight marks, mixed as printed).

    A quotation the copy opens but never closes (it runs to the end of the line) counts too.
    Trailing commas, which belong to the attribution ("…,” he said), are dropped.
    """
    passages = []
    for line in text.splitlines():
        for match in re.finditer(r"[“\"](.+?)(?:[”\"]|$)", line):
            passages.append(norm(match.group(1)).rstrip(",").strip())
    return [p for p in passages if p]


def similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, norm(a), norm(b), autojunk=False).ratio()


# --- Corpus ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_corpus(bundled_data_dir())


def raw_data_files() -> list[Path]:
    data = bundled_data_dir()
    return sorted(p for p in data.rglob("*.yaml") if "community" not in p.relative_to(data).parts)


def org_by_name(kb: KnowledgeBase, name: str) -> str:
    """The id of the one organisation with this name or alias (case-insensitive)."""
    hits = [
        o.id
        for o in kb.organizations.values()
        if name.casefold() in (n.casefold() for n in o.names)
    ]
    assert len(hits) == 1, f"{name!r} names {hits}"
    return hits[0]


def signatory_ids(letter: Letter) -> set[str]:
    return {s.organization for s in letter.signatories}


def count_of(letter: Letter, count: int) -> str:
    hits = [c for c in letter.reported_counts if c.count == count]
    assert hits, f"{letter.id} reports no count of {count}"
    return hits[0].qualifier


# --- The corpus as a whole -------------------------------------------------------------------


def test_bundled_corpus_loads_with_every_kind(kb: KnowledgeBase) -> None:
    assert set(kb.sources) == set(SEED_SOURCES.values())
    assert set(kb.letters) == {LETTER_2012, LETTER_2018, LETTER_2019}
    assert len(kb.organizations) >= 50
    assert len(kb.people) >= 19
    assert len(kb.quotes) >= 25
    assert len(kb.events) >= 11


def test_one_file_per_letter_holding_it_and_its_quotes() -> None:
    import yaml

    letters_dir = bundled_data_dir() / "letters"
    for letter_id in (LETTER_2012, LETTER_2018, LETTER_2019):
        document = yaml.safe_load((letters_dir / f"{letter_id}.yaml").read_text(encoding="utf-8"))
        assert set(document) <= {"letters", "quotes"}
        assert [entry["id"] for entry in document["letters"]] == [letter_id]


def test_every_seed_is_cited_by_a_letter(kb: KnowledgeBase) -> None:
    cited = {s for letter in kb.letters.values() for s in letter.sources}
    assert cited == set(SEED_SOURCES.values())


def test_sources_are_described_as_printed(kb: KnowledgeBase) -> None:
    icc_2018 = kb.sources["icc-2018-hrw-letter-repost"]
    assert icc_2018.publisher == "International Christian Concern"
    assert icc_2018.original_publisher == "human-rights-watch"
    assert icc_2018.date == "2018-06-07" and "06/07/2018" in (icc_2018.note or "")
    assert "headline" in (icc_2018.note or "")
    csw = kb.sources["csw-2018-leader-urged-to-reform"]
    assert csw.title == "North Korean leader urged to make reforms"
    assert "7 Jun 2018" in (csw.note or "")
    rfa = kb.sources["rfa-2018-ngos-call-on-kim"]
    assert rfa.author == "Roseanne Gerin"
    assert rfa.title == "NGOs Call on North Korean Leader to End Human Rights Abuses"
    icc_2019 = kb.sources["icc-2019-icnk-letter-moon"]
    assert icc_2019.date == "2019-12-21" and "headline" in (icc_2019.note or "")
    release = kb.sources["icnk-2012-open-letter-release"]
    assert release.date == "2012" and "1.9.2012" in (release.note or "")
    assert "not name" in (release.note or "")


def test_no_phone_numbers_or_email_addresses_in_data() -> None:
    email = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|email protected", re.IGNORECASE)
    phone = re.compile(r"\+\d{1,3}[\s-]?\d|\b\d{2,4}-\d{3,4}-\d{4}\b|\(mobile\)")
    for path in raw_data_files():
        text = path.read_text(encoding="utf-8")
        assert not email.search(text), f"{path}: {email.search(text)}"
        assert not phone.search(text), f"{path}: {phone.search(text)}"


@needs_seeds
def test_no_contact_detail_from_the_seeds_is_copied() -> None:
    contacts = set()
    for seed in SEED_SOURCES:
        text = (SEEDS_DIR / seed).read_text(encoding="utf-8")
        contacts |= set(re.findall(r"[\w.+-]+@[\w.-]+", text))
        contacts |= {m.strip() for m in re.findall(r"\+?[\d][\d -]{7,}\d", text)}
    assert "opennk@naver.com" in contacts  # the pattern does find the seeds' contacts
    everything = "\n".join(p.read_text(encoding="utf-8") for p in raw_data_files())
    for contact in contacts:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", contact):
            continue
        assert contact not in everything


def test_organizations_are_each_listed_once(kb: KnowledgeBase) -> None:
    names = Counter(n.casefold() for o in kb.organizations.values() for n in o.names)
    assert [n for n, k in names.items() if k > 1] == []


@pytest.mark.parametrize(
    ("alias", "org_id", "kind"),
    [
        ("HRW", "human-rights-watch", "ngo"),
        ("CSW", "christian-solidarity-worldwide", "ngo"),
        ("Christian Solidarity Worldwide", "christian-solidarity-worldwide", "ngo"),
        ("FIDH", "fidh", "ngo"),
        ("International Federation for Human Rights", "fidh", "ngo"),
        ("Amnesty International", "amnesty-international", "ngo"),
        ("ICNK", "icnk", "coalition"),
        ("ICC", "international-christian-concern", "ngo"),
        ("LiNK", "liberty-in-north-korea", "ngo"),
        ("COMJAN", "comjan", "ngo"),
        ("PSALT NK", "psalt-nk", "ngo"),
        ("RFA", "radio-free-asia", "media"),
        ("Reuters", "reuters", "media"),
        ("The Washington Post", "washington-post", "media"),
        ("ICRC", "icrc", "other"),
        ("UN Security Council", "un-security-council", "un-body"),
        ("UN Human Rights Council", "un-human-rights-council", "un-body"),
        ("United Nations General Assembly", "un-general-assembly", "un-body"),
        ("UN Commission of Inquiry", "un-commission-of-inquiry", "un-body"),
        ("U.S. Senate", "us-senate", "legislature"),
        ("DPRK", "north-korean-government", "government"),
    ],
)
def test_organization_names_and_abbreviations(
    kb: KnowledgeBase, alias: str, org_id: str, kind: str
) -> None:
    assert org_by_name(kb, alias) == org_id
    assert kb.organizations[org_id].kind == kind


def test_based_in_as_the_sources_say(kb: KnowledgeBase) -> None:
    assert kb.organizations["human-rights-watch"].based_in == "New York"
    csw = kb.organizations["christian-solidarity-worldwide"]
    assert csw.country == "United Kingdom" and csw.based_in == "UK"


# --- The 2012 open letter and the coalition's list --------------------------------------------


def printed_2012_list() -> list[str]:
    text = seed_text("icnk-2012-open-letter-release")
    after = text.split(LIST_HEADING, 1)[1]
    return [line.strip() for line in after.splitlines() if line.strip()]


def split_printed_line(line: str) -> tuple[list[str], str | None]:
    """'Free NK Gulag (ROK)' -> (['Free NK Gulag'], 'ROK'); names and abbreviations split."""
    country = None
    match = re.search(r"\(([^()]+)\)$", line)
    if match and match.group(1) in LIST_COUNTRIES:
        country = match.group(1)
        line = line[: match.start()]
    parts = [p.strip() for p in re.split(r"\(|\)| - ", line) if p.strip()]
    return parts, country


@needs_seeds
def test_2012_list_has_39_names() -> None:
    names = printed_2012_list()
    assert len(names) == 39
    assert names[0] == "Advocates International Global Council"
    assert names[-1] == "Young Defectors' Alliance for North Korean Human Rights (ROK)"


@needs_seeds
def test_every_name_on_the_2012_list_is_an_organization_and_a_signatory(
    kb: KnowledgeBase,
) -> None:
    letter = kb.letters[LETTER_2012]
    signatories = {s.organization: s for s in letter.signatories}
    matched = []
    for line in printed_2012_list():
        parts, printed_country = split_printed_line(line)
        hits = [
            o
            for o in kb.organizations.values()
            if all(p.casefold() in (n.casefold() for n in o.names) for p in parts)
        ]
        assert len(hits) == 1, f"{line!r} matches {[o.id for o in hits]}"
        org = hits[0]
        matched.append(org.id)
        assert org.id in signatories, f"{line!r} ({org.id}) is not a 2012 signatory"
        assert "icnk" in org.member_of, org.id
        note = (signatories[org.id].note or "").casefold()
        assert "member" in note and "supporter" in note, org.id
        assert signatories[org.id].sources == ("icnk-2012-open-letter-release",)
        if printed_country:
            assert org.country == LIST_COUNTRIES[printed_country], line
            if LIST_COUNTRIES[printed_country] != printed_country:
                assert org.country_as_printed == printed_country, line
        elif org.sources == ("icnk-2012-open-letter-release",):
            # No country in parentheses, and no other source gives one: none recorded.
            assert org.country is None and org.country_as_printed is None, line
    assert len(set(matched)) == len(matched) == 39
    assert set(matched) == set(signatories), "2012 signatories not on the printed list"


def test_2012_letter_facts(kb: KnowledgeBase) -> None:
    letter = kb.letters[LETTER_2012]
    assert letter.kind == "open letter"
    assert letter.recipient == "kim-jong-un"
    assert letter.coordinator == "icnk"
    assert letter.date == "2012"
    assert "1.9.2012" in (letter.date_note or "")
    assert "September" in letter.date_note and "January" in letter.date_note
    assert count_of(letter, 3) == "exactly"
    assert count_of(letter, 40) == "exactly"
    notes = " ".join(letter.notes)
    assert "43" in notes and "39" in notes
    assert "members and supporters" in notes.casefold()
    assert {"amnesty-international", "human-rights-watch", "fidh"} <= signatory_ids(letter)
    assert len(letter.abuses_cited) == 4
    abuses = " ".join(s.text for s in letter.abuses_cited)
    for fact in ("200,000", "guilt by association", "24.5 million", "hunger"):
        assert fact in abuses
    demands = " ".join(s.text for s in letter.demands)
    for fact in ("treaties", "Special Rapporteur", "Red Cross"):
        assert fact in demands


# --- The 2018 joint letter ---------------------------------------------------------------------


@needs_seeds
def test_2018_demands_are_the_six_bullets_in_order(kb: KnowledgeBase) -> None:
    def bullets(source_id: str) -> list[str]:
        lines = [line.strip() for line in seed_text(source_id).splitlines()]
        items = [line.lstrip("•").strip() for line in lines if line.startswith("•")]
        return [re.sub(r"(; and|;|,|\.)$", "", item) for item in items]

    hrw = bullets("icc-2018-hrw-letter-repost")
    csw = bullets("csw-2018-leader-urged-to-reform")
    assert len(hrw) == len(csw) == 6
    assert [b.replace("labour", "labor") for b in csw] == hrw
    demands = kb.letters[LETTER_2018].demands
    assert [norm(d.text).rstrip(".") for d in demands] == hrw
    for demand in demands:
        assert {"icc-2018-hrw-letter-repost", "csw-2018-leader-urged-to-reform"} <= set(
            demand.sources
        )


def test_2018_letter_facts(kb: KnowledgeBase) -> None:
    letter = kb.letters[LETTER_2018]
    assert letter.date == "2018-06-07"
    assert letter.recipient == "kim-jong-un"
    assert letter.coordinator == "human-rights-watch"
    assert count_of(letter, 52) == "exactly"
    assert count_of(letter, 300) == "more-than"
    assert set(letter.signatory_regions) == {
        "Asia",
        "Latin America",
        "Africa",
        "Europe",
        "North America",
    }
    # Only organisations the sources say signed: ICC reposted the release but did not sign.
    assert signatory_ids(letter) == {"human-rights-watch", "christian-solidarity-worldwide"}
    assert "singapore-summit-2018" in letter.related_events
    excerpts = [norm(e.text) for e in letter.excerpts]
    assert "lasting improvements to the dire human rights situation" in excerpts
    assert any(e.startswith("that would signal clear improvements") for e in excerpts)
    assert any(e.startswith("As your government undertakes new efforts") for e in excerpts)
    assert any(e.startswith("Finally, as you have pledged") for e in excerpts)
    assert any(
        "said today" in n
        for n in letter.notes + tuple(c.note or "" for c in letter.reported_counts)
    )


# --- The 2019 letter to Moon Jae-in -------------------------------------------------------------


def test_2019_letter_facts(kb: KnowledgeBase) -> None:
    letter = kb.letters[LETTER_2019]
    assert letter.recipient == "moon-jae-in"
    assert letter.coordinator == "icnk"
    assert letter.date == "2019-12"
    assert "12/21/2019" in (letter.date_note or "")
    assert "Earlier this week" in letter.date_note
    assert count_of(letter, 76) == "exactly"
    assert count_of(letter, 300) == "more-than"
    assert count_of(letter, 22) == "at-least"
    assert signatory_ids(letter) == {"international-christian-concern"}
    assert "south-korea-unga-cosponsor-decision-2019" in letter.related_events
    cited = " ".join(s.text for s in letter.abuses_cited)
    assert "November 2019" in cited and "General Assembly" in cited


# --- Quotes ------------------------------------------------------------------------------------

#: (speaker, kind) -> how many quotes the seeds attribute to them.
EXPECTED_QUOTES = {
    ("brad-adams", "verbatim"): 4,
    ("benedict-rogers", "verbatim"): 3,
    ("benedict-rogers", "paraphrase"): 1,
    ("phil-robertson", "verbatim"): 2,
    ("ha-tae-keung", "verbatim"): 1,
    ("marco-rubio", "verbatim"): 2,
    ("marco-rubio", "paraphrase"): 1,
    ("ben-cardin", "verbatim"): 3,
    ("joseph-yun", "verbatim"): 2,
    ("joseph-yun", "paraphrase"): 1,
    ("tomas-ojea-quintana", "verbatim"): 4,
    ("tomas-ojea-quintana", "paraphrase"): 1,
    ("donald-trump", "paraphrase"): 1,
}


def test_each_quoted_person_has_their_quotes(kb: KnowledgeBase) -> None:
    found = Counter((q.speaker, q.kind) for q in kb.quotes.values())
    assert dict(found) == EXPECTED_QUOTES


def test_quote_details(kb: KnowledgeBase) -> None:
    quotes = kb.quotes
    assert quotes["tomas-ojea-quintana-2018-raise-human-rights"].via == "Reuters"
    assert quotes["tomas-ojea-quintana-2018-raise-human-rights"].place == "Geneva, Switzerland"
    assert quotes["joseph-yun-2018-overload-the-agenda"].via == "The Washington Post"
    assert quotes["joseph-yun-2018-overload-the-agenda"].date == "2018-06-05"
    assert quotes["ha-tae-keung-2012-legacy"].about == (LETTER_2012,)
    adams = quotes["brad-adams-2018-security-council"]
    assert "human right abuses" in (adams.note or "")
    for quote in quotes.values():
        assert quote.about, quote.id
        if quote.kind == "paraphrase":
            assert quote.note, quote.id


@needs_seeds
def test_every_verbatim_quote_appears_in_the_seeds_it_cites(kb: KnowledgeBase) -> None:
    for quote in kb.quotes.values():
        if quote.kind != "verbatim":
            continue
        text = norm(quote.text)
        exact = [s for s in quote.sources if text in norm(seed_text(s))]
        assert exact, f"{quote.id} is not word for word in {quote.sources}"
        for source in set(quote.sources) - set(exact):
            # A source that words it slightly differently: described in the note, and close.
            assert quote.note, f"{quote.id}: {source} words it differently but there is no note"
            best = max(similar(text, p) for p in quoted_passages(seed_text(source)))
            assert best >= 0.9, f"{quote.id}: nothing in {source} is close ({best:.2f})"


@needs_seeds
def test_every_excerpt_appears_in_the_seeds_it_cites(kb: KnowledgeBase) -> None:
    for letter in kb.letters.values():
        for excerpt in letter.excerpts:
            for source in excerpt.sources:
                assert norm(excerpt.text) in norm(seed_text(source)), excerpt.text


@needs_seeds
def test_every_quoted_passage_in_the_seeds_is_recorded(kb: KnowledgeBase) -> None:
    recorded = [norm(q.text) for q in kb.quotes.values() if q.kind == "verbatim"]
    recorded += [norm(e.text) for letter in kb.letters.values() for e in letter.excerpts]
    noted = [q for q in kb.quotes.values() if q.kind == "verbatim" and q.note]
    for source in SEED_SOURCES.values():
        for passage in quoted_passages(seed_text(source)):
            if any(passage in text for text in recorded):
                continue
            close = [q.id for q in noted if similar(passage, q.text) >= 0.9]
            assert close, f"{source}: quoted passage not recorded: {passage!r}"


# --- People ------------------------------------------------------------------------------------

#: person -> (organisation, words of the role title, date) the seeds attest.
EXPECTED_ROLES = [
    ("brad-adams", "human-rights-watch", "Asia director", "2018-06-07"),
    ("benedict-rogers", "christian-solidarity-worldwide", "East Asia", "2018-06-07"),
    ("benedict-rogers", "christian-solidarity-worldwide", "East Asia", "2019-12"),
    ("phil-robertson", "human-rights-watch", "Asia deputy director", "2019-12"),
    ("phil-robertson", "human-rights-watch", "press contact", "2012"),
    ("ha-tae-keung", "open-north-korea", "President", "2012"),
    ("ha-tae-keung", "icnk", "Coordinating Committee", "2012"),
    ("kanae-doi", "human-rights-watch", "press contact", "2012"),
    ("kiri-kankhwende", "christian-solidarity-worldwide", "press contact", "2012"),
    ("gina-goh", "international-christian-concern", "Regional Manager", "2018-06-07"),
    (
        "olivia-miller",
        "international-christian-concern",
        "Communications Coordinator",
        "2019-12-21",
    ),
    ("roseanne-gerin", "radio-free-asia", "reporter", "2018-06"),
    ("tomas-ojea-quintana", "united-nations", "special rapporteur", "2018-06-07"),
    ("marco-rubio", "us-senate", "Florida", "2018-06"),
    ("ben-cardin", "us-senate", "Maryland", "2018-06"),
    ("kim-yong-chol", "north-korean-government", "envoy", "2018-06-01"),
    ("donald-trump", "us-government", "President", "2018-06"),
    ("kim-jong-un", "north-korean-government", "leader", "2018-06-07"),
    ("kim-jong-un", "north-korean-government", "heir-apparent", "2012"),
    ("moon-jae-in", "south-korean-government", "President", "2019-12"),
    ("xi-jinping", None, "China", "2018-06"),
    ("sergey-lavrov", None, "Foreign Minister", "2018-06"),
]


@pytest.mark.parametrize(("person", "org", "title", "date"), EXPECTED_ROLES)
def test_people_have_their_roles(
    kb: KnowledgeBase, person: str, org: str | None, title: str, date: str
) -> None:
    roles = kb.people[person].roles
    assert any(
        r.organization == org and title.casefold() in r.title.casefold() and r.as_of == date
        for r in roles
    ), roles


def test_joseph_yun_held_his_post_until_march_2018(kb: KnowledgeBase) -> None:
    person = kb.people["joseph-yun"]
    role = person.roles[0]
    assert role.end == "2018-03" and role.organization == "us-government"
    assert role.title == "U.S. special representative for North Korea policy"
    testifying = person.role_on("2018-06-05")
    assert testifying is not None and testifying.title.startswith("former")


def test_kim_jong_un_spellings(kb: KnowledgeBase) -> None:
    assert {"Kim Jong-un", "Kim Jong-Un", "General Kim"} <= set(kb.people["kim-jong-un"].aliases)


# --- Events ------------------------------------------------------------------------------------

EXPECTED_EVENTS = {
    "singapore-summit-2018": "2018-06-12",
    "panmunjom-declaration-2018": "2018-04-27",
    "un-commission-of-inquiry-2014": "2014",
    "us-senate-passes-nkhra-2018": "2018-04-25",
    "unhrc-accountability-resolution-2018": "2018-03-23",
    "trump-meets-kim-yong-chol-2018": "2018-06-01",
    "yun-senate-testimony-2018": "2018-06-05",
    "quintana-geneva-briefing-2018": "2018-06-07",
    "unsc-north-korea-agenda": "2018",
    "south-korea-unga-cosponsor-decision-2019": "2019-11",
    "kim-jong-un-diplomacy-2018": "2018",
}


def test_events_and_their_dates(kb: KnowledgeBase) -> None:
    assert {e: kb.events[e].date for e in EXPECTED_EVENTS} == EXPECTED_EVENTS
    coi = kb.events["un-commission-of-inquiry-2014"].summary
    for finding in (
        "enslavement",
        "murder",
        "forced abortions",
        "without parallel",
        "crimes against humanity",
    ):
        assert finding in coi
    diplomacy = kb.events["kim-jong-un-diplomacy-2018"]
    assert {"xi-jinping", "moon-jae-in", "sergey-lavrov"} <= set(diplomacy.participants)


# --- Our own words -------------------------------------------------------------------------------


def _shingles(text: str, size: int) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9]+", norm(text).casefold())
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def _unquoted(text: str, names: list[str]) -> str:
    """The text without quoted words and without names and titles (which are not prose)."""
    text = re.sub(r'"[^"]*"', " … ", norm(text))
    for name in names:
        text = re.sub(re.escape(name), " … ", text, flags=re.IGNORECASE)
    return text


def _names_and_titles(kb: KnowledgeBase) -> list[str]:
    names = [n for o in kb.organizations.values() for n in o.names]
    names += [n for p in kb.people.values() for n in p.names]
    names += [r.title for p in kb.people.values() for r in p.roles]
    names += [e.title for e in kb.events.values()]
    names += [re.sub(r"^(UN|U\.S\.) ", "", n) for n in names]
    return sorted({norm(n) for n in names if len(n.split()) >= 3}, key=len, reverse=True)


@needs_seeds
def test_summaries_and_descriptions_are_in_our_own_words(kb: KnowledgeBase) -> None:
    """No run of 9 words (outside quotation marks, names and titles) is copied from a seed."""
    size = 9
    seeds = set()
    for source in SEED_SOURCES.values():
        seeds |= _shingles(seed_text(source), size)
    prose: list[tuple[str, str]] = []
    for letter in kb.letters.values():
        prose += [(letter.id, letter.summary), (letter.id, letter.background or "")]
        prose += [(letter.id, s.text) for s in letter.abuses_cited]
        if letter.id != LETTER_2018:  # the 2018 demands are the letter's own bullet points
            prose += [(letter.id, s.text) for s in letter.demands]
    prose += [(e.id, e.summary) for e in kb.events.values()]
    prose += [(o.id, o.description or "") for o in kb.organizations.values()]
    prose += [(p.id, p.description or "") for p in kb.people.values()]
    prose += [(q.id, q.text) for q in kb.quotes.values() if q.kind == "paraphrase"]
    names = _names_and_titles(kb)
    copies = []
    for entity_id, text in prose:
        copied = _shingles(_unquoted(text, names), size) & seeds
        if copied:
            copies.append(f"{entity_id}: {' '.join(sorted(copied)[0])!r}")
    assert not copies, "\n".join(copies)
