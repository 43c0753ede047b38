"""Strictness of the loader: every malformed input gets one clear DataError, listing every
problem at once with file, column, row and value, and the input files stay byte-identical.
One test per class of issue 11, item 6; the fast path's property; the company cache."""
from __future__ import annotations

import datetime as dt
import os
import sys

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from conftest import ROOT, tree_digest
from hypothesis import given, settings
from hypothesis import strategies as st

import salesnb
from salesnb import DataError
from salesnb.io.dates import _fast_dates, _layout
from salesnb.io.parse import _fast_numbers, exact_number

TX = "date,customer_id,amount\n2024-01-01,A,1\n"


def refuse(folder) -> DataError:
    """Load ``folder``, expect a DataError, and check no input file changed."""
    before = tree_digest(folder)
    with pytest.raises(DataError) as e:
        salesnb.load_company(folder, cache=False)
    assert tree_digest(folder) == before, "a failing load changed an input file"
    for p in e.value.problems:
        assert p.fix, p.describe()
        assert "Traceback" not in p.describe() and "pyarrow" not in p.describe().lower()
    return e.value


def problem(err: DataError, file: str, column: str | None = None):
    found = [p for p in err.problems if str(p.file).endswith(file) and (column is None or p.column == column)]
    assert found, f"no problem for {file}/{column} in:\n{err}"
    return found[0]


def mentions(p, file: str, column: str | None, rows: list[int], values: list[str]) -> None:
    text = f"{p.file}: {p.describe()}"
    assert file in text
    if column is not None:
        assert f"column '{column}'" in text
    assert list(p.rows)[:len(rows)] == rows
    for r in rows:
        assert str(r) in text
    for v in values:
        assert repr(v) in text or v in text, (v, text)


# --- 1. field counts and quotes ---------------------------------------------------------------

def test_rows_with_too_many_and_too_few_fields_are_all_listed_and_never_shift(company_dir):
    folder = company_dir({"transactions.csv": "date,customer_id,amount\n2024-01-01,A,1\n2024-01-02,B\n"
                                              "2024-01-03,C,3,extra\n2024-01-04,D,4\n2024-01-05,E\n"})
    err = refuse(folder)
    fewer = next(p for p in err.problems if "fewer" in p.message)
    more = next(p for p in err.problems if "more" in p.message)
    mentions(fewer, "transactions.csv", None, [3, 6], ["2024-01-02,B"])
    mentions(more, "transactions.csv", None, [4], ["2024-01-03,C,3,extra"])
    assert len(err.problems) == 2  # the short rows' values went nowhere else (no bad date/amount)


def test_an_unclosed_quote_is_reported_where_it_opens(company_dir):
    folder = company_dir({"transactions.csv": 'date,customer_id,amount\n2024-01-01,A,1\n2024-01-02,"B,2\n'
                                              "2024-01-03,C,3\n2024-01-04,D,4\n"})
    err = refuse(folder)
    p = problem(err, "transactions.csv")
    assert "never closed" in p.message and list(p.rows) == [3]


# --- 2. several files at once: per-file and cross-file problems together --------------------

def test_cross_file_checks_run_together_with_per_file_problems(company_dir):
    folder = company_dir({
        "transactions.csv": "date,customer_id,amount,product\n2024-01-01,A,1,p1\n2024-01-02,Z,2,p9\n"
                            "2024-13-01,A,3,p1\n",
        "customers.csv": "customer_id,first_contact\nA,2023-01-01\nB,2023-02-30\n",
        "products.csv": "product,product_line\np1,L1\n",
    })
    err = refuse(folder)
    mentions(problem(err, "transactions.csv", "date"), "transactions.csv", "date", [4], ["2024-13-01"])
    mentions(problem(err, "customers.csv", "first_contact"), "customers.csv", "first_contact", [3], ["2023-02-30"])
    mentions(problem(err, "transactions.csv", "customer_id"), "transactions.csv", "customer_id", [3], ["Z"])
    mentions(problem(err, "transactions.csv", "product"), "transactions.csv", "product", [3], ["p9"])


# --- 3. dates in company.yml and implausible dates ------------------------------------------

def test_an_ambiguous_as_of_in_company_yml_is_refused(company_dir):
    err = refuse(company_dir({"transactions.csv": TX}, "name: X\ncurrency: PLN\nas_of: 01/12/2025\n"))
    p = problem(err, "company.yml")
    assert "01/12/2025" in p.describe() and "2025-12-31" in p.fix


