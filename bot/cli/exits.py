"""The exit codes of `campaign-bot`, one meaning each, so scripts can tell outcomes apart.

The README's "Exit codes" table is this module in words; keep them in step.
"""

from __future__ import annotations

#: The command did what was asked: an answer printed, a change made, the data valid.
EXIT_OK = 0
#: It ran, but found nothing: no answer, no usage log yet, an index that needs rebuilding.
EXIT_NOTHING = 1
#: It could not run as asked: a usage error, a bad setting, broken data, a folder it
#: cannot write. Fixing the command line, the config or the data is what helps.
EXIT_USAGE = 2
#: Discord could not be reached (network, DNS, Discord's own servers): worth retrying.
EXIT_UNREACHABLE = 3
#: Interrupted by Ctrl-C (128 + SIGINT, as shells report it).
EXIT_INTERRUPTED = 130
