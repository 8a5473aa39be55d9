"""The exceptions newsdiff raises: one root, one child per kind of failure.

Every error the library raises on purpose is a :class:`NewsdiffError`, so a caller
can catch the whole family with one ``except``. Each class also subclasses the
built-in exception a Python programmer would expect (``ValueError`` for bad input,
``OSError`` for files that cannot be read), and all of them pickle, so they survive
a trip through a worker process.
"""

from __future__ import annotations

__all__ = [
    "InputError",
    "LexiconError",
    "NewsdiffError",
    "RenderError",
    "SchemaError",
]


class NewsdiffError(Exception):
    """Root of every error newsdiff raises on purpose."""


class InputError(NewsdiffError, ValueError):
    """An article or an option cannot be used: empty, binary, undecodable or too large.

    The message names the input (a file name where there is one) and what to do.
    """


class LexiconError(NewsdiffError, ValueError):
    """A lexicon file is missing, malformed or lacks its provenance table."""


class SchemaError(NewsdiffError, ValueError):
    """A JSON report does not match the schema this version of newsdiff reads."""


class RenderError(NewsdiffError):
    """A report could not be rendered in the requested format."""