@pytest.mark.parametrize("value", ["2205-03-01", "1900-01-01"])
def test_dates_far_outside_the_plausible_range_are_reported(company_dir, value):
    folder = company_dir({"transactions.csv": f"date,customer_id,amount\n2024-01-01,A,1\n{value},B,2\n"})
    err = refuse(folder)
    mentions(problem(err, "transactions.csv", "date"), "transactions.csv", "date", [3], [value])


# --- 4. file names ----------------------------------------------------------------------------

def test_file_names_in_another_letter_case_are_found(company_dir):
    folder = company_dir({"Transactions.CSV": TX})
    assert salesnb.load_company(folder, cache=False).sources["transactions"].name == "Transactions.CSV"
    assert salesnb.company.table_files(folder) == {"transactions": folder / "Transactions.CSV"}


def test_two_files_for_one_table_are_an_error_naming_both(company_dir):
    folder = company_dir({"transactions.csv": TX, "customers.csv": "customer_id\nA\n"})
    pd.DataFrame({"customer_id": ["A"]}).to_excel(folder / "Customers.xlsx", index=False)
    err = refuse(folder)
    p = next(p for p in err.problems if "more than one file" in p.message)
    assert "customers.csv" in p.message and "Customers.xlsx" in p.message


# --- 5. encodings -----------------------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_and_byte_order_marks_are_detected(company_dir, encoding):
    text = "date;customer_id;amount;product\n2024-01-01;007;1 234,5;Żółta kawa\n"
    data = text.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):  # no byte-order mark: told by the zero bytes
        assert not data.startswith((b"\xff\xfe", b"\xfe\xff"))
    tx = salesnb.load_company(company_dir({"transactions.csv": data}), cache=False).transactions
    assert tx["customer_id"].tolist() == ["007"] and tx["product"].tolist() == ["Żółta kawa"]
    assert tx["amount"].tolist() == [1234.5] and list(tx.columns)[0] == "date"


def test_a_utf8_file_with_a_few_cp1250_bytes_is_reported_with_its_rows(company_dir):
    data = ("customer_id,name\nA,Łódź\nB,Gdańsk\n".encode() + "C,Kraków Łąka\n".encode("cp1250")
            + "D,Poznań\n".encode())
    err = refuse(company_dir({"transactions.csv": TX, "customers.csv": data}))
    p = problem(err, "customers.csv", "name")
    mentions(p, "customers.csv", "name", [4], [])
    assert "UTF-8" in p.message and "Krak" in p.describe()


def test_cp1250_files_are_read_and_iso_8859_2_stays_explicit(company_dir):
    data = "customer_id;name\nA;Łódź Świętokrzyska\n".encode("cp1250")
    c = salesnb.load_company(company_dir({"transactions.csv": TX, "customers.csv": data}), cache=False)
    assert c.customers["name"].tolist() == ["Łódź Świętokrzyska"]


# --- 6. a header twice ------------------------------------------------------------------------

def test_a_header_that_appears_twice_names_both_columns(company_dir):
    folder = company_dir({"transactions.csv": "Data;customer_id;amount;Data\n2024-01-01;A;1;x\n"},
                         "name: X\ncurrency: PLN\ntables:\n  transactions:\n    columns:\n      date: Data\n")
    err = refuse(folder)
    p = problem(err, "transactions.csv", "Data")
    assert "columns 1 and 4" in p.message and list(p.rows) == [1]


# --- 7. settings: lists as text, every parameter type-checked --------------------------------

def test_deal_stages_as_one_text_are_split_on_commas_never_into_letters(company_dir):
    files = {"transactions.csv": TX,
             "deals.csv": "deal_id,customer_id,opened_at,stage_reached,outcome\nD1,A,2024-01-01,offer,open\n"}
    c = salesnb.load_company(company_dir(files, "name: X\ncurrency: PLN\ndeal_stages: \"lead, offer, deal\"\n"),
                             cache=False)
    assert c.deal_stages == ("lead", "offer", "deal")
    assert list(c.deals["stage_reached"].cat.categories[:3]) == ["lead", "offer", "deal"]


