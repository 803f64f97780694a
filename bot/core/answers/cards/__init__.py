"""Cards: the full answers about one thing, which one-fact answers open with a sentence.

letters (who signed, demands, a letter, the timeline, which letter?), people (an
organisation, a person, an event), quotes, search.
"""
