"""Domain exceptions. Front ends turn them into friendly replies and exit codes."""

from __future__ import annotations

from dataclasses import dataclass


class CampaignBotError(Exception):
    """Base of every error the bot reports to a user instead of crashing."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the knowledge base, located by file and line."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class CorpusError(CampaignBotError):
    """The knowledge base did not validate; nothing was loaded."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        count = len(problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the knowledge base"
        super().__init__(head + ":\n" + "\n".join(str(p) for p in problems))


class ConfigError(CampaignBotError):
    """A setting is missing or invalid."""


class NotFoundError(CampaignBotError):
    """A named letter, person or organization is not in the knowledge base."""

    def __init__(self, kind: str, name: str, suggestions: tuple[str, ...] = ()) -> None:
        self.kind = kind
        self.name = name
        self.suggestions = suggestions
        hint = f" Did you mean: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"No {kind} matches “{name}”.{hint}")


class IndexBusyError(CampaignBotError):
    """Another process holds the search index's write lock past the timeout."""


class PermissionDeniedError(CampaignBotError):
    """The caller may not do this (for example, edit the knowledge base)."""


class ValidationError(CampaignBotError):
    """A moderator's entry is invalid; every problem is listed and nothing was written."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(f"• {p}" for p in problems))


class DocumentError(CampaignBotError):
    """A document handed in for a draft cannot be read; nothing was drafted or written.

    It is binary, too large, has no article, or is at a URL that cannot be fetched safely.
    """