@pytest.mark.parametrize("setting,text", [
    ("params:\n  abc_thresholds: '0.5'\n", "abc_thresholds"),
    ("params:\n  xyz_period: W\n", "xyz_period"),
    ("params:\n  xyz_min_periods: 2.5\n", "xyz_min_periods"),
    ("params:\n  lifecycle_window: [3]\n", "lifecycle_window"),
    ("deal_stages: {a: 1}\n", "deal_stages"),
    ("tables:\n  transactions:\n    decimal: ';'\n", "decimal"),
    ("tables:\n  transactions:\n    separator: ';;'\n", "separator"),
    ("name: [1, 2]\n", "name"),
])
def test_every_setting_is_type_checked(company_dir, setting, text):
    config = "currency: PLN\n" + ("" if setting.startswith("name") else "name: X\n") + setting
    err = refuse(company_dir({"transactions.csv": TX}, config))
    p = problem(err, "company.yml")
    assert text in p.message


# --- 8. salesnb check: every table, Kano answers, both times ---------------------------------

def test_check_validates_kano_answers_and_shows_both_times_of_a_bad_contact(company_dir, capsys):
    from salesnb.cli import main

    files = {"transactions.csv": TX,
             "kano_survey.csv": "respondent_id,feature,functional,dysfunctional\nr1,f,1,5\nr2,f,7,5\n"}
    folder = company_dir(files)
    assert main(["check", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "kano_survey.csv" in err and "column 'functional'" in err and "row 3" in err and "'7'" in err
    files = {"transactions.csv": TX,
             "contacts.csv": "contact_id,channel,received_at,answered_at\nK1,mail,2024-03-01 14:05,2024-03-01 09:00\n"}
    err = refuse(company_dir(files, name="co2"))
    mentions(problem(err, "contacts.csv", "answered_at"), "contacts.csv", "answered_at", [2],
             ["received 2024-03-01 14:05, answered 2024-03-01 09:00"])


# --- 9. missing-value markers; xlsx text cells ------------------------------------------------

@pytest.mark.parametrize("marker", ["n/a", "NULL", "-", "brak"])
def test_missing_value_markers_are_refused_in_id_number_and_date_columns(company_dir, marker):
    folder = company_dir({"transactions.csv": f"date,customer_id,amount\n{marker},A,1\n2024-01-02,{marker},2\n"
                                              f"2024-01-03,C,{marker}\n"})
    err = refuse(folder)
    for column, row in (("date", 2), ("customer_id", 3), ("amount", 4)):
        p = problem(err, "transactions.csv", column)
        mentions(p, "transactions.csv", column, [row], [marker])
        assert "empty" in p.fix


def test_free_text_keeps_markers_as_written(company_dir):
    c = salesnb.load_company(company_dir({"transactions.csv": TX, "customers.csv": "customer_id,name\nA,brak\n"}),
                             cache=False)
    assert c.customers["name"].tolist() == ["brak"]


def test_xlsx_text_cells_follow_the_decimal_setting(company_dir):
    folder = company_dir({}, "name: X\ncurrency: PLN\ntables:\n  transactions:\n    decimal: '.'\n")
    pd.DataFrame({"date": [dt.datetime(2024, 1, 1)] * 2, "customer_id": ["A", "B"],
                  "amount": ["1,234.5", "12,5"]}).to_excel(folder / "transactions.xlsx", index=False)
    err = refuse(folder)
    mentions(problem(err, "transactions.xlsx", "amount"), "transactions.xlsx", "amount", [3], ["12,5"])


# --- 10. links and permissions ----------------------------------------------------------------

def test_a_symlink_loop_is_reported_not_skipped(company_dir):
    folder = company_dir({"transactions.csv": TX})
    os.symlink(folder / "customers.csv", folder / "customers.csv")
    err = refuse(folder)
    p = problem(err, "customers.csv")
    assert "loop" in p.message


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads every file")
def test_an_unreadable_file_is_reported(company_dir):  # pragma: no cover - CI runs as root
    folder = company_dir({"transactions.csv": TX, "customers.csv": "customer_id\nA\n"})
    (folder / "customers.csv").chmod(0)
    assert "cannot be read" in problem(refuse(folder), "customers.csv").message


def test_an_unreadable_file_is_reported_even_as_root(company_dir, monkeypatch):
    folder = company_dir({"transactions.csv": TX, "customers.csv": "customer_id\nA\n"})
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if str(p).endswith("customers.csv") else real(p, mode))
    assert "cannot be read" in problem(refuse(folder), "customers.csv").message


# --- the fast path is exact -------------------------------------------------------------------

_NUMBER_CHARS = st.sampled_from(list("0123456789") * 3 + [" ", ".", ",", "-", "+", "e", "\u00a0", "'"])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.text(_NUMBER_CHARS, min_size=1, max_size=14), min_size=1, max_size=20),
       st.sampled_from([",", "."]))
