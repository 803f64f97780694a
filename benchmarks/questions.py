"""A question mix drawn from a knowledge base, repeated the way real traffic repeats.

Each template yields a pool of distinct questions about entities of the knowledge base;
the mix then draws from all pools with Zipf-like weights, so a few questions ("who signed
the 2018 letter to Kim Jong Un?") come back again and again while most are asked once.
Typos, free-text topic searches and nonsense are in the mix too.
"""

from __future__ import annotations

import bisect
import itertools
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from bot.core.kb.corpus import KnowledgeBase
from bot.core.kb.models import Organization

T = TypeVar("T")

#: Share of the mix per question kind.
KIND_WEIGHTS: dict[str, float] = {
    "who-signed": 0.20,
    "demands": 0.05,
    "quotes-by": 0.15,
    "letters-signed-by": 0.15,
    "who-is": 0.10,
    "org": 0.05,
    "typo": 0.10,
    "topic": 0.15,
    "nonsense": 0.05,
}
#: Distinct questions per kind before the Zipf draw.
POOL_SIZE = 200
#: Exponent of the Zipf-like repetition.
ZIPF_S = 1.1

TOPIC_SEARCHES = (
    "forced labour in prison camps",
    "public executions",
    "separated families reunions",
    "abductions of Japanese nationals",
    "forced repatriation from China",
    "humanitarian aid monitoring",
    "freedom of religion",
    "Commission of Inquiry findings",
    "torture in detention",
    "sexual violence against women",
    "songbun discrimination",
    "International Criminal Court referral",
    "overseas workers",
    "enforced disappearances",
    "food shortages",
    "summit agenda human rights",
    "UN special rapporteur visit",
    "access to foreign media",
    "death penalty moratorium",
    "political prisoners release",
)
NONSENSE = (
    "qwzx blorf",
    "asdf jkl",
    "what's the weather in Oslo tomorrow",
    "🤔🤔",
    "lorem ipsum dolor",
    "zzzzzzzz",
    "how do I bake sourdough bread",
    "!!!???",
    "best pizza near me",
    "1234567",
    "the quick brown fox jumps",
    "xkcd 927",
)


@dataclass(frozen=True, slots=True)
class Question:
    """One question of the mix and the kind of template it came from."""

    kind: str
    text: str


def typo(rng: random.Random, text: str) -> str:
    """`text` with two adjacent letters of its longest word swapped."""
    words = text.split()
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    word = words[longest]
    if len(word) < 4:
        return text
    i = rng.randrange(1, len(word) - 2)
    words[longest] = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return " ".join(words)


class _Pools:
    """Distinct questions per kind, drawn from the knowledge base in a stable order."""

    def __init__(self, kb: KnowledgeBase, rng: random.Random) -> None:
        self.kb = kb
        self.rng = rng
        self.letters = [kb.letters[i] for i in sorted(kb.letters)]
        self.speakers = [kb.people[i] for i in sorted(kb.people) if kb.quotes_by(i)]
        self.people = [kb.people[i] for i in sorted(kb.people)]
        self.signers = [
            kb.organizations[i] for i in sorted(kb.organizations) if kb.letters_signed_by(i)
        ]

    def _sample(self, items: list[T]) -> list[T]:
        return self.rng.sample(items, min(POOL_SIZE, len(items)))

    def who_signed(self) -> list[str]:
        """By year and recipient (often several letters: the bot asks which), or by alias."""
        return [
            f"Who signed {x.aliases[0]}?"
            if x.aliases and n % 2
            else f"Who signed the {x.year} letter to {self.kb.name_of(x.recipient)}?"
            for n, x in enumerate(self._sample(self.letters))
        ]

    def demands(self) -> list[str]:
        return [
            f"What did the {x.year} letter to {self.kb.name_of(x.recipient)} demand?"
            for x in self._sample(self.letters)
        ]

    def quotes_by(self) -> list[str]:
        return [f"What did {p.name} say?" for p in self._sample(self.speakers)]

    def letters_signed_by(self) -> list[str]:
        return [f"Which letters did {_short_name(o)} sign?" for o in self._sample(self.signers)]

    def who_is(self) -> list[str]:
        return [f"Who is {p.name}?" for p in self._sample(self.people)]

    def org(self) -> list[str]:
        return [f"Tell me about {_short_name(o)}" for o in self._sample(self.signers)]

    def typo(self) -> list[str]:
        people = [f"who is {typo(self.rng, p.name)}" for p in self._sample(self.people)]
        orgs = [
            f"which letters did {typo(self.rng, o.name)} sign" for o in self._sample(self.signers)
        ]
        return people[: POOL_SIZE // 2] + orgs[: POOL_SIZE // 2]

    def topic(self) -> list[str]:
        return list(TOPIC_SEARCHES)

    def nonsense(self) -> list[str]:
        return list(NONSENSE)

    def by_kind(self) -> dict[str, Callable[[], list[str]]]:
        return {
            "who-signed": self.who_signed,
            "demands": self.demands,
            "quotes-by": self.quotes_by,
            "letters-signed-by": self.letters_signed_by,
            "who-is": self.who_is,
            "org": self.org,
            "typo": self.typo,
            "topic": self.topic,
            "nonsense": self.nonsense,
        }


def _short_name(org: Organization) -> str:
    """The abbreviation people type when there is one, else the name."""
    short = [a for a in org.aliases if a.isupper() or len(a) <= 6]
    return short[0] if short else org.name


def question_mix(kb: KnowledgeBase, count: int = 1000, seed: int = 7) -> list[Question]:
    """`count` questions about `kb`: template kinds by `KIND_WEIGHTS`, Zipf-repeated within."""
    rng = random.Random(seed)
    pools = {kind: make() for kind, make in _Pools(kb, rng).by_kind().items()}
    kinds = [k for k in KIND_WEIGHTS if pools[k]]
    kind_cum = list(itertools.accumulate(KIND_WEIGHTS[k] for k in kinds))
    zipf = {
        k: list(itertools.accumulate(1 / (r + 1) ** ZIPF_S for r in range(len(pools[k]))))
        for k in kinds
    }
    mix: list[Question] = []
    for _ in range(count):
        kind = kinds[bisect.bisect_left(kind_cum, rng.random() * kind_cum[-1])]
        cum = zipf[kind]
        index = bisect.bisect_left(cum, rng.random() * cum[-1])
        mix.append(Question(kind, pools[kind][index]))
    return mix


def distinct_share(mix: list[Question]) -> float:
    """How many questions of a mix are distinct, as a share (repetition indicator)."""
    return len({q.text for q in mix}) / max(len(mix), 1)
