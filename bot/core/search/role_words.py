"""The words people use for roles, mapped to the words the data uses.

"Investigator" is a rapporteur, "lawmaker" a senator, "R-Fla." a Republican of Florida,
"the Chinese president" China's: `search.roles` maps a question's words through these
tables before it scores them against each role.
"""

from __future__ import annotations

from bot.core.search.normal import normalize
from bot.core.search.resolve import DEMONYMS

#: Words users write for a role word the data uses (left), and the canonical form (right).
SYNONYMS: dict[str, str] = {
    "investigator": "rapporteur",
    "expert": "rapporteur",
    "monitor": "rapporteur",
    "lawmaker": "senator",
    "legislator": "senator",
    "congressman": "senator",
    "congresswoman": "senator",
    "politician": "senator",
    "sen": "senator",
    "senators": "senator",
    "rep": "representative",
    "gop": "republican",
    "r": "republican",
    "democratic": "democrat",
    "d": "democrat",
    "fla": "florida",
    "fl": "florida",
    "md": "maryland",
    "envoy": "representative",
    "ex": "former",
    "previous": "former",
    "onetime": "former",
    "emissary": "representative",
    "rep.": "representative",
    "boss": "director",
    "head": "director",
    "chief": "director",
    "ruler": "leader",
    "dictator": "leader",
    "korean": "korea",
    "japanese": "japan",
    "koreas": "korea",
    "spokesperson": "contact",
    "spokesman": "contact",
    "spokeswoman": "contact",
    "spokesman's": "contact",
    "press": "contact",
    "journalist": "reporter",
    "article": "reporter",
    "story": "reporter",
    "byline": "reporter",
    "writer": "reporter",
    "author": "reporter",
    "correspondent": "reporter",
    "american": "us",
    "america": "us",
    "washington": "us",
    "presidents": "president",
}

#: "the Chinese president", "Russia's foreign minister": one-word adjectives for one-word
#: countries, as a role's organisation or title names them.
COUNTRY_OF_DEMONYM = {
    form: normalize(country)
    for form, country in DEMONYMS.items()
    if " " not in form and " " not in country
}

#: Several-word forms, replaced before words are mapped.
PHRASES = (
    (" united nations ", " un "),
    # the chamber, not a representative: "the House of Representatives passed the act"
    (" house of representatives ", " house "),
    (" united states ", " us "),
    (" u s ", " us "),
    (" special envoy ", " special representative "),
    (" un sr ", " un special rapporteur "),
    (" human rights watch ", " hrw "),
    (" nk ", " north korea "),
    (" rok ", " south korea "),
    (" head of state ", " leader "),
    (" foreign min ", " foreign minister "),
    (" russias ", " russia "),
    (" chinas ", " china "),
    # "the North Korean leadership" is its leader; "Open North Korea: mandate, leadership" is
    # what a group's profile says of who leads it
    (" korean leadership ", " korean leader "),
    (" korea leadership ", " korea leader "),
    (" the leadership ", " the leader "),
    # Organisations as members ("the ICNK member list", "our members"): no person's role
    (" member list ", " list "),
    (" members list ", " list "),
    (" member organizations ", " organizations "),
    (" member organisations ", " organisations "),
    (" member groups ", " groups "),
    (" members and supporters ", " supporters "),
    (" our members ", " our people "),
    (" our member ", " our people "),
)
