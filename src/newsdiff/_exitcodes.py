"""Exit codes shared by every ``newsdiff`` command."""

from __future__ import annotations

__all__ = ["EXIT_ERROR", "EXIT_FAILED_PAIRS", "EXIT_INPUT", "EXIT_OK", "EXIT_OUTPUT"]

#: Success.
EXIT_OK = 0
#: An unexpected internal error.
EXIT_ERROR = 1
#: Bad usage, or input newsdiff cannot use (empty, binary, undecodable, too large).
EXIT_INPUT = 2
#: The output could not be written or rendered.
EXIT_OUTPUT = 3
#: ``newsdiff batch`` ran, but at least one pair failed (each has an error record).
EXIT_FAILED_PAIRS = 4
