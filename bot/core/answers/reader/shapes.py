"""Shapes of a question that change how it is read.

A statement asked as a question ("CSW was among the signers?") asks yes or no; an
organisation named as where something was read ("RFA's article", "according to CSW") is
the source of the answer, not its subject.
"""

from __future__ import annotations

import re

from bot.core.search.names import Mention, normalize

#: Words that open a question that is not a statement with a question mark.
_OPENERS = frozenset(
    "what who whom whose which when where why how did do does was were is are has have had "
    "can could would will should may might tell list give show name any anything so and "
    "but please pls hello hi hey ok okay true "
    # "Everything the sources say about prison camps.": a request, whatever its verb
    "everything summarise summarize describe explain find search print compare outline".split()
)
#: Words that ask what, not whether, wherever they stand: "the letter went to whom?".
_WH_WORDS = frozenset("what who whom whose which when where why how".split())
#: A question that is a noun phrase asks for that thing, not yes or no.
_NOUN_ASKED = re.compile(
    r"^ (?:the )?(?:exact |total |full |official )?(?:number|count|list|names?|date|day|year|"
    r"source|text|quote|wording|role|title|recipient|signers|signatories)s?\b"
)
_STATEMENT_VERB = re.compile(
    r"^ (?:\w+ ){1,6}?(?:was|were|is|are|did|had|has|signed|co signed|cosigned|joined|"
    r"wrote|sent|went|met|coordinated|organi[sz]ed|mention|mentioned|say|asked|cited|"
    r"based|headquartered|demanded|urged|called for|wanted|told|raised|included|named|"
    r"represented|stood for|stands for|reposted|published|released|backed|endorsed|supported|"
    r"introduced|sponsored|co sponsored|passed|adopted|welcomed|critici[sz]ed|praised|"
    # "brad adams works for csw?", "Rogers spoke for CSW?"
    r"works?|worked|serves?|served|heads?|headed|leads|chairs?|chaired|sits|sat|belongs?|"
    r"held|holds|spoke|speaks|quoted|testified|briefed|"
    # "Freedom House also sign the open letter in 2012?": the verb left in its base form
    r"sign|co sign|cosign|join|write|send|coordinate|organi[sz]e|cite)\b"
)


_VERBLESS_CLAIM = re.compile(
    r"^ (?:\w+ ){1,3}(?:a|an) (?:\w+ ){1,3}$|"
    # "ha tae keung on the icnk coordinating committee?", "phil robertson with hrw?"
    r"^ (?:\w+ ){1,4}(?:on|at) the (?:\w+ ){0,3}(?:committee|board|team|staff|secretariat) $|"
    r"^ (?:\w+ ){1,4}with \w+ $"
)
#: One sentence ending in a question mark, or a whole claim ending in one full stop.
#: "Letters HRW signed." names things; it claims nothing.
_ASKED_OR_CLAIMED = re.compile(
    r".*\?$|(?!(?:the )?(?:letters|groups|organi[sz]ations|orgs|ngos|people|quotes|signers|"
    r"signatories|demands|abuses|events|countries|names|members|all|every|enumerate|"
    r"describe|explain|summari[sz]e|compare|find|search|count|check)\b)[^.?!:]+\.$",
    re.S | re.I,
)
_TOPIC_THEN_QUESTION = re.compile(r"\s[-–—:]\s|[,;]\s*\w+\?\s*$")

#: Words that ask who wrote a source ("who wrote the RFA article"): there the source is the
#: description of the person asked for.
AUTHORSHIP = frozenset(
    "wrote write writes written authored author byline reporter journalist".split()
)
#: Words for what a source is ("RFA's article", "the CSW release").
SOURCE_WORDS = frozenset(
    "article articles piece story report release releases post repost write writeup coverage "
    "statement website site".split()
)

#: Verbs that make an organisation the reporter of what follows.
_REPORTING = frozenset(
    "mentions mentioned reports reported notes noted writes wrote says said states stated "
    "listed lists".split()
)


