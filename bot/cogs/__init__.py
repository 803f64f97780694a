"""discord.py cogs: thin adapters from interactions to core answers."""
