"""The domain, grouped by area; never imports discord.

kb (the knowledge base), search (index and names), answers (the questions), moderation
(moderators' changes), usage (the usage log). engine and scope tie them together for one
process and one server; errors holds the exceptions every front end renders.
"""
