"""The usage log: recording commands, its SQLite storage, statistics, report and chart.

Public surface: `UsageLog` (log), `query_stats`/`UsageStats` (stats), `stats_answer`
(report) and `render_daily_chart` (chart).
"""
