"""campaign-bot: answers questions about human-rights advocacy campaigns."""

__version__ = "0.1.0"
