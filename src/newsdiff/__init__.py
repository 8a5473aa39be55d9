"""newsdiff: compare a news article with its rewrites and say, with evidence, what changed.

>>> import newsdiff
>>> report = newsdiff.compare("Talks failed on Monday.", "Talks failed on Friday.")
>>> [(c.kind.value, c.original[0].text, c.rewrite[0].text) for c in report.changes]
[('reworded', 'Monday', 'Friday')]
"""

from newsdiff._pipeline import AnalysisCache, compare, compare_files, default_detectors
from newsdiff._text import DEFAULT_MAX_CHARS, load_text
from newsdiff._version import __version__
from newsdiff.detect import Context, Detector
from newsdiff.exceptions import InputError, LexiconError, NewsdiffError, RenderError, SchemaError
from newsdiff.lexicons import Lexicon, load_lexicon
from newsdiff.models import (
    SCHEMA_VERSION,
    AlignmentGroup,
    Boilerplate,
    BoilerplateKind,
    Change,
    ChangeKind,
    Document,
    EditOp,
    Metrics,
    MoveDirection,
    Quotation,
    QuoteLedgerEntry,
    QuoteStatus,
    Readability,
    ReadabilityComparison,
    Relation,
    Report,
    Sentence,
    Severity,
    Span,
    Tone,
    ToneComparison,
    WordEdit,
)
from newsdiff.variants import LineageLink, UniqueContent, VariantComparison, compare_variants

__all__ = [
    "DEFAULT_MAX_CHARS",
    "SCHEMA_VERSION",
    "AlignmentGroup",
    "AnalysisCache",
    "Boilerplate",
    "BoilerplateKind",
    "Change",
    "ChangeKind",
    "Context",
    "Detector",
    "Document",
    "EditOp",
    "InputError",
    "Lexicon",
    "LexiconError",
    "LineageLink",
    "Metrics",
    "MoveDirection",
    "NewsdiffError",
    "Quotation",
    "QuoteLedgerEntry",
    "QuoteStatus",
    "Readability",
    "ReadabilityComparison",
    "Relation",
    "RenderError",
    "Report",
    "SchemaError",
    "Sentence",
    "Severity",
    "Span",
    "Tone",
    "ToneComparison",
    "UniqueContent",
    "VariantComparison",
    "WordEdit",
    "__version__",
    "compare",
    "compare_files",
    "compare_variants",
    "default_detectors",
    "load_lexicon",
    "load_text",
]
