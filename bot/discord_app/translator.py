"""Korean names and descriptions for the slash commands (`app_commands.Translator`).

Discord shows these to users whose client is set to Korean. Command and option names
must be lower case without spaces, so they are short Korean nouns.
"""

from __future__ import annotations

import discord
from discord import app_commands

KOREAN: dict[str, str] = {
    # Command names
    "ask": "질문",
    "search": "검색",
    "letter": "서한",
    "letters": "서한목록",
    "signatories": "서명단체",
    "demands": "요구사항",
    "quotes": "발언",
    "person": "인물",
    "org": "단체",
    "compare": "비교",
    "stats": "통계",
    "privacy": "개인정보",
    "forget-me": "기록삭제",
    "kb": "지식베이스",
    # Command descriptions
    "Ask a question in your own words": "자유롭게 질문하세요",
    "Full-text search of letters, people, organizations and quotes":
        "서한, 인물, 단체, 발언 전체 검색",
    "Everything about one letter": "서한 하나에 대한 모든 정보",
    "List letters as a timeline, optionally filtered": "서한을 시간순으로 보기 (필터 가능)",
    "Who signed a letter, and how many the sources report":
        "서한에 서명한 단체와 출처가 밝힌 서명 수",
    "What a letter demanded and the abuses it cited": "서한의 요구사항과 인용된 인권침해",
    "What people said, verbatim, with their role and source":
        "인물의 발언 원문, 당시 직책과 출처",
    "Who someone is: roles, quotes, letters to them": "인물 정보: 직책, 발언, 받은 서한",
    "An organization: what it is, letters it signed, its people":
        "단체 정보: 성격, 서명한 서한, 소속 인물",
    "Compare the named signatories of two letters": "두 서한의 서명단체 비교",
    # Option names
    "question": "질문",
    "query": "검색어",
    "recipient": "수신인",
    "year": "연도",
    "signed_by": "서명단체",
    "country": "국가",
    "about": "주제",
    "name": "이름",
    "letter_a": "서한1",
    "letter_b": "서한2",
    # Option descriptions
    "Your question, e.g. Who signed the 2018 letter?": "질문 (예: 2018년 서한에 누가 서명했나요?)",
    "Words to look for": "찾을 단어",
    "The letter: a year, recipient or title (e.g. 2018)": "서한: 연도, 수신인 또는 제목 (예: 2018)",
    "Only letters to this person": "이 인물에게 보낸 서한만",
    "Only letters sent in this year": "이 해에 보낸 서한만",
    "Only letters this organization signed": "이 단체가 서명한 서한만",
    "Only signatories from this country": "이 국가의 서명단체만",
    "Who said it": "발언한 인물",
    "A letter, event or topic": "서한, 사건 또는 주제",
    "The person's name or role": "인물의 이름 또는 직책",
    "The organization's name or abbreviation": "단체 이름 또는 약칭",
    "The first letter": "첫 번째 서한",
    "The second letter": "두 번째 서한",
}


class KoreanTranslator(app_commands.Translator):
    """Translate command names, descriptions and options into Korean."""

    async def translate(self, string: app_commands.locale_str, locale: discord.Locale,
                        context: app_commands.TranslationContextTypes) -> str | None:
        """The Korean text for `string`, or None to keep English."""
        if locale is not discord.Locale.korean:
            return None
        return KOREAN.get(string.message)