def test_any_number_the_fast_path_accepts_parses_the_same_by_the_exact_rule(texts, decimal):
    col = pa.chunked_array([pa.array([t.encode() for t in texts], pa.binary())])
    values, ok, _ = _fast_numbers(col, decimal)
    for t, v, taken in zip(texts, values, ok, strict=True):
        if taken:
            assert exact_number(t, decimal) == v, (t, decimal)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(
    st.datetimes(min_value=dt.datetime(1700, 1, 1), max_value=dt.datetime(2250, 12, 31)).map(
        lambda d: d.strftime("%Y-%m-%d %H:%M:%S")),
    st.text(st.sampled_from(list("0123456789-:. T")), min_size=19, max_size=19)), min_size=1, max_size=20))
def test_any_date_the_fast_path_accepts_parses_the_same_by_the_exact_rule(texts):
    fmt = "%Y-%m-%d %H:%M:%S"
    cells = pa.array([t.encode() for t in texts], pa.binary())
    ns, ok = _fast_dates(cells, _layout(fmt), 19)
    for t, v, taken in zip(texts, ns, ok, strict=True):
        if taken:
            assert pd.to_datetime(t, format=fmt).value == v, t


# --- ids, categories, derived clients (issue 11, item 7, bug 1) -------------------------------

def test_ids_are_categoricals_sharing_categories_across_tables(company_dir):
    files = {"transactions.csv": "date,customer_id,amount,product,salesperson\n2024-01-01,B,1,p1,Ann\n",
             "customers.csv": "customer_id,salesperson\nA,Bob\nB,Ann\n",
             "products.csv": "product,product_line\np1,L1\np2,L2\n",
             "deals.csv": "deal_id,customer_id,opened_at,stage_reached,outcome\nD1,C,2024-01-01,offer,open\n"}
    c = salesnb.load_company(company_dir(files, "name: X\ncurrency: PLN\nunknown_customers: error\n"), cache=False)
    cats = c.transactions["customer_id"].cat.categories
    assert list(cats) == ["A", "B", "C"]
    for df in (c.customers, c.deals):
        assert df["customer_id"].cat.categories.equals(cats)
    assert c.transactions["salesperson"].cat.categories.equals(c.customers["salesperson"].cat.categories)
    assert c.transactions["product"].cat.categories.equals(c.products["product"].cat.categories)
    assert c.transactions["product_line"].tolist() == ["L1"]


def test_derived_clients_are_known_from_their_first_row(company_dir):
    from salesnb import lifecycle

    folder = company_dir({"transactions.csv": "date,customer_id,amount\n2024-01-10,A,100\n2024-02-20,C,-5\n"
                                              "2024-05-10,B,200\n2024-05-11,A,50\n"})
    c = salesnb.load_company(folder, cache=False)
    assert c.customers_derived
    assert c.customers.set_index("customer_id")["first_contact"].astype(str).to_dict() == {
        "A": "2024-01-10", "B": "2024-05-10", "C": "2024-02-20"}
    with pytest.warns(salesnb.DataWarning, match="only corrections"):
        st_ = lifecycle.statuses(c, as_of="2024-03-31")
    assert dict(zip(st_["customer_id"].astype(str), st_["status"].astype(str), strict=True)) == {
        "A": "new", "C": "potential"}  # B is not yet known


def _shared_data():
    for base in (ROOT.parent / "shared" / "data", ROOT.parent.parent / "shared" / "data"):
        if (base / "online_retail.csv.gz").exists():
            return base / "online_retail.csv.gz"
    return None


