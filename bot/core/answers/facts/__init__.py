"""One-fact answers: the direct answer in a sentence or two, then the card for detail.

letter_facts (to whom, when, by whom, why, how many, did X sign), openers (the cards
opened by their direct answer), lists (computed over the data), topics (what a letter says
about something; what the sources do not cover), comparisons, who_said (words → speaker).
"""
