"""Sentences with numbers (PL: zdania z liczbami), shown as Markdown in notebooks and reports."""
from __future__ import annotations

from typing import Any

__all__ = ["Prose", "say"]


class Prose:
    """A paragraph of Markdown (PL: akapit): renders as formatted text, prints as itself.

    Parameters
    ----------
    text : str
        Markdown.
    """

    def __init__(self, text: str):
        self.text = text

    def _repr_markdown_(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return self.text

    def __str__(self) -> str:
        return self.text


def say(text: str, **values: Any) -> Prose:
    """A sentence with its numbers filled in (PL: zdanie z wartościami), as Markdown.

    Format the numbers first with :mod:`salesnb.present.numbers` (``count``, ``percent``,
    ``money`` ...), so prose reads like the tables.

    Parameters
    ----------
    text : str
        Markdown with ``{name}`` fields.
    **values
        The fields' values, already formatted.

    Returns
    -------
    Prose
    """
    return Prose(text.format(**values) if values else text)
