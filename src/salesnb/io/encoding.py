"""Which encoding a file is in, and decoding cells (PL: kodowanie znaków).

Rules (`docs/data-format.md`, "Reading conventions"):

- a byte-order mark decides: UTF-8, UTF-16 LE or UTF-16 BE; UTF-16 without a mark is
  recognised by its zero bytes;
- otherwise the file is UTF-8 if every value decodes as UTF-8; if some do not, the file is
  UTF-8 *with bad bytes* when more of its non-ASCII values are valid UTF-8 than not (those
  values are reported with their rows, never decoded to garbage), else cp1250 (Windows
  Polish); bytes that are not cp1250 either are reported;
- ISO-8859-2 cannot be told from cp1250 reliably: such files must say so in ``company.yml``.
"""
from __future__ import annotations

import codecs
from collections.abc import Iterable
from pathlib import Path

from ..errors import Problem

BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
KNOWN_ENCODINGS = "utf-8, utf-8-sig, utf-16, cp1250, iso-8859-2"


def sniff_bom(head: bytes) -> tuple[str | None, int]:
    """The encoding a byte-order mark (or UTF-16's zero bytes) shows, and the mark's length.

    Parameters
    ----------
    head : bytes
        The first bytes of the file.

    Returns
    -------
    tuple of (str or None, int)
        ``("utf-8", 3)``, ``("utf-16-le", 2)``, ... or ``(None, 0)`` for an ASCII-compatible
        file without a mark.
    """
    for bom, name in BOMS:
        if head.startswith(bom):
            return name, len(bom)
    sample = head[:4096]
    if len(sample) >= 4:
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        half = len(sample) // 2
        if odd > 0.4 * half and even < 0.05 * half:
            return "utf-16-le", 0
        if even > 0.4 * half and odd < 0.05 * half:
            return "utf-16-be", 0
    return None, 0


def normalise_encoding(name: str | None) -> str | None:
    """A codec name as Python knows it, ``None`` for detect.

    Parameters
    ----------
    name : str or None
        As written in ``company.yml`` (``auto`` or empty: detect).

    Returns
    -------
    str or None

    Raises
    ------
    LookupError
        If Python knows no such encoding.
    """
    if name is None or str(name).strip().lower() in ("", "auto"):
        return None
    return codecs.lookup(str(name).strip()).name


def is_single_byte_ascii(name: str) -> bool:
    """Whether the encoding writes ASCII as single bytes (so ``;`` and ``"`` are plain bytes).

    Parameters
    ----------
    name : str
        A codec name.

    Returns
    -------
    bool
        False for UTF-16 and UTF-32.
    """
    return not codecs.lookup(name).name.startswith(("utf-16", "utf-32"))


def choose_encoding(values: Iterable[bytes]) -> str:
    """UTF-8 or cp1250 for a file whose non-ASCII cell values are ``values`` (see the module rules).

    Parameters
    ----------
    values : iterable of bytes
        Distinct raw values that contain a byte above 127.

    Returns
    -------
    str
        ``"utf-8"`` (possibly with bad bytes, which decoding then reports) or ``"cp1250"``.
    """
    good = bad = 0
    for v in values:
        try:
            v.decode("utf-8")
            good += 1
        except UnicodeDecodeError:
            bad += 1
    return "utf-8" if good >= bad else "cp1250"


def decode_value(value: bytes, encoding: str) -> str | None:
    """``value`` decoded, or ``None`` if it has bytes that are not text in ``encoding``.

    Parameters
    ----------
    value : bytes
        One cell.
    encoding : str
        The file's encoding.

    Returns
    -------
    str or None
    """
    try:
        return value.decode(encoding)
    except UnicodeDecodeError:
        return None


def undecodable(path: Path, encoding: str, column: str | None, rows: list, values: list[bytes]) -> Problem:
    """The problem for cell values whose bytes are not text in ``encoding``.

    Parameters
    ----------
    path : pathlib.Path
        The file.
    encoding : str
        The encoding the file is read in.
    column : str or None
        The column.
    rows : list
        The rows of those cells.
    values : list of bytes
        The cells as read.

    Returns
    -------
    Problem
    """
    first = values[0] if values else b""
    bad = ""
    try:
        first.decode(encoding)
    except UnicodeDecodeError as e:
        bad = f" (byte {first[e.start:e.start + 1].hex(' ')} in {first.decode(encoding, 'replace')!r})"
    name = "UTF-8" if encoding.replace("_", "-").lower() in ("utf-8", "utf8") else encoding
    other = " (the rest of the file is UTF-8: these bytes were probably pasted from a cp1250 file)" \
        if name == "UTF-8" else ""
    return Problem(
        path, f"these values have bytes that are not text in {name}{other}{bad}.",
        "save the file as 'CSV UTF-8' from your spreadsheet and retype these values, or name the file's "
        "encoding under `tables: <table>: encoding:` in company.yml (UTF-8, cp1250, iso-8859-2).",
        column=column, rows=rows, values=[v.decode(encoding, "replace") for v in values])


def decode(path: Path, data: bytes, encoding: str | None) -> tuple[str, list[Problem]]:
    """Decode a whole small file (e.g. company.yml): the given encoding, else BOM, UTF-8, cp1250.

    Parameters
    ----------
    path : pathlib.Path
        The file, for messages.
    data : bytes
        Its content.
    encoding : str or None
        The encoding to use; ``None`` detects it.

    Returns
    -------
    tuple of (str, list of Problem)
        The text (empty if it cannot be decoded) and the problems found.
    """
    try:
        enc = normalise_encoding(encoding)
    except LookupError:
        return "", [Problem(path, f"unknown encoding {encoding!r} in company.yml.",
                            f"use one of {KNOWN_ENCODINGS}, or remove `encoding` to detect it.")]
    bom_enc, skip = sniff_bom(data)
    tries = [enc] if enc else ([bom_enc] if bom_enc else ["utf-8", "cp1250"])
    first_error = None
    for name in tries:
        body = data[skip:] if (not enc and bom_enc) else data
        try:
            text = body.decode(name)
            return text.lstrip("\ufeff") if name.startswith(("utf-8", "utf_8")) else text, []
        except UnicodeDecodeError as e:
            first_error = first_error or (e, name)
    e, name = first_error
    line = data[: e.start].count(b"\n") + 1
    tried = " or ".join(tries).replace("utf-8", "UTF-8")
    return "", [Problem(path, f"the file has bytes that are not text in {tried} "
                              f"(byte {data[e.start:e.start + 1].hex(' ')} at byte offset {e.start}).",
                        "save the file as 'CSV UTF-8' from your spreadsheet, or name its encoding under "
                        "`tables: <table>: encoding:` in company.yml.", rows=[line])]
