"""Answering: the `Answer` value, one function per kind of question, and the /ask reader.

Public surface: `Answer` (answer), the answer functions (kinds), `ask` (the free-text
reader) and `COMMANDS`, the catalogue of question commands every front end offers.
"""
