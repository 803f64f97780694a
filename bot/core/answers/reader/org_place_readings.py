"""Where an organisation is: asked ("where is HRW based?") or claimed ("CSW is American?")."""

from __future__ import annotations

import re

from bot.core.answers.facts import claims
from bot.core.answers.facts import letter_facts as facts
from bot.core.answers.facts.only_claims import only_one_from
from bot.core.answers.facts.openers import answer_org
from bot.core.answers.reader.context import Context, Reading, letter_fit


def org_place_readings(context: Context) -> list[Reading]:
    """Where the organisation the question names is, or whether it is where it is said to be."""
    scope, q = context.scope, context.question
    letter = context.letter
    if not context.orgs and letter is not None and letter.coordinator and q.has(_WHERE_BASED):
        # "where is the watchdog that organised the 2018 appeal headquartered?": its organiser
        organiser = letter.coordinator
        return [
            Reading(
                "org",
                context.cue("sender") + letter_fit(context) + 1.0,  # over the organiser alone
                f"where {scope.kb.name_of(organiser)}, organiser of {letter.title}, is",
                lambda: answer_org(scope, organiser, True),
            )
        ]
    if not context.orgs:
        return []
    org = scope.kb.organizations[context.orgs[0]]
    out = []
    if q.has(_WHERE_BASED):
        # "Where is HRW based?": what the organisation is, which says where.
        out.append(
            Reading("org", 8.0, f"where {org.name} is", lambda: answer_org(scope, org.id, True))
        )
    based = next((m for p in _BASED if (m := p.search(q.norm))), None)
    # "is the rights watchdog headquartered in New York on the 2012 roster?": the place
    # found the group, it is not claimed of it
    described = (
        q.described is not None and based is not None and based.group(0) in q.described.surface
    )
    if (
        based
        and (context.cue("yes_no") or q.text.rstrip().endswith("?"))
        and not q.country
        and not described
    ):
        where = _TAG_WORDS.sub("", based.group(1)).strip() or based.group(1)
        place = where.upper() if len(where) <= 3 else where.title()
        out.append(
            Reading(
                "from_country",
                4.0 + context.cue("yes_no") + 1.0,
                f"is {org.name} based in {place}",
                lambda: claims.based_in(scope, org, place),
            )
        )
    if q.country and letter is not None and letter.signatory(org.id) and q.has(_ONLY):
        # "Han Voice is the only Canadian group on the 2012 list, right?"
        country = q.country
        out.append(
            Reading(
                "from_country",
                12.0,  # above whether it is from there at all, which "the only" takes as given
                f"is {org.name} the only {letter.year} signatory from {country}",
                lambda: only_one_from(scope, letter, org.id, country),
            )
        )
    if q.country and (context.cue("yes_no") or not context.cue("signed")):
        country = q.country
        out.append(
            Reading(
                "from_country",
                3.0
                + context.cue("yes_no")
                + (1.0 if q.has(_FROM_WORDS) else 0.0)
                # "is Odhikar the Indonesian group on the list": the country is the claim
                + (2.5 if q.has(_COUNTRY_OF_ORG) else 0.0)
                # "conectas brazilian? y/n": a name and a country, and nothing else
                + (3.0 if len(q.norm.split()) <= 5 and not q.years else 0.0),
                f"is {org.name} from {country}",
                lambda: facts.from_country(scope, org, country),
            )
        )
    return out


#: "based in London", "a London-based org", "CSW - UK-based?": where an organisation is,
#: claimed in a yes or no question (a country named is read by `from_country`).
_BASED = (
    re.compile(
        r"\b(?:based|headquartered|located|hq|headquarters) (?:is )?(?:in|out of) "
        r"(?:the )?([a-z]+(?: [a-z]+)?)\b"
    ),
    # not "faith-based groups", which describes groups, nor "rights-based", no place
    re.compile(
        r"\b(?!(?:faith|community|church|evidence|rights|values|member|web|home)\b)([a-z]+) based\b"
        r"(?! (?:groups|organi[sz]ations|orgs|ngos|charities|ones|outfits|signatories)\b)"
    ),
)
#: "Where is HRW based?", "csw country?": where it is, asked.
_WHERE_BASED = re.compile(
    r"\bwhere (?:is|was|are|were) (?:\w+ ){0,8}?(?:based|headquartered|located|from)\b|"
    r"\bwhere (?:is|was) it\b|"
    # "which country is CSW from?", "what city is HRW based in?"
    r"\b(?:which|what) (?:country|city|nation)(?: is| was)? (?:\w+ ){0,4}?"
    r"(?:from|based|headquartered|located)\b|"
    # terse: "csw country?", "hrw hq", "odhikar nationality", "what is it + which country?"
    r"^ (?:\w+ ){1,5}(?:country|hq|headquarters|nationality|home country|based where|"
    r"from where)\s*$|\b(?:which|what) (?:country|nation)\s*$"
)
_TAG_WORDS = re.compile(r"\s+(?:right|yeah|yes|correct|true|too|then|now)$")
_COUNTRY_OF_ORG = re.compile(
    r"(?:^ (?:is|was|are|were) (?:\w+ ){1,4}|\b(?:is|was) (?:listed |described |named )?as )"
    r"(?:the|a|an) (?:\w+ ){1,2}(?:group|org|organi[sz]ation|ngo|charity|one)\b|"
    # "is Burma Partnership listed under Myanmar", "listed with Brazil as its country"
    r"\blisted (?:under|with) (?!the\b)|\bas (?:its|their) country\b|"
    # "is it listed as being from Myanmar?"
    r"\b(?:listed|recorded|given|shown|described) as (?:being )?(?:from|based in)\b|"
    # "Burma Partnership - country listed as Myanmar?", "its country given as Thailand"
    r"\bcountry (?:is |was )?(?:listed|recorded|given|shown|printed|stated) as\b|"
    # "Burma Partnership is the one group on the 2012 list from Myanmar, right?"
    r"\b(?:is|was) the (?:only|one|sole) (?:group|org|organi[sz]ation|ngo|signatory)\b.* from\b|"
    # "Is Kontras, one of the groups the release names, a Thai organisation?"
    r"\b(?:a|an) (?:\w+ )?(?:group|org|organi[sz]ation|ngo|charity|outfit) $"
)
_FROM_WORDS = re.compile(r"\b(?:from|based|group|organi[sz]ation|ngo|org|listed under)\b")


#: "the only Canadian group", "the sole UK signatory", "the one and only Thai NGO".
#: Not "the only one I know is Conectas", which claims nothing of the list.
_ONLY = re.compile(
    r"\b(?:the only|the sole|sole|one and only|only one) (?:\w+ ){0,2}(?:groups?|orgs?|"
    r"organi[sz]ations?|ngos?|signator(?:y|ies)|signers?|members?|charity|one from)\b"
)
