"""Moderators' changes: forms, per-server entry files, the change log, and the service.

Public surface: `Moderation` (service: add, edit, remove, import, export, history, undo),
`FORMS` (forms), `ChangeLog` (changelog) and `CommunityStore` (community).
"""
