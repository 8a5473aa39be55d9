"""Renderers: turn a :class:`~newsdiff.models.Report` into what people and programs read."""

from __future__ import annotations

from newsdiff.render.text import render_text

__all__ = ["render_text"]
