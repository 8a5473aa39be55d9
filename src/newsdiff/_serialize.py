"""The one serialiser: reports to JSON and back, through cattrs.

Field order follows the attrs classes and floats are rounded where they are made, so
the same report always gives the same bytes. ``from_json`` refuses a report of
another major schema version instead of guessing.
"""

from __future__ import annotations

import json
from typing import Any, TypeVar

import cattrs

from newsdiff.exceptions import SchemaError
from newsdiff.models import SCHEMA_VERSION, Report

__all__ = [
    "converter",
    "from_json",
    "report_from_json",
    "report_to_json",
    "to_json",
    "unstructure",
    "unstructure_report",
]

#: The cattrs converter used for every report; detectors' models unstructure through it too.
converter = cattrs.Converter(forbid_extra_keys=True)


T = TypeVar("T")


def unstructure(value: object) -> dict[str, Any]:
    """Turn a report (or a variant comparison) into JSON-ready data, ``schema_version`` first."""
    data: dict[str, Any] = converter.unstructure(value)
    return {"schema_version": data.pop("schema_version"), **data}


def unstructure_report(report: Report) -> dict[str, Any]:
    """Turn a report into plain JSON-ready data, ``schema_version`` first."""
    return unstructure(report)


def to_json(value: object, *, indent: int | None = 2) -> str:
    """Serialise a report or a variant comparison; equal values give byte-identical JSON."""
    return json.dumps(unstructure(value), ensure_ascii=False, indent=indent)


def report_to_json(report: Report, *, indent: int | None = 2) -> str:
    """Serialise ``report``; identical reports give byte-identical JSON."""
    return to_json(report, indent=indent)


def from_json(text: str | bytes, cls: type[T], what: str) -> T:
    """Rebuild an instance of ``cls`` (called ``what`` in messages) from :func:`to_json` output.

    Raises:
        SchemaError: the text is not JSON, not a ``what``, or of another major version.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        msg = f"not JSON: {err}"
        raise SchemaError(msg) from err
    if not isinstance(data, dict) or "schema_version" not in data:
        msg = f"not a {what}: no schema_version at the top level"
        raise SchemaError(msg)
    version = str(data["schema_version"])
    if version.split(".", 1)[0] != SCHEMA_VERSION.split(".", 1)[0]:
        msg = f"{what} schema {version} cannot be read by this newsdiff (reads {SCHEMA_VERSION})"
        raise SchemaError(msg)
    try:
        return converter.structure(data, cls)
    except (cattrs.BaseValidationError, ValueError, TypeError, KeyError) as err:
        detail = (
            "; ".join(cattrs.transform_error(err))
            if isinstance(err, cattrs.BaseValidationError)
            else str(err)
        )
        msg = f"not a valid {what}: {detail}"
        raise SchemaError(msg) from err


def report_from_json(text: str | bytes) -> Report:
    """Rebuild a report from JSON made by :func:`report_to_json`.

    Raises:
        SchemaError: the text is not JSON, not a report, or of another major version.
    """
    return from_json(text, Report, "newsdiff report")
