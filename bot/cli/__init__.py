"""The terminal front end: `campaign-bot …`, the twin of every slash command.

`main` (main) parses the command line; kb holds the `kb` subcommands; render turns an
`Answer` into plain text or JSON.
"""