def write_online_retail(folder):
    """The UCI Online Retail export as a user prepares it: an Amount column (quantity x unit price,
    so cancellations are negative), lines without a client left out, headers mapped in company.yml."""
    import pyarrow.compute as pc
    import pyarrow.csv as pv

    src = _shared_data()
    t = pv.read_csv(src, convert_options=pv.ConvertOptions(column_types={
        c: pa.string() for c in ("InvoiceNo", "StockCode", "Description", "InvoiceDate", "CustomerID", "Country")}))
    t = t.filter(pc.invert(pc.equal(t["CustomerID"], "")))
    amount = pc.round(pc.multiply(pc.cast(t["Quantity"], pa.float64()), t["UnitPrice"]), 2)
    t = t.append_column("Amount", amount)
    folder.mkdir(parents=True, exist_ok=True)
    pv.write_csv(t, folder / "transactions.csv")
    (folder / "company.yml").write_text(
        "name: Online Retail (UCI)\ncurrency: GBP\ntables:\n  transactions:\n    date_format: \"%Y-%m-%d %H:%M:%S\"\n"
        "    columns:\n      date: InvoiceDate\n      customer_id: CustomerID\n      amount: Amount\n"
        "      product: StockCode\n      quantity: Quantity\n      document_id: InvoiceNo\n", encoding="utf-8")
    return folder


@pytest.mark.skipif(_shared_data() is None, reason="the real export (../shared/data/online_retail.csv.gz) is absent")
def test_the_real_export_lists_55_potential_clients_in_march_2011(tmp_path):
    from salesnb import lifecycle

    c = salesnb.load_company(write_online_retail(tmp_path / "retail"), cache=False)
    assert len(c.transactions) == 541_909 - 135_080
    assert c.transactions["customer_id"].nunique() == 4_372
    assert int((c.transactions["amount"] < 0).sum()) >= 8_900  # cancellations (and a few price adjustments)
    with pytest.warns(salesnb.DataWarning, match="55 client"):
        status = lifecycle.statuses(c, as_of="2011-03-31")
    assert int((status["status"] == "potential").sum()) == 55
    assert len(status) == 2_189  # not the 4,372 of the whole year: 2,183 come later


# --- the company cache ------------------------------------------------------------------------

def test_the_cache_serves_the_same_company_and_never_a_stale_one(company_dir, tmp_path, monkeypatch):
    from pandas.testing import assert_frame_equal

    import salesnb.company as co

    folder = company_dir({"transactions.csv": "date;customer_id;amount\n2024-01-01;A;1,5\n2024-01-02;B;2,5\n",
                          "customers.csv": "customer_id;name\nA;Alfa\nB;Beta\n"})
    cache = tmp_path / "cache"
    first = salesnb.load_company(folder, cache=cache)
    real = co._load
    monkeypatch.setattr(co, "_load", lambda *a, **k: pytest.fail("parsed again instead of read from the cache"))
    again = salesnb.load_company(folder, cache=cache)
    for t in ("transactions", "customers"):
        assert_frame_equal(getattr(first, t), getattr(again, t))
    assert again.transactions["customer_id"].cat.categories.equals(first.transactions["customer_id"].cat.categories)
    # one byte changed, same size, same modification time: a miss, and the new value
    path = folder / "transactions.csv"
    stat = path.stat()
    path.write_bytes(path.read_bytes().replace(b"2,5", b"2,6"))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    monkeypatch.setattr(co, "_load", real)
    fresh = salesnb.load_company(folder, cache=cache)
    assert fresh.transactions["amount"].tolist() == [1.5, 2.6]
    assert len(list(cache.iterdir())) == 1  # the stale entry is gone


def test_the_cache_is_off_unless_asked_and_keeps_warnings_and_refusals(company_dir, tmp_path, monkeypatch):
    folder = company_dir({"transactions.csv": "date,customer_id,amount\n2024-01-01,A,1\n2024-01-02,Z,2\n",
                          "customers.csv": "customer_id\nA\n"}, "name: X\ncurrency: PLN\nunknown_customers: add\n")
    cache = tmp_path / "cache"
    monkeypatch.setenv("SALESNB_CACHE", "off")
    with pytest.warns(salesnb.DataWarning, match="1 client"):
        salesnb.load_company(folder)
    assert not cache.exists()
    monkeypatch.setenv("SALESNB_CACHE", str(cache))
    with pytest.warns(salesnb.DataWarning, match="1 client"):
        salesnb.load_company(folder)
    assert len(list(cache.iterdir())) == 1
    with pytest.warns(salesnb.DataWarning, match="1 client"):  # a cached load warns as the first did
        c = salesnb.load_company(folder)
    assert sorted(c.customers["customer_id"].astype(str)) == ["A", "Z"]
    bad = company_dir({"transactions.csv": "date,customer_id,amount\n2024-13-01,A,1\n"}, name="bad")
    with pytest.raises(DataError):
        salesnb.load_company(bad)
    assert len(list(cache.iterdir())) == 1  # a refused dataset is never stored


