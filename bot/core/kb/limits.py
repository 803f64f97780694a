"""Every bound on what the knowledge-base loader reads, stated once.

Data files and moderators' imports are YAML; YAML can describe far more work than its size
suggests (aliases that expand a thousandfold at each level, nesting that overflows every
recursive walker, integers too long for Python to print). These limits keep the work any
input can cause in proportion to its size, and every one is far above what real data needs:
the figures in the comments come from the bundled data/ and from the 10,000- and
100,000-entity corpora made by benchmarks/generate.py.
"""

from __future__ import annotations

#: Largest YAML document, in bytes of UTF-8 (a data file, a community entry, an import).
#: The largest generated data file (100 letters with their signatories) is 1.0 MB.
MAX_YAML_BYTES = 3_000_000

#: Most scalars, lists and mappings in one document: the largest generated file has 57,550.
#: Without aliases a document holds fewer values than characters; this bounds the work of
#: one that is dense in values (`[1,1,1,…]` builds a value from every two bytes).
MAX_YAML_NODES = 150_000

#: Deepest nesting of lists and mappings: real data nests 6 deep (file → letters → letter →
#: signatories → signatory → sources). Every walker of the parsed data may recurse this deep.
MAX_YAML_DEPTH = 32

#: Longest number, in characters. Python refuses to print integers over 4,300 digits, and
#: no count, year or flag in the knowledge base comes near 100 characters.
MAX_NUMBER_CHARS = 100
