"""The ``salesnb`` command (the engine is :mod:`salesnb.batch`; this only parses arguments).

salesnb run [DATASET ...] [--notebooks NB ...] [--out reports] [--jobs N]
[-p NAME VALUE ...] [-f params.yml] [--timeout S] [--code]
salesnb check DATASET ...        validate datasets and list every problem
salesnb samples [--out DIR]      regenerate the sample companies
salesnb room ANSWERS_DIR [--out FILE] [--language pl] [--roster FILE]
                                 summarise a workshop room's answers to the exercises (HTML)
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _value(text: str):
    """A -p value as YAML reads it (numbers, booleans, lists), except ids with leading zeros."""
    import yaml

    if text[:1] == "0" and text[1:2].isdigit():
        return text
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError:
        return text


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="salesnb", description="Sales and customer-service analytics workbook.")
    sub = ap.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run", help="run the notebooks for company datasets and write reports")
    r.add_argument("datasets", nargs="*", help="company folders, or folders of companies (default: the samples)")
    r.add_argument("--notebooks", "-n", nargs="+", help="notebook names or numbers (default: all)")
    r.add_argument("--out", "-o", default="reports", help="report folder (default: reports)")
    r.add_argument("--jobs", "-j", type=int, default=None, help="parallel runs (default: number of cores)")
    r.add_argument("-p", "--parameter", nargs=2, action="append", metavar=("NAME", "VALUE"), default=[],
                   help="a notebook parameter (YAML value)")
    r.add_argument("-r", "--raw", nargs=2, action="append", metavar=("NAME", "VALUE"), default=[],
                   help="a notebook parameter kept as text")
    r.add_argument("-f", "--parameters-file", help="YAML file of notebook parameters")
    r.add_argument("--timeout", type=int, default=1800,
                   help="seconds one notebook may run before it is stopped and failed (default 1800)")
    r.add_argument("--code", action="store_true", help="keep code cells in the HTML reports")
    r.add_argument("--force", action="store_true", help="run again even where the report is up to date")
    r.add_argument("--log", action="store_true", help="a line per notebook instead of a progress bar")
    r.add_argument("--scheduler", help="run on a Dask distributed cluster: its scheduler address")
    r.add_argument("--no-cache", action="store_true",
                   help="parse each company's files in every notebook instead of loading them once into the "
                        "company cache (SALESNB_CACHE, default ~/.cache/salesnb)")
    r.add_argument("--notebooks-dir", help="folder of the notebooks to run (default: notebooks/ of the workbook: "
                                           "$SALESNB_HOME, the current folder, or the installed copy)")
    c = sub.add_parser("check", help="validate company datasets")
    c.add_argument("datasets", nargs="+")
    s = sub.add_parser("samples", help="regenerate the sample companies")
    s.add_argument("--out", default=None)
    m = sub.add_parser("room", help="summarise the answers of a workshop room (one HTML page)")
    m.add_argument("answers_dir", help="the folder the participants save their answers in")
    m.add_argument("--out", "-o", default=None, help="the HTML file (default: ANSWERS_DIR/room.html)")
    m.add_argument("--language", "-l", default="en", choices=["en", "pl"], help="language of the report")
    m.add_argument("--roster", help="a text file with one expected participant per line")
    return ap


def check_dataset(path: str | Path):
    """Load a company and check every table the contract defines, Kano answers included.

    The loader checks every table and the links between them; the Kano answer scale (codes
    1-5 or the English and Polish words) is the Kano module's, so it is checked here too.

    Parameters
    ----------
    path : path-like
        The company folder.

    Returns
    -------
    Company
        The validated company.

    Raises
    ------
    DataError
        Listing every problem.
    """
    import warnings

    from .company import load_company
    from .errors import DataError, Problem

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        company = load_company(path, cache=False)
    if company.kano_survey is not None:
        from .kano import check_survey

        issues = check_survey(company.kano_survey)
        # a repeated answer is worth a look, not an error (the Kano module counts it)
        issues = issues[~issues["problem"].astype(str).str.startswith("the respondent answered")]
        if len(issues):
            source = company.sources.get("kano_survey")
            problems = []
            for (column, problem), g in issues.groupby(["column", "problem"], sort=False):
                problems.append(Problem(source, f"{problem}.", "answer with a code 1-5 or the words of the scale "
                                        "(docs/data-format.md, kano_survey); give both answers of a pair or neither.",
                                        column=column, rows=list(g["row"]),
                                        values=[v for v in g["value"] if v is not None]))
            raise DataError(problems)
    return company


def main(argv: list[str] | None = None) -> int:
    """Run the ``salesnb`` command (PL: polecenie ``salesnb``): ``run``, ``check``, ``samples`` or ``room``.

    Parameters
    ----------
    argv : list of str, optional
        The arguments after ``salesnb``; default ``sys.argv[1:]``. See the module docstring.

    Returns
    -------
    int
        The exit status: 0 when everything succeeded; 1 when a notebook run failed or a
        dataset has problems (or, for ``room``, the report cannot be written); 2 for input the
        batch refuses (its message is printed), a missing answers folder or an unknown command;
        130 when interrupted (finished reports are kept). ``samples`` returns what
        :func:`salesnb.samples.main` returns. Arguments argparse cannot parse make it print the
        usage and exit with status 2.
    """
    args = _parser().parse_args(argv)
    if args.command == "run":
        import yaml

        from . import batch

        params: dict = {}
        if args.parameters_file:
            params.update(yaml.safe_load(Path(args.parameters_file).read_text(encoding="utf-8")) or {})
        params.update({k: _value(v) for k, v in args.parameter})
        params.update(dict(args.raw))
        try:
            results = batch.run(args.datasets or None, args.notebooks, args.out, args.jobs, params,
                                args.timeout, args.code, args.force,
                                progress=batch.print_progress if args.log else batch.ProgressBar(),
                                scheduler=args.scheduler, notebooks_dir=args.notebooks_dir,
                                cache=not args.no_cache)
        except ValueError as e:
            print(f"salesnb: {e}", file=sys.stderr)
            return 2
        except KeyboardInterrupt:
            print("\nsalesnb: interrupted; finished reports are kept, no partial ones were written.",
                  file=sys.stderr)
            return 130
        failed = [r for r in results if r.status == "failed"]
        ok = sum(r.status == "ok" for r in results)
        skipped = sum(r.status == "skipped" for r in results)
        cached = sum(r.status == "cached" for r in results)
        print(f"{ok} ok, {cached} up to date, {len(failed)} failed, {skipped} skipped; reports in {args.out}/ "
              f"(summary: {args.out}/summary.html)")
        for r in failed:
            print(f"FAILED {r.company} / {r.notebook}: {r.error}", file=sys.stderr)
        return 1 if failed else 0
    if args.command == "check":
        from .errors import DataError

        bad = 0
        for d in args.datasets:
            try:
                c = check_dataset(d)
                print(f"{d}: ok ({c!r})")
            except DataError as e:
                bad += 1
                print(f"{d}: {e}", file=sys.stderr)
        return 1 if bad else 0
    if args.command == "samples":
        from . import samples

        return samples.main(["--out", args.out] if args.out else [])
    if args.command == "room":
        return _room(args)
    return 2


def _room(args: argparse.Namespace) -> int:
    """``salesnb room``: list the participants per exercise and write the HTML summary."""
    from . import room

    folder = Path(args.answers_dir)
    if not folder.is_dir():
        print(f"salesnb: no answers folder {folder}; participants save into it with answers_dir.", file=sys.stderr)
        return 2
    roster = None
    if args.roster:
        try:
            roster = Path(args.roster).read_text(encoding="utf-8").splitlines()
        except OSError as e:
            print(f"salesnb: cannot read the roster {args.roster}: {e}", file=sys.stderr)
            return 2
    r = room.read_room(folder, roster)
    print(f"{len(r.participants)} participant(s): {', '.join(r.participants) or '-'}")
    for key in r.exercises:
        names = sorted({str(rec.get('participant')) for rec in r.of(key)}, key=str.casefold)
        print(f"  {key}: {len(names)} ({', '.join(names)})")
    if r.skipped:
        print(f"  {r.skipped} file(s) could not be read and were left out", file=sys.stderr)
    try:
        path = room.write_report(folder, args.out, args.language, roster)
    except OSError as e:
        print(f"salesnb: cannot write the report: {e}", file=sys.stderr)
        return 1
    print(f"report: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
