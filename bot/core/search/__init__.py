"""Finding things: the Whoosh index, the text it indexes, the name table, entity resolution.

Public surface: `SearchIndex` (index), `NameIndex` and `normalize` (names), and the
`resolve_*` functions that turn what a user typed into entities (resolve).
"""
