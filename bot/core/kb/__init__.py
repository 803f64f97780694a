"""The knowledge base: the data model, YAML reading and validation, the loaded corpus.

Public surface: `load_corpus`, `KnowledgeBase`, `bundled_data_dir` (corpus), the entity
types (models), and `human_date` (dates). Nothing here knows about search or answers.
"""
