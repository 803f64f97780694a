"""What a knowledge base laid over another needs besides its tables (see bot.core.kb.layered).

A server's view (the shared corpus plus its moderators' entries) and a start after a data
file changed both lay a few records over a loaded knowledge base. The knowledge base itself
is patched by `bot.core.kb.layered`; this package patches the rest from the base's:

- `tables`, `roles`: the /ask reader's lookup tables (seconds each to compute at 100,000
  entities), patched for the touched entities only;
- `names`: the name table (`NameIndex`), patched for the touched entities' names.
"""