def source_spans(tokens: list[str], mentions: list[Mention]) -> tuple[frozenset[str], set[int]]:
    """Organisations named as a source, and the token positions of those phrases.

    "RFA's article", "in CSW's own release", "according to ICC": the organisation is where
    the words were read, not what the question is about.
    """
    orgs: set[str] = set()
    positions: set[int] = set()
    for m in mentions:
        if m.kind != "organization" or not m.surface:
            continue
        end = m.end + (1 if tokens[m.end : m.end + 1] == ["s"] else 0)  # "RFA s article"
        end += 1 if tokens[end : end + 1] == ["own"] else 0
        before = tokens[max(m.start - 2, 0) : m.start]
        named_as_source = tokens[end : end + 1] and tokens[end] in SOURCE_WORDS
        if tokens[end : end + 2] in (["write"], ["write", "the"]):
            named_as_source = False  # "did HRW write the letter": writing it, not a write-up
        # "RFA mentions where HRW is based", "RFA said the 2018 letter itself listed …": the
        # one reporting on another organisation or on a letter.
        # "is Amnesty listed as a signatory": listed, not listing
        passive = before[-1:] in (["is"], ["was"], ["are"], ["were"]) or tokens[
            end + 1 : end + 2
        ] == ["as"]
        reports_on_another = (
            tokens[end : end + 1]
            and tokens[end] in _REPORTING
            and not passive
            and (
                any(o.kind in ("organization", "letter") and o.start > end for o in mentions)
                or "letter" in tokens[end:]
            )
        )
        according = before == ["according", "to"] or before[-1:] == ["per"]
        if named_as_source or reports_on_another or according:
            orgs.add(m.entity_id)
            positions.update(range(m.start, min(end + 1, len(tokens))))
    return frozenset(orgs), positions


#: Nouns a relative "who" or "which" follows without asking anything.
_RELATED = frozenset("one group org organisation organization ngo person people guy".split())


def is_declarative_question(text: str, norm: str) -> bool:
    """ "CSW was among the signers?": a statement asked as a question, so yes or no.

    A one-sentence claim with a full stop ("Olivia Miller was HRW's Asia director.") is put
    to the bot to be checked, so it is read the same way.
    """
    words = norm.split()
    lead_in = _LEAD_IN.match(text.strip())
    if lead_in and normalize(lead_in.group(1)) in _OPENERS:
        return False  # "separated families: did the 2018 letter make a demand about them?"
    return (
        _ASKED_OR_CLAIMED.match(text.strip()) is not None
        and not _TOPIC_THEN_QUESTION.search(text)  # "the letter CSW joined - recipient?"
        and bool(words)
        and words[0] not in _OPENERS
        # "HRW is the one who coordinated it?": "who" relates, it does not ask
        and not _WH_WORDS & {w for i, w in enumerate(words) if words[i - 1] not in _RELATED}
        # "rubio a democrat?", "hrw a uk org?": a claim without its verb
        and (_STATEMENT_VERB.search(norm) is not None or _VERBLESS_CLAIM.match(norm) is not None)
        and not _NOUN_ASKED.match(norm)  # "Exact number of groups that signed it?"
    )


#: A topic set before a colon or dash, and the first word after it.
_LEAD_IN = re.compile(r"^[^:?]{1,80}?(?::|\s[-–—]\s)\s*(\w+)")
#: Verbs that ask something of someone: "want Moon to", "urged Kim to".
_ASKING_OF = frozenset(
    "want wanted wants urge urged urges expect expected ask asked asks press pressed tell told "
    "push pushed need needed".split()
)


def asked_of(tokens: list[str], mentions: list[Mention]) -> frozenset[str]:
    """Whoever the question says was asked to act, who is spoken of and does not speak.

    "What did HRW's director want Moon to do?" asks what the director said, of Moon.
    """
    return frozenset(
        m.entity_id
        for m in mentions
        if 0 < m.start
        and tokens[m.start - 1] in _ASKING_OF
        and m.end < len(tokens)
        and tokens[m.end] == "to"
    )


#: "Conectas, one of the 2012 coalition members, is from Argentina": an aside between a
#: subject and its verb, which describes the subject and asks or claims nothing itself.
_APPOSITIVE = re.compile(
    r"^\s*[^,?]{2,40}, ((?:one of|a|an|among|part of|member of)\b[^,?]{3,80}), "
    r"(?=(?:is|was|are|were|has|had|did|does|signed|joined|wrote|said|works|worked|comes|"
    r"came)\b)",
    re.IGNORECASE,
)


def appositive(text: str) -> str | None:
    """The aside describing a question's subject, between commas before its verb, if any."""
    found = _APPOSITIVE.match(text)
    return found.group(1) if found else None
