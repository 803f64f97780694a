"""Who signed: one-name-per-line lists, and organisations the prose says signed or led.

A list line reads "Name (Country)", "Name (ABBR)", "ABBR (Full Name)(Country)" or
"Name - ABBR (Country)"; a country in parentheses is normalised ("ROK" is South Korea) and
kept as printed. In prose, an organisation signed when the text says it "signed" or
"co-signed" the letter, "joined" as a signatory, is "one of the signatories", or is named
before "along with N other organizations" or "and N other organizations … in a letter".
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from itertools import takewhile

from bot.core.drafts.document import Article, Paragraph
from bot.core.drafts.orgs import OrgBook, OrgFinding
from bot.core.drafts.text import (
    ORG_PHRASE,
    clean_org,
    country_name,
    is_acronym,
    is_org_name,
    sentences,
    split_names,
)

#: A paragraph that introduces a list of signatories.
_HEADING = re.compile(
    r"\b(?:signator(?:y|ies)|signed by|signers|co-?signers|endorsed by|supported by|"
    r"members and supporters|member organi[sz]ations|members of the|"
    r"(?:the )?following (?:\w+ ){0,3}(?:organi[sz]ations|groups|ngos)|list of)\b",
    re.IGNORECASE,
)
#: Lines of a list have at most this many words.
MAX_LIST_LINE_WORDS = 16
#: A list without a heading needs this many lines that read as organisations.
MIN_BARE_LIST = 5
_PAREN_TAIL = re.compile(r"^(?P<rest>.*?)\s*\((?P<inner>[^()]*)\)\s*$")
_DASH_ABBR = re.compile(r"^(?P<name>.+?)\s+[-–—]\s+(?P<abbr>\S+)$")

_SIGNED = re.compile(
    rf"(?P<org>{ORG_PHRASE})\s+(?:(?:today|also|has|have|had|all|both)\s+)*"
    r"(?:co-?signed|signed|endorsed|joined)\s+(?:(?:this|the|a|an|their|its|our)\s+)"
    r"(?:[\w-]+\s+){0,2}letter"
)
_JOINED = re.compile(
    rf"(?P<org>{ORG_PHRASE})\s+(?:today\s+|also\s+)*joined\b[^.]{{0,200}}?\b"
    r"(?:signator(?:y|ies)|co-?signers?)"
)
_ONE_OF = re.compile(
    rf"(?P<org>{ORG_PHRASE})(?:\s*\([^)]*\))?,\s+(?:which is\s+|was\s+)?"
    r"(?:one|among) of the (?:letter’s |letter's )?(?:co-?)?(?:signatories|"
    r"signers)"
)
_ALONG = re.compile(
    r",?\s+(?:along|together) with\s+(?:some\s+|about\s+|"
    r"more than\s+|over\s+)?(?:\d+|[a-z]+)\s+other\s+(?:\w+\s+){0,3}?"
    r"(?:organi[sz]ations|groups|ngos)",
    re.IGNORECASE,
)
_SIGNED_BY = re.compile(
    r"\b(?:co-?signed|signed|endorsed|supported)\s+by\s+(?:(?:more than|over|some|about)\s+)?"
    r"(?:(?:[\w-]+\s+){0,2}(?:organi[sz]ations|groups|ngos)\s*,?\s+)?"
    r"(?:(?:including|such as|among them)\s+)?(?P<list>[^.;]{1,400})",
    re.IGNORECASE,
)
_AND_N_OTHERS = re.compile(
    rf"(?P<org>{ORG_PHRASE})\s+and\s+(?:more than\s+|over\s+|some\s+)?\d[\d,]*\s+(?:other\s+)?"
    r"(?:[\w-]+\s+){0,2}(?:organi[sz]ations|groups|ngos)\b[^.]{0,200}?\bletter",
    re.IGNORECASE,
)
_COORDINATED = [
    re.compile(rf"\b(?:An?|The|the|an?)\s+(?P<org>{ORG_PHRASE})\s+(?:joint|open)\s+letter"),
    re.compile(
        rf"\bletter\s+(?:was\s+)?(?:coordinated|organi[sz]ed|initiated|led|drafted)\s+"
        rf"by\s+(?:the\s+)?(?P<org>{ORG_PHRASE})"
    ),
    re.compile(rf"\bletter,?\s+by members of the\s+(?P<org>{ORG_PHRASE})"),
    re.compile(
        rf"(?P<org>{ORG_PHRASE}|the coalition|the Coalition)\s+(?:penned|drafted|"
        r"organi[sz]ed|coordinated|initiated|wrote)\s+(?:a|the|an)\s+(?:[\w-]+\s+)?"
        r"letter"
    ),
]


@dataclass(frozen=True, slots=True)
class Signing:
    """An organisation named as a signatory, with how the text says so."""

    org: OrgFinding
    note: str
    #: The text only lists it (as a member or supporter), without saying it signed.
    listed: bool = False


def list_signatories(article: Article, book: OrgBook) -> tuple[list[Signing], list[str]]:
    """Organisations in one-name-per-line lists, and notes about each list found."""
    paragraphs = article.paragraphs
    signings: list[Signing] = []
    notes: list[str] = []
    index = 0
    while index < len(paragraphs):
        heading = paragraphs[index]
        lines = _list_after(paragraphs, index) if _is_heading(heading) else []
        if lines:
            listed = "member" in heading.text.casefold() or "support" in heading.text.casefold()
            how = f"Listed under “{heading.text.rstrip(':')[:120]}”" + (
                "; the text does not say in so many words that each one signed." if listed else "."
            )
            signings += [Signing(_add_line(book, p.text), how, listed) for p in lines]
            notes.append(f"{how} {len(lines)} names.")
            index += len(lines) + 1
            continue
        bare = _bare_list(paragraphs, index)
        if bare:
            how = "Listed one per line without a heading; taken as signatories."
            signings += [Signing(_add_line(book, p.text), how, True) for p in bare]
            notes.append(f"{how} {len(bare)} names.")
            index += len(bare)
            continue
        index += 1
    return signings, notes


def _is_heading(paragraph: Paragraph) -> bool:
    text = paragraph.text
    return (
        len(text.split()) <= 25
        and bool(_HEADING.search(text))
        and (text.rstrip().endswith(":") or not text.rstrip().endswith("."))
    )


def _is_list_line(paragraph: Paragraph) -> bool:
    text = paragraph.text.strip()
    words = text.split()
    return (
        0 < len(words) <= MAX_LIST_LINE_WORDS
        and text[:1].isupper()
        and not re.search(r"[.!?:]$", text.rstrip(")"))
        and "“" not in text
        and '"' not in text
    )


def _list_after(paragraphs: tuple[Paragraph, ...], index: int) -> list[Paragraph]:
    """The list lines after a heading; a list printed as one block ends with its block."""
    lines: list[Paragraph] = []
    for paragraph in paragraphs[index + 1 :]:
        if not _is_list_line(paragraph):
            break
        one_block = len(lines) >= 2 and lines[-1].block == lines[-2].block
        if one_block and paragraph.block != lines[-1].block:
            break
        lines.append(paragraph)
    return lines


def _bare_list(paragraphs: tuple[Paragraph, ...], index: int) -> list[Paragraph]:
    block = paragraphs[index].block
    if index and paragraphs[index - 1].block == block:
        return []  # only a whole block is a list; its first line was already looked at
    run = list(takewhile(lambda p: p.block == block, paragraphs[index:]))
    if len(run) < MIN_BARE_LIST or any(p.bullet for p in run):
        return []
    if not all(_is_list_line(p) for p in run):
        return []
    orgish = sum(1 for p in run if is_org_name(parse_line(p.text)[0]) or parse_line(p.text)[2])
    return run if orgish * 5 >= len(run) * 4 else []


def parse_line(line: str) -> tuple[str, list[str], str | None, str | None, list[str]]:
    """A list line as (name, aliases, country, country as printed, other parentheticals)."""
    rest = line.strip().strip(",;.")
    rest = re.sub(r"^\d{1,3}[.)]\s+", "", rest)
    aliases: list[str] = []
    extras: list[str] = []
    country = printed = None
    while True:
        match = _PAREN_TAIL.match(rest)
        if not match or not match["rest"]:
            break
        inner = match["inner"].strip()
        rest = match["rest"].strip()
        normal = country_name(inner) if inner else None
        if normal and country is None:
            country, printed = normal, inner
        elif is_acronym(inner):
            aliases.append(inner)
        elif len(inner.split()) >= 3 and is_acronym(rest):
            aliases.append(rest)
            rest = inner
        elif inner:
            extras.append(inner)
    dash = _DASH_ABBR.match(rest)
    if dash and is_acronym(dash["abbr"]):
        rest, aliases = dash["name"].strip(), [dash["abbr"], *aliases]
    if rest.startswith("The "):
        aliases.append(rest[4:])
    return rest, aliases, country, (printed if printed and printed != country else None), extras


def _add_line(book: OrgBook, line: str) -> OrgFinding:
    name, aliases, country, printed, _ = parse_line(line)
    org = book.add(name, aliases)
    if country and org.country is None:
        org.country, org.country_as_printed = country, printed
    return org


def prose_signatories(
    article: Article, book: OrgBook, quoted: list[tuple[int, int, int]]
) -> list[Signing]:
    """Organisations the narrative says signed; text inside quotation marks is skipped."""
    found: list[Signing] = []
    spans: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for number, start, end in quoted:
        spans[number].append((start, end))
    for number, paragraph in enumerate(article.paragraphs):
        text = _unquoted(paragraph.text, spans.get(number, []))
        for _, sentence in sentences(text):
            found += _signings_in(sentence, book)
    return found


def _unquoted(text: str, spans: list[tuple[int, int]]) -> str:
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _signings_in(sentence: str, book: OrgBook) -> list[Signing]:
    found = []
    for pattern, how in (
        (_SIGNED, "The text says it signed the letter."),
        (_JOINED, "The text says it joined as a signatory."),
        (_ONE_OF, "The text calls it one of the signatories."),
        (_AND_N_OTHERS, "The text names it with the other organisations behind the letter."),
    ):
        for match in pattern.finditer(sentence):
            org = _org(book, match["org"])
            if org is not None:
                found.append(Signing(org, how))
    for match in _SIGNED_BY.finditer(sentence):
        for name in _leading_orgs(match["list"]):
            found.append(
                Signing(
                    book.resolve(name) or book.add(name),
                    "The text names it among those who signed.",
                )
            )
    for match in _ALONG.finditer(sentence):
        for name in _trailing_orgs(sentence[max(match.start() - 400, 0) : match.start()]):
            found.append(
                Signing(
                    book.add(name),
                    "The text names it among the organisations that released the letter.",
                )
            )
    return found


def _trailing_orgs(text: str) -> list[str]:
    """The organisation names that end `text`: "…, Amnesty International, HRW and FIDH"."""
    names: list[str] = []
    for part in reversed(split_names(text)):
        part = clean_org(part)
        core = re.sub(r"\s*\([^)]*\)$", "", part)
        if not is_org_name(core) or len(core.split()) > 12:
            break
        names.insert(0, part)
    return [re.sub(r"\s*\([^)]*\)$", "", n) for n in names]


def _leading_orgs(text: str) -> list[str]:
    """The organisation names that start `text`: "RSF and the CPJ, according to…"."""
    names: list[str] = []
    for part in split_names(text):
        core = re.sub(r"\s*\([^)]*\)$", "", clean_org(part))
        if not core or not (is_org_name(core) or is_acronym(core)) or len(core.split()) > 12:
            break
        names.append(core)
    return names


def _org(book: OrgBook, phrase: str) -> OrgFinding | None:
    phrase = clean_org(phrase)
    known = book.resolve(phrase)
    if known is not None:
        return known
    return book.add(phrase) if is_org_name(phrase) else None


def coordinator(article: Article, book: OrgBook) -> OrgFinding | None:
    """The organisation that organised the letter, when the text says so."""
    for paragraph in article.paragraphs:
        for pattern in _COORDINATED:
            for match in pattern.finditer(paragraph.text):
                org = _org(book, match["org"])
                if org is not None:
                    return org
    return None
