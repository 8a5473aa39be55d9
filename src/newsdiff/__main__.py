"""Run the command line as ``python -m newsdiff``."""

from newsdiff._cli import main

raise SystemExit(main())
