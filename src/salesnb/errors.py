"""One exception type for bad input, with messages a user can act on.

Every problem names the file, the column, the rows as the user sees them in the file (line
numbers in a CSV, row numbers in a spreadsheet, header = row 1), the bad values and the fix.
Problems are collected and raised together, so one run shows everything that is wrong.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

#: How many rows and values one problem lists before it says "and N more".
MAX_LISTED = 5


@dataclass
class Problem:
    """One thing wrong with the input: where it is, what was found, and how to fix it."""

    file: str | Path | None
    message: str
    fix: str = ""
    column: str | None = None
    rows: Sequence[int] = field(default_factory=list)
    values: Sequence[object] = field(default_factory=list)

    def describe(self) -> str:
        """The problem as one sentence a user can act on (PL: opis problemu).

        Names the column, the rows (at most :data:`MAX_LISTED`, then "and N more"), the message,
        the values found (likewise) and the fix.

        Returns
        -------
        str
        """
        where = []
        if self.column is not None:
            where.append(f"column '{self.column}'")
        if len(self.rows):
            rows = [int(r) for r in self.rows]
            shown = ", ".join(str(r) for r in rows[:MAX_LISTED])
            more = f" and {len(rows) - MAX_LISTED} more" if len(rows) > MAX_LISTED else ""
            where.append(f"row{'s' if len(rows) > 1 else ''} {shown}{more}")
        text = (", ".join(where) + ": " if where else "") + self.message
        if len(self.values):
            vals = list(self.values)
            shown = ", ".join(repr(_plain(v)) for v in vals[:MAX_LISTED])
            more = f" (and {len(vals) - MAX_LISTED} more)" if len(vals) > MAX_LISTED else ""
            text += f" Found: {shown}{more}."
        if self.fix:
            text += f" Fix: {self.fix}"
        return text


def describe(value: object) -> str:
    """A short, stable text for a value in a message (no memory addresses, no long frames).

    Parameters
    ----------
    value : object
        Any value given to a function.

    Returns
    -------
    str
        A DataFrame as its first eight column names, a Series by its name, anything whose
        ``repr`` holds a memory address or is over 80 characters by its type; else its ``repr``.
    """
    import pandas as pd

    if isinstance(value, pd.DataFrame):
        return f"a DataFrame with columns {list(value.columns)[:8]}"
    if isinstance(value, pd.Series):
        return f"a Series named {value.name!r}"
    text = repr(value)
    if " at 0x" in text or len(text) > 80:
        return f"a {type(value).__name__}"
    return text


def _plain(value: object) -> object:
    """Values as the user typed them (numpy scalars shown as plain Python)."""
    return value.item() if hasattr(value, "item") else value


class DataError(ValueError):
    """Bad input data or configuration (PL: błąd danych wejściowych).

    ``problems`` lists every :class:`Problem` found; the message groups them by file.
    """

    def __init__(self, problems: Iterable[Problem] | Problem | str):
        if isinstance(problems, str):
            problems = [Problem(None, problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = list(problems)
        super().__init__(self._format())

    def _format(self) -> str:
        by_file: dict[str, list[Problem]] = {}
        for p in self.problems:
            by_file.setdefault(str(p.file) if p.file is not None else "", []).append(p)
        n = len(self.problems)
        if n == 1 and self.problems[0].file is None:
            return self.problems[0].describe()
        lines = [f"{n} problem{'s' if n != 1 else ''} in the input data:"]
        for file, probs in by_file.items():
            if file:
                lines.append(f"{file}:")
            lines.extend(f"  - {p.describe()}" for p in probs)
        return "\n".join(lines)


class ParameterError(DataError):
    """A bad argument to a library function (PL: błędny parametr funkcji).

    The message names the parameter, the function, the value given and what is allowed, e.g.
    ``The 'period' parameter of salesnb.abcxyz.xyz must be one of 'M', 'Q'. Got 'W' instead.``
    Raised by the checks in :mod:`salesnb.validation`; catch :class:`DataError` to handle it
    together with bad data.

    Attributes
    ----------
    parameter : str
        The parameter's name.
    value : object
        The value given.
    allowed : str
        What the parameter may be.
    """

    def __init__(self, parameter: str, value: object, allowed: str, *, function: str | None = None,
                 fix: str = ""):
        self.parameter = parameter
        self.value = value
        self.allowed = allowed
        self.function = function
        of = f" of {function}" if function else ""
        message = f"The {parameter!r} parameter{of} must be {allowed}. Got {describe(value)} instead."
        super().__init__(Problem(None, message, fix))


class DataWarning(UserWarning):
    """Something in the input that is allowed but worth a look (PL: ostrzeżenie o danych)."""


class Collector:
    """Gathers problems while a dataset is read; raises them all at once."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, *args, **kwargs) -> None:
        """Note one problem.

        Parameters
        ----------
        *args, **kwargs
            The fields of a :class:`Problem` (``file``, ``message``, ``fix``, ``column``,
            ``rows``, ``values``).
        """
        self.problems.append(Problem(*args, **kwargs))

    def extend(self, problems: Iterable[Problem]) -> None:
        """Note several problems.

        Parameters
        ----------
        problems : iterable of Problem
            Problems found elsewhere (e.g. by a checking function).
        """
        self.problems.extend(problems)

    def __bool__(self) -> bool:
        return bool(self.problems)

    def raise_if_any(self) -> None:
        """Raise every problem noted so far together, if there is any.

        Raises
        ------
        DataError
            Listing all the problems, grouped by file.
        """
        if self.problems:
            raise DataError(self.problems)
