"""The knowledge base, its search index and the answers; never imports discord."""
