"""Route a free-text question to the right kind of answer.

Entities are recognised first (names, aliases, roles, years); the question's form then
picks the kind: who signed, how many, what did X say (about Y), who is X, which letters did
X sign, what did the letter demand, why, when. Anything else goes to full-text search, and
a question the knowledge base does not cover is answered with a plain "nothing found".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core.answers import kinds as answers
from bot.core.answers.answer import Answer, AnswerBuilder, Item, not_found
from bot.core.kb.dates import human_date
from bot.core.kb.models import Letter
from bot.core.scope import Scope
from bot.core.search.names import Mention, normalize
from bot.core.search.resolve import best_letters, resolve_country, years_in

EXAMPLES = (
    "Who signed the 2018 letter to Kim Jong Un?",
    "What did the UN special rapporteur say?",
    "What did the 2012 open letter call for?",
    "Which letters did HRW sign?",
)

_COMPARE = re.compile(r"\b(compare|comparison|in common|both letters|signed both|differ)")
_SIGN = re.compile(r"\b(sign|signs|signed|signing|co ?sign\w*|join\w*|endorse\w*|support\w*)\b")
_SIGNERS = re.compile(r"\b(signator\w*|signers?|co ?signers?|members? list)\b")
_HOW_MANY = re.compile(r"\bhow many\b|\bnumber of\b|\bcount\b")
_WHICH_LETTERS = re.compile(r"\b(which|what|list|all)\b.*\bletters\b|\bletters\b.*\bsigned by\b")
_SAID = re.compile(
    r"\b(say|said|says|saying|quote\w*|statement\w*|comment\w*|state|stated|told|remark\w*|"
    r"words|react\w*|respond\w*|testif\w*)\b"
)
_DEMANDS = re.compile(
    r"\b(demand\w*|ask|asked|asking|asks|call|calls|called|calling|urge\w*|want\w*|request\w*|"
    r"cite\w*|abuse\w*|violation\w*|finding\w*|recommend\w*|reforms?)\b"
)
_WHO_IS = re.compile(r"^(who|what) (is|was|are|were)\b|^tell me about\b|^about\b|^describe\b")
_WHY = re.compile(r"\bwhy\b|\breason\b|\bpurpose\b")
_WHEN = re.compile(r"^when\b|\bwhat date\b|\bwhich date\b|\bwhen (was|did|is)\b")
_DID = re.compile(r"^(did|has|have|was|were|is|does)\b")
_ABOUT = re.compile(r"\b(?:about|on|regarding|concerning)\s+(.+)$")
_COUNTRY_NOUN = re.compile(
    r"\b([a-z]+(?: [a-z]+)?) (?:organi[sz]ations?|groups?|ngos?|signatories|members|signers|orgs?)"
)
_COUNTRY_FROM = re.compile(r"\b(?:from|in|based in) (?:the )?([a-z]+(?: [a-z]+){0,2})")


@dataclass(frozen=True, slots=True)
class _Parsed:
    text: str
    norm: str
    mentions: tuple[Mention, ...]

    def ids(self, kind: str) -> list[str]:
        return list(dict.fromkeys(m.entity_id for m in self.mentions if m.kind == kind))


def ask(scope: Scope, question: str) -> Answer:
    """Answer a free-text question, or say plainly that the knowledge base does not cover it."""
    text = " ".join(question.split())[: scope.max_query_length]
    if not normalize(text):
        return not_found("ask", "Ask a question about a campaign letter, a signatory or "
                         "a quote.", EXAMPLES)
    parsed = _Parsed(text, f" {normalize(text)} ", tuple(scope.names.find_mentions(text)))
    for route in (_compare, _letters_signed_by, _did_sign, _signatories, _quotes, _demands,
                  _why_or_when, _who_is, _letters_list, _named_entity):
        answer = route(scope, parsed)
        if answer is not None:
            return answer
    return _search(scope, parsed)


# Letters mentioned in a question ---------------------------------------------------------


def _letters_meant(scope: Scope, parsed: _Parsed) -> list[Letter]:
    """Letters the question points at; every letter when it names none but says "letter"."""
    letters = best_letters(scope, parsed.text)
    if not letters and " letter " in parsed.norm and len(scope.kb.letters) == 1:
        return list(scope.kb.letters.values())
    return letters


def _clarify(scope: Scope, candidates: list[Letter], template: str, what: str) -> Answer:
    """Several letters fit: ask which one instead of guessing."""
    pool = candidates or sorted(scope.kb.letters.values(), key=lambda x: x.date)
    options = [f"{x.title} ({human_date(x.date)}, to {scope.kb.name_of(x.recipient)})"
               for x in pool]
    return not_found(
        "ask",
        f"Which letter do you mean? {what} " + "; ".join(options) + ".",
        [template.format(year=x.year) for x in pool],
        interpretation="needs a letter",
    )


def _one_letter(scope: Scope, parsed: _Parsed, template: str) -> Letter | Answer:
    letters = _letters_meant(scope, parsed)
    if len(letters) == 1:
        return letters[0]
    what = "Several letters match:" if letters else "The knowledge base has these letters:"
    return _clarify(scope, letters, template, what)


# Routes: each returns an Answer, or None to let the next route try -----------------------


def _compare(scope: Scope, parsed: _Parsed) -> Answer | None:
    if not _COMPARE.search(parsed.norm):
        return None
    letters = [x for year in years_in(parsed.text)
               for x in best_letters(scope, str(year))][:2]
    named = [scope.kb.letters[i] for i in parsed.ids("letter")]
    chosen = list(dict.fromkeys(named + letters))[:2]
    if len(chosen) < 2:
        return None
    return answers.compare(scope, chosen[0].id, chosen[1].id)


def _letters_signed_by(scope: Scope, parsed: _Parsed) -> Answer | None:
    orgs = parsed.ids("organization")
    if not orgs or not _SIGN.search(parsed.norm):
        return None
    if not (_WHICH_LETTERS.search(parsed.norm) or re.search(r"\bwhat (has|did)\b", parsed.norm)):
        return None
    return answers.letters(scope, signed_by=orgs[0])


def _did_sign(scope: Scope, parsed: _Parsed) -> Answer | None:
    """"Did Amnesty sign the 2018 letter?": yes or no from the named signatories."""
    orgs = parsed.ids("organization")
    if not orgs or not _SIGN.search(parsed.norm) or not _DID.match(parsed.norm.strip()):
        return None
    letters = _letters_meant(scope, parsed)
    if len(letters) != 1:
        return answers.letters(scope, signed_by=orgs[0])
    letter, kb = letters[0], scope.kb
    builder = AnswerBuilder(kb, "signed", f"Did {kb.name_of(orgs[0])} sign? — {letter.title}")
    for org_id in orgs:
        entry = next((s for s in letter.signatories if s.organization == org_id), None)
        name = kb.name_of(org_id)
        if entry is not None:
            builder.lead.append(f"Yes: {name} is a named signatory. {builder.marks(entry.sources)}")
        elif letter.coordinator == org_id:
            builder.lead.append(f"Yes: {name} coordinated it. {builder.marks(letter.sources)}")
        else:
            counts = "; ".join(c.describe() for c in letter.reported_counts)
            builder.lead.append(
                f"{name} is not among the {len(letter.signatories)} signatories our sources "
                f"name. " + (f"They report {counts} in all, so it may have signed without "
                             "being named. " if counts else "") + builder.marks(letter.sources)
            )
    builder.suggestions.append(f"Who signed the {letter.year} letter?")
    builder.interpretation = f"did {kb.name_of(orgs[0])} sign {letter.title}"
    return builder.build()


def _signatories(scope: Scope, parsed: _Parsed) -> Answer | None:
    norm = parsed.norm
    asks_who = bool(re.search(r"\b(who|which|what|list)\b", norm)) and bool(_SIGN.search(norm))
    country = _country_filter(scope, norm)
    if not (asks_who or _SIGNERS.search(norm) or _HOW_MANY.search(norm) or country):
        return None
    if _HOW_MANY.search(norm) and _SAID.search(norm) and not _SIGN.search(norm):
        return None
    letter = _one_letter(scope, parsed, "Who signed the {year} letter?")
    if isinstance(letter, Answer):
        return letter
    return answers.signatories(scope, letter.id, country)


def _country_filter(scope: Scope, norm: str) -> str | None:
    for pattern in (_COUNTRY_NOUN, _COUNTRY_FROM):
        for match in pattern.finditer(norm):
            country = resolve_country(scope, match.group(1))
            if country:
                return country
    return None


def _quotes(scope: Scope, parsed: _Parsed) -> Answer | None:
    if not _SAID.search(parsed.norm):
        return None
    people = parsed.ids("person")
    orgs = parsed.ids("organization")
    about = _about_phrase(scope, parsed)
    if people:
        if len(people) > 1 and about is None:
            return _quotes_of_many(scope, people)
        return answers.quotes(scope, person=people[0], about=about)
    if orgs:
        speakers = [p.id for p in scope.kb.people_of(orgs[0]) if scope.kb.quotes_by(p.id)]
        if speakers:
            title = f"Quotes by people of {scope.kb.name_of(orgs[0])}"
            return _quotes_of_many(scope, speakers, title, about)
    if about is not None:
        return answers.quotes(scope, about=about)
    letters = _letters_meant(scope, parsed)
    if len(letters) == 1:
        return answers.quotes(scope, about=letters[0].id)
    return None


def _about_phrase(scope: Scope, parsed: _Parsed) -> str | None:
    """What the quotes should be about: a letter or event named, or the words after "about"."""
    letters = parsed.ids("letter") or parsed.ids("event")
    if letters:
        return letters[0]
    match = _ABOUT.search(parsed.norm.strip())
    if match:
        phrase = match.group(1).strip()
        if years_in(phrase) or " letter" in f" {phrase}":
            found = best_letters(scope, phrase)
            if len(found) == 1:
                return found[0].id
        return phrase or None
    if years_in(parsed.text):
        found = best_letters(scope, parsed.text)
        if len(found) == 1:
            return found[0].id
    return None


def _quotes_of_many(scope: Scope, people: list[str], title: str | None = None,
                    about: str | None = None) -> Answer:
    """Quotes of several speakers, optionally only those about one letter or event."""
    kb = scope.kb
    title = title or "Quotes by " + ", ".join(kb.name_of(p) for p in people)
    subject = about if about in kb.letters or about in kb.events else None
    if subject:
        title += f" about {kb.name_of(subject)}"
    builder = AnswerBuilder(kb, "quotes", title)
    items: list[Item] = []
    for person_id in people:
        items += [answers.quote_item(scope, builder, q) for q in kb.quotes_by(person_id)
                  if subject is None or subject in q.about]
    builder.section("Quotes", items)
    builder.lead.append(f"{len(items)} quote{'s' if len(items) != 1 else ''}.")
    builder.interpretation = builder.title.lower()
    return builder.build(found=bool(items))


def _demands(scope: Scope, parsed: _Parsed) -> Answer | None:
    if not _DEMANDS.search(parsed.norm):
        return None
    if parsed.ids("person") and not parsed.ids("letter") and not years_in(parsed.text):
        return None
    letter = _one_letter(scope, parsed, "What did the {year} letter demand?")
    if isinstance(letter, Answer):
        return letter if " letter" in parsed.norm or not parsed.mentions else None
    return answers.demands(scope, letter.id)


def _why_or_when(scope: Scope, parsed: _Parsed) -> Answer | None:
    if not (_WHY.search(parsed.norm) or _WHEN.search(parsed.norm.strip())):
        return None
    if parsed.ids("event") and not parsed.ids("letter"):
        return answers.event(scope, parsed.ids("event")[0])
    letter = _one_letter(scope, parsed, "When was the {year} letter sent?")
    if isinstance(letter, Answer):
        return letter if " letter" in parsed.norm else None
    return answers.letter(scope, letter.id)


def _who_is(scope: Scope, parsed: _Parsed) -> Answer | None:
    if not _WHO_IS.search(parsed.norm.strip()):
        return None
    return _named_entity(scope, parsed)


def _letters_list(scope: Scope, parsed: _Parsed) -> Answer | None:
    if " letters " not in parsed.norm and not re.search(r"\btimeline\b", parsed.norm):
        return None
    people = parsed.ids("person")
    years = years_in(parsed.text)
    return answers.letters(scope, recipient=people[0] if people else None,
                           year=years[0] if years else None)


def _named_entity(scope: Scope, parsed: _Parsed) -> Answer | None:
    """The question names exactly one thing: describe it."""
    for kind, function in (("letter", answers.letter), ("person", answers.person),
                           ("organization", answers.org), ("event", answers.event)):
        ids = parsed.ids(kind)
        if ids:
            return function(scope, ids[0])
    if " letter " in parsed.norm or years_in(parsed.text):
        letters = best_letters(scope, parsed.text)
        if len(letters) == 1:
            return answers.letter(scope, letters[0].id)
    return None


def _search(scope: Scope, parsed: _Parsed) -> Answer:
    result = answers.search(scope, parsed.text)
    if result.found:
        return result
    return not_found(
        "ask",
        "The knowledge base does not cover this question. It knows about joint letters to "
        "leaders on human rights in North Korea: who signed them, what they demanded, and "
        "what officials and campaigners said.",
        [*result.suggestions, *EXAMPLES[:2]],
        interpretation=f"search for {parsed.text[:80]}",
    )
