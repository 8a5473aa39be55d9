"""The JSON Schema of newsdiff's report, shipped as ``report.schema.json``."""

from __future__ import annotations

import importlib.resources
import json
from typing import Any

__all__ = ["report_schema"]


def report_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) that every JSON report validates against."""
    text = importlib.resources.files(__name__).joinpath("report.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
