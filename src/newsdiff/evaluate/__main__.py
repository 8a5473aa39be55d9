"""Command line of the evaluation: ``python -m newsdiff.evaluate {polnear,hedges} PATH``."""

from __future__ import annotations

import sys

_USAGE = "usage: python -m newsdiff.evaluate {polnear,hedges} PATH [options]"


def main(argv: list[str] | None = None) -> int:
    """Dispatch to the evaluation of one dataset; return the process exit code."""
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] in {"-h", "--help"}:
        sys.stdout.write(_USAGE + "\n")
        return 0 if args else 2
    dataset, rest = args[0], args[1:]
    if dataset == "polnear":
        from newsdiff.evaluate.polnear import main as run  # noqa: PLC0415 - load one dataset only
    elif dataset == "hedges":
        from newsdiff.evaluate.hedges import main as run  # noqa: PLC0415 - load one dataset only
    else:
        sys.stderr.write(f"newsdiff.evaluate: unknown dataset {dataset!r}\n{_USAGE}\n")
        return 2
    return run(rest)


if __name__ == "__main__":
    raise SystemExit(main())
