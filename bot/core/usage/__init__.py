"""The usage log: recording commands, its SQLite storage, statistics, report and chart.

Public surface: `UsageLog` (log), `query_stats`/`UsageStats` (stats), `stats_answer`
(report) and `render_daily_chart` (chart). Behind the log: `events` (what front ends
record, and the row each becomes), `redact` (questions normalised, mentions removed),
`secret` (the user-hash key), `connection` (opening the file) and `schema` (tables).
"""
