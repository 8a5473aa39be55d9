"""newsdiff: compare a news article with its rewrites and say, with evidence, what changed."""

from newsdiff._version import __version__
from newsdiff.exceptions import InputError, LexiconError, NewsdiffError, RenderError, SchemaError
from newsdiff.models import (
    SCHEMA_VERSION,
    AlignmentGroup,
    Change,
    ChangeKind,
    Document,
    Relation,
    Report,
    Severity,
    Span,
)

__all__ = [
    "SCHEMA_VERSION",
    "AlignmentGroup",
    "Change",
    "ChangeKind",
    "Document",
    "InputError",
    "LexiconError",
    "NewsdiffError",
    "Relation",
    "RenderError",
    "Report",
    "SchemaError",
    "Severity",
    "Span",
    "__version__",
]
