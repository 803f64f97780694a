"""The /ask reader: a question's evidence, its candidate readings, and their scores.

question (names, roles, years, numbers, countries, quoted words), cues (what the wording
asks for), clues (which letter or event is meant), readings (kind × subject × letter ×
filters, each scored; the best is answered by `ask`).
"""
