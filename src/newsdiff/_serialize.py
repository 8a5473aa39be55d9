"""The one serialiser: reports to JSON and back, through cattrs.

Field order follows the attrs classes and floats are rounded where they are made, so
the same report always gives the same bytes. ``from_json`` refuses a report of
another major schema version instead of guessing.
"""

from __future__ import annotations

import json
from typing import Any

import cattrs

from newsdiff.exceptions import SchemaError
from newsdiff.models import SCHEMA_VERSION, Report

__all__ = ["converter", "report_from_json", "report_to_json", "unstructure_report"]

#: The cattrs converter used for every report; detectors' models unstructure through it too.
converter = cattrs.Converter(forbid_extra_keys=True)


def unstructure_report(report: Report) -> dict[str, Any]:
    """Turn a report into plain JSON-ready data, ``schema_version`` first."""
    data: dict[str, Any] = converter.unstructure(report)
    return {"schema_version": data.pop("schema_version"), **data}


def report_to_json(report: Report, *, indent: int | None = 2) -> str:
    """Serialise ``report``; identical reports give byte-identical JSON."""
    return json.dumps(unstructure_report(report), ensure_ascii=False, indent=indent)


def report_from_json(text: str | bytes) -> Report:
    """Rebuild a report from JSON made by :func:`report_to_json`.

    Raises:
        SchemaError: the text is not JSON, not a report, or of another major version.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        msg = f"not JSON: {err}"
        raise SchemaError(msg) from err
    if not isinstance(data, dict) or "schema_version" not in data:
        msg = "not a newsdiff report: no schema_version at the top level"
        raise SchemaError(msg)
    version = str(data["schema_version"])
    if version.split(".", 1)[0] != SCHEMA_VERSION.split(".", 1)[0]:
        msg = f"report schema {version} cannot be read by this newsdiff (reads {SCHEMA_VERSION})"
        raise SchemaError(msg)
    try:
        return converter.structure(data, Report)
    except (cattrs.BaseValidationError, ValueError, TypeError, KeyError) as err:
        detail = (
            "; ".join(cattrs.transform_error(err))
            if isinstance(err, cattrs.BaseValidationError)
            else str(err)
        )
        msg = f"not a valid newsdiff report: {detail}"
        raise SchemaError(msg) from err