def test_the_batch_loads_each_company_once_into_the_cache(tmp_path):
    from salesnb import batch

    folder = ROOT / "data" / "samples" / "event_agency"
    jobs = [batch.Job(folder, "event_agency", nb, tmp_path / "out") for nb in batch.find_notebooks()]
    batch.warm_cache(jobs, tmp_path / "cache")
    assert len(list((tmp_path / "cache").iterdir())) == 1
    assert {job.cache for job in jobs} == {str((tmp_path / "cache").resolve())}


def test_data_quality_counts_duplicates_exactly():
    from salesnb.overview import duplicate_rows

    df = pd.DataFrame({"a": pd.Categorical(["x", "y", "x", "x"]), "b": [1.0, 2.0, 1.0, np.nan],
                       "c": pd.array(["p", "q", "p", None], dtype="str")})
    assert duplicate_rows(df) == df.duplicated().sum() == 1


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["x", "y", None]), st.sampled_from([0.0, -0.0, 1.5, None]),
                          st.sampled_from([1, 2]), st.sampled_from(["2025-01-01", "2025-01-02", None]),
                          st.booleans()), min_size=0, max_size=40))
def test_duplicate_rows_equals_pandas_on_mixed_columns(rows):
    """The mixed row hash never hides a duplicate: the count equals pandas' on any mix of kinds."""
    from salesnb.overview import duplicate_rows

    df = pd.DataFrame(rows, columns=["text", "number", "whole", "day", "flag"])
    df["cat"] = pd.Categorical(df["text"])
    df["day"] = pd.to_datetime(df["day"])
    df["text"] = df["text"].astype("str")
    df["whole"] = df["whole"].astype("Int64")
    assert duplicate_rows(df) == int(df.duplicated().sum())


def test_a_value_spanning_lines_and_empty_lines_keep_rows_numbered_as_the_contract_counts(company_dir):
    folder = company_dir({"transactions.csv": 'date,customer_id,amount\n2024-01-01,"A\nB",1\n\n2024-01-02,C,x\n'})
    err = refuse(folder)
    mentions(problem(err, "transactions.csv", "amount"), "transactions.csv", "amount", [4], ["x"])
    folder = company_dir({"transactions.csv": "date,customer_id,amount\n2024-01-01,A,1\n\n\n2024-01-02,C,x\n\n"},
                         name="co2")
    mentions(problem(refuse(folder), "transactions.csv", "amount"), "transactions.csv", "amount", [5], ["x"])


def test_data_quality_flags_only_blanks_where_a_value_is_expected(company_dir):
    """A refusal stage/reason is expected only for lost deals, a closing date only for decided ones;
    unanswered enquiries and enquiries without a client are counted, not flagged."""
    import salesnb
    from salesnb.overview import data_quality

    folder = company_dir({
        "transactions.csv": "date,customer_id,amount\n2025-11-03,A,100\n",
        "deals.csv": "deal_id,customer_id,opened_at,stage_reached,outcome,refusal_stage,refusal_reason,closed_at\n"
                     "d1,A,2025-01-02,offer,won,,,2025-02-01\n"        # won: no refusal expected
                     "d2,A,2025-01-02,offer,lost,offer,,2025-02-01\n"  # lost without a reason: flagged
                     "d3,A,2025-01-02,meeting,open,,,\n"               # open: no closing date expected
                     "d4,A,2025-01-02,meeting,lost,meeting,price,\n",  # lost without a closing date: flagged
        "contacts.csv": "contact_id,customer_id,channel,received_at,answered_at\n"
                        "c1,A,phone,2025-11-10 09:00,2025-11-10 10:00\nc2,,phone,2025-11-11 09:00,\n",
    }, "name: Co\ncurrency: PLN\nas_of: 2025-12-31\ndeal_stages: [meeting, offer]\n")
    q = data_quality(salesnb.load_company(folder)).set_index(["table", "check"])
    assert q.loc[("deals", "missing_values:refusal_reason"), ["count", "status"]].tolist() == [1, "look"]
    assert ("deals", "missing_values:refusal_stage") not in q.index
    assert q.loc[("deals", "missing_values:closed_at"), ["count", "status"]].tolist() == [1, "look"]
    assert q.loc[("contacts", "missing_values:answered_at"), ["count", "status"]].tolist() == [1, "ok"]
    assert q.loc[("contacts", "missing_values:customer_id"), ["count", "status"]].tolist() == [1, "ok"]
