"""The data contract: what loads, with which numbers, and how bad input is reported."""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from conftest import tree_digest
from hypothesis import given, settings
from hypothesis import strategies as st

import salesnb
from salesnb import DataError
from salesnb.io import parse_date, parse_number

PL_CONFIG = """name: Hurtownia
currency: PLN
language: pl
tables:
  transactions:
    columns:
      date: Data
      customer_id: Kod klienta
      amount: Kwota netto
      product: Produkt
"""


def pl_bytes(text: str) -> bytes:
    return text.replace("\n", "\r\n").encode("cp1250")


def test_polish_conventions_load_without_options(company_dir):
    # ';' separator, decimal comma, space and dot thousands, dd.mm.yyyy dates, cp1250, CRLF
    folder = company_dir({"transactions.csv": pl_bytes(
        "Data;Kod klienta;Kwota netto;Produkt\n"
        "31.03.2009;007;1 234,50;Żółta kawa\n"
        "01.04.2009;K2;-12,5;Łódka\n"
        "02.04.2009 13:05;007;1.234.567,00;Ścierka\n"
        "03.04.2009;K2;\u00a0987\u00a0654,3;Ścierka\n")}, PL_CONFIG)
    c = salesnb.load_company(folder)
    tx = c.transactions
    assert c.language == "pl"
    assert tx["amount"].tolist() == [1234.5, -12.5, 1234567.0, 987654.3]
    assert tx["customer_id"].tolist() == ["007", "K2", "007", "K2"]  # leading zeros kept
    assert tx["product"].tolist() == ["Żółta kawa", "Łódka", "Ścierka", "Ścierka"]
    assert tx["date"].tolist() == [pd.Timestamp("2009-03-31"), pd.Timestamp("2009-04-01"),
                                   pd.Timestamp("2009-04-02 13:05"), pd.Timestamp("2009-04-03")]
    assert tx.index.tolist() == [2, 3, 4, 5]  # rows as the user sees them (header = 1)


def test_utf8_bom_and_plain_csv(company_dir):
    folder = company_dir({"transactions.csv":
                          "\ufeffdate,customer_id,amount\n2024-01-31,A,\"1,200.50\"\n2024-02-01,B,7\n"})
    tx = salesnb.load_company(folder).transactions
    assert list(tx.columns) == ["date", "customer_id", "amount"]  # the BOM is not part of a header
    assert tx["amount"].tolist() == [1200.5, 7.0]


def test_headers_match_case_insensitively(company_dir):
    folder = company_dir({"transactions.csv": "Date,Customer_ID,AMOUNT\n2024-01-31,A,5\n"})
    assert list(salesnb.load_company(folder).transactions.columns) == ["date", "customer_id", "amount"]


def test_xlsx_loads_like_csv(company_dir, tmp_path):
    folder = company_dir({})
    df = pd.DataFrame({"Data": [dt.datetime(2009, 3, 31), dt.datetime(2009, 4, 1)],
                       "Kod klienta": ["007", "K2"], "Kwota netto": [1234.5, -12.5],
                       "Produkt": ["Żółta kawa", "Łódka"]})
    df.to_excel(folder / "transactions.xlsx", index=False)
    (folder / "company.yml").write_text(PL_CONFIG, encoding="utf-8")
    tx = salesnb.load_company(folder).transactions
    assert tx["amount"].tolist() == [1234.5, -12.5]
    assert tx["customer_id"].tolist() == ["007", "K2"]
    assert tx["date"].tolist() == [pd.Timestamp("2009-03-31"), pd.Timestamp("2009-04-01")]


def test_blank_lines_do_not_shift_row_numbers(company_dir):
    folder = company_dir({"transactions.csv": "date,customer_id,amount\n2024-01-01,A,1\n\n2024-01-02,B,x\n"})
    with pytest.raises(DataError) as e:
        salesnb.load_company(folder)
    (p,) = e.value.problems
    assert p.column == "amount" and list(p.rows) == [4] and list(p.values) == ["x"]


def test_several_problems_in_one_file_reported_together(company_dir):
    folder = company_dir({"transactions.csv":
                          "date,customer_id,amount\n2024-13-01,A,1\n2024-01-02,,2\n2024-01-03,C,12 zł\n"
                          "2024-01-04,D,3,5\n"})
    with pytest.raises(DataError) as e:
        salesnb.load_company(folder)
    msg = str(e.value)
    # the line with an extra field is reported with its row, and the other rows' problems with it
    assert "row 5" in msg and "fields" in msg and msg.startswith("4 problems")
    folder = company_dir({"transactions.csv":
                          "date,customer_id,amount\n2024-13-01,A,1\n2024-01-02,,2\n2024-01-03,C,12 zł\n"}, name="co2")
    with pytest.raises(DataError) as e:
        salesnb.load_company(folder)
    by_col = {p.column: p for p in e.value.problems}
    assert set(by_col) == {"date", "customer_id", "amount"}
    assert list(by_col["date"].rows) == [2] and list(by_col["date"].values) == ["2024-13-01"]
    assert list(by_col["customer_id"].rows) == [3]
    assert list(by_col["amount"].rows) == [4] and list(by_col["amount"].values) == ["12 zł"]
    text = str(e.value)
    assert "transactions.csv" in text and "Fix:" in text and text.startswith("3 problems")


def test_missing_required_file_and_column(company_dir):
    with pytest.raises(DataError, match="required table 'transactions' is missing"):
        salesnb.load_company(company_dir({}))
    folder = company_dir({"transactions.csv": "date,client,amount\n2024-01-01,A,1\n"}, name="co2")
    with pytest.raises(DataError) as e:
        salesnb.load_company(folder)
    (p,) = e.value.problems
    assert p.column == "customer_id" and "required column 'customer_id' is missing" in p.message
    assert "'client'" in p.fix  # lists the file's headers so the user can map one


def test_mapping_that_names_a_missing_column(company_dir):
    config = "name: X\ncurrency: PLN\ntables:\n  transactions:\n    columns:\n      customer_id: Klinet\n"
    folder = company_dir({"transactions.csv": "date,Klient,amount\n2024-01-01,A,1\n"}, config)
    with pytest.raises(DataError) as e:
        salesnb.load_company(folder)
    (p,) = e.value.problems
    assert str(p.file).endswith("company.yml")
    assert "Klinet" in p.message and "Did you mean 'Klient'?" in p.message


def test_duplicate_customer_ids_name_both_rows(company_dir):
    folder = company_dir({"transactions.csv": "date,customer_id,amount\n2024-01-01,A,1\n",
                          "customers.csv": "customer_id,name\nA,Alfa\nB,Beta\nA,Alfa again\n"})
    with pytest.raises(DataError) as e:
        salesnb.load_company(folder)
    (p,) = e.value.problems
    assert p.column == "customer_id" and list(p.rows) == [2, 4] and "'A'" in p.message


def test_unknown_customers_are_an_error_by_default_and_can_be_added(company_dir):
    files = {"transactions.csv": "date,customer_id,amount\n2024-01-01,A,1\n2024-01-02,Z,2\n",
             "customers.csv": "customer_id,name\nA,Alfa\nL,Lead\n"}
    with pytest.raises(DataError) as e:
        salesnb.load_company(company_dir(files))
    (p,) = e.value.problems
    assert list(p.rows) == [3] and list(p.values) == ["Z"] and "unknown_customers: add" in p.fix
    folder = company_dir(files, "name: X\ncurrency: PLN\nunknown_customers: add\n", name="co2")
    with pytest.warns(salesnb.DataWarning, match="1 client"):
        c = salesnb.load_company(folder)
    assert sorted(c.customers["customer_id"]) == ["A", "L", "Z"]


def test_empty_table_and_empty_file(company_dir):
    with pytest.raises(DataError, match="header but no data rows"):
        salesnb.load_company(company_dir({"transactions.csv": "date,customer_id,amount\n"}))
    with pytest.raises(DataError, match="file is empty"):
        salesnb.load_company(company_dir({"transactions.csv": ""}, name="co2"))


def test_undecodable_bytes_name_the_line(company_dir):
    # 0x81 and 0x98 are undefined in cp1250 and invalid UTF-8 here
    data = b"date,customer_id,amount\n2024-01-01,A,1\n2024-01-02,\x81\x98,2\n"
    with pytest.raises(DataError) as e:
        salesnb.load_company(company_dir({"transactions.csv": data}))
    (p,) = e.value.problems
    assert list(p.rows) == [3] and "81" in p.message and "UTF-8" in p.fix


def test_explicit_encoding_wins(company_dir):
    config = "name: X\ncurrency: PLN\ntables:\n  customers:\n    encoding: iso-8859-2\n"
    files = {"transactions.csv": "date,customer_id,amount\n2024-01-01,A,1\n",
             "customers.csv": "customer_id,name\nA,Łódź\n".encode("iso-8859-2")}
    c = salesnb.load_company(company_dir(files, config))
    assert c.customers["name"].tolist() == ["Łódź"]


def test_company_yml_problems(company_dir):
    folder = company_dir({"transactions.csv": "date,customer_id,amount\n2024-01-01,A,1\n"},
                         "name: X\nlanguage: de\nparams:\n  lifecycle_widow: 2M\n")
    with pytest.raises(DataError) as e:
        salesnb.load_company(folder)
    msgs = [p.message for p in e.value.problems]
    assert any("currency" in m for m in msgs)
    assert any("language: de" in m for m in msgs)
    assert any("'lifecycle_widow'" in m and "lifecycle_window" in m for m in msgs)


def test_params_override_defaults(company_dir):
    folder = company_dir({"transactions.csv": "date,customer_id,amount\n2024-01-01,A,1\n"},
                         "name: X\ncurrency: PLN\nas_of: 2024-03-31\nparams:\n  lifecycle_window: 2M\n")
    c = salesnb.load_company(folder)
    assert c.params["lifecycle_window"] == "2M" and c.params["xyz_period"] == "M"
    assert c.as_of == pd.Timestamp("2024-03-31") and c.analysis_date == pd.Timestamp("2024-03-31")


def test_products_fill_product_line_and_unknown_products_are_reported(company_dir):
    files = {"transactions.csv": "date,customer_id,amount,product\n2024-01-01,A,1,p1\n2024-01-02,A,1,p2\n",
             "products.csv": "product,product_line\np1,Line 1\np2,Line 2\n"}
    c = salesnb.load_company(company_dir(files))
    assert c.transactions["product_line"].tolist() == ["Line 1", "Line 2"]
    files["transactions.csv"] += "2024-01-03,A,1,p9\n"
    with pytest.raises(DataError) as e:
        salesnb.load_company(company_dir(files, name="co2"))
    assert list(e.value.problems[0].rows) == [4] and list(e.value.problems[0].values) == ["p9"]


def test_deal_stages_and_outcomes_are_checked(company_dir):
    files = {"transactions.csv": "date,customer_id,amount\n2024-01-01,A,1\n",
             "deals.csv": "deal_id,customer_id,opened_at,stage_reached,outcome,refusal_stage\n"
                          "D1,A,2024-01-01,offer,Won,\nD2,A,2024-01-01,ofer,lost,ofer\nD3,A,2024-01-01,offer,maybe,\n"}
    with pytest.raises(DataError) as e:
        salesnb.load_company(company_dir(files))
    found = {(p.column, tuple(p.rows)) for p in e.value.problems}
    assert found == {("stage_reached", (3,)), ("refusal_stage", (3,)), ("outcome", (4,))}


def test_input_files_are_never_modified(company_dir):
    folder = company_dir({"transactions.csv": pl_bytes("Data;Kod klienta;Kwota netto;Produkt\n31.03.2009;1;1,5;x\n"),
                          "customers.csv": "customer_id\n1\n1\n"}, PL_CONFIG)
    before = tree_digest(folder)
    with pytest.raises(DataError):
        salesnb.load_company(folder)
    (folder / "customers.csv").write_text("customer_id\n1\n")
    before = tree_digest(folder)
    salesnb.load_company(folder)
    assert tree_digest(folder) == before


def test_not_a_folder(tmp_path):
    with pytest.raises(DataError, match="no company folder"):
        salesnb.load_company(tmp_path / "nope")


# --- parsing, unit level ----------------------------------------------------------------------

@pytest.mark.parametrize("text,decimal,expected", [
    ("1 234,56", ",", 1234.56), ("1.234,56", ",", 1234.56), ("-0,5", ",", -0.5), ("1.234", ",", 1234.0),
    ("12", ",", 12.0), ("1,234.56", ".", 1234.56), ("1234.56", ".", 1234.56), ("\u22127,5", ",", -7.5),
])
def test_parse_number_accepts(text, decimal, expected):
    out, problems = parse_number(pd.Series([text], index=[2]), "f.csv", "amount", decimal)
    assert not problems and out.iloc[0] == pytest.approx(expected)


@pytest.mark.parametrize("text,decimal", [
    ("12.5", ","),      # a dot that is not a thousands group: ambiguous in a decimal-comma file
    ("1 23,5", ","),     # a broken thousands group
    ("12,5", "."),      # a decimal comma in a decimal-point file
    ("12 zł", ","), ("1.234,5.6", ","), ("abc", "."),
    ("0.125", ","), ("-0.250", ","), ("000.500", ","),  # decimals with the other mark, not thousands
    ("0,125", "."),
])
def test_parse_number_refuses_rather_than_guess(text, decimal):
    out, problems = parse_number(pd.Series([text], index=[7]), "f.csv", "amount", decimal)
    assert np.isnan(out.iloc[0]) and len(problems) == 1 and list(problems[0].rows) == [7]


@settings(max_examples=200, deadline=None)
@given(st.decimals(min_value=-10**9, max_value=10**9, places=2, allow_nan=False, allow_infinity=False),
       st.sampled_from([" ", ".", "\u00a0", ""]))
def test_polish_formatted_numbers_round_trip(value, group):
    # format like a Polish spreadsheet: thousands groups, decimal comma
    sign = "-" if value < 0 else ""
    whole, frac = f"{abs(value):.2f}".split(".")
    grouped = f"{int(whole):,}".replace(",", group)
    text = f"{sign}{grouped},{frac}"
    out, problems = parse_number(pd.Series([text]), "f.csv", "amount", ",")
    assert not problems and out.iloc[0] == float(value)


def test_parse_date_formats_and_configured_format():
    s = pd.Series(["2009-03-31", "31.03.2009", "2009-03-31 14:05", "31.03.2009 14:05:09", "2009.03.31"])
    out, problems = parse_date(s, "f", "date")
    assert not problems
    assert out.tolist() == [pd.Timestamp("2009-03-31")] * 2 + [
        pd.Timestamp("2009-03-31 14:05"), pd.Timestamp("2009-03-31 14:05:09"), pd.Timestamp("2009-03-31")]
    out, problems = parse_date(pd.Series(["31/03/2009"]), "f", "date")
    assert problems  # day/month order of slashes is ambiguous: refused unless configured
    out, problems = parse_date(pd.Series(["31/03/2009"]), "f", "date", "%d/%m/%Y")
    assert not problems and out.iloc[0] == pd.Timestamp("2009-03-31")


def test_a_deliberately_broken_company_lists_every_problem_in_one_error():
    from conftest import ROOT

    folder = ROOT / "tests" / "fixtures" / "broken_company"
    before = tree_digest(folder)
    with pytest.raises(DataError) as e:
        salesnb.load_company(folder)
    found = sorted((p.file.name, p.column or "", tuple(p.rows)) for p in e.value.problems)
    assert found == sorted([
        ("transactions.csv", "date", (3,)),          # 2024-31-01: month 31
        ("transactions.csv", "customer_id", (4,)),   # empty required id
        ("transactions.csv", "amount", (5,)),        # decimal comma in a comma-separated file
        ("customers.csv", "customer_id", (2, 4)),    # A twice
        ("company.yml", "", ()),                     # maps score to a header the file lacks
        ("deals.csv", "stage_reached", (3,)),        # bytes neither UTF-8 nor cp1250, on line 3
        ("contacts.csv", "", ()),                    # header only
    ])
    assert str(e.value).startswith("7 problems") and "Did you mean 'Ocena klienta'?" in str(e.value)
    assert tree_digest(folder) == before


def test_atomic_write_replaces_whole_files_with_ordinary_permissions(tmp_path):
    import os

    from salesnb.io import atomic_write_text

    target = tmp_path / "out" / "table.csv"
    atomic_write_text(target, "a,b\n1,2\n")
    atomic_write_text(target, "a,b\n3,4\n")
    assert target.read_text() == "a,b\n3,4\n"
    assert [p.name for p in target.parent.iterdir()] == ["table.csv"]  # no temporary file left
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_a_skipped_kano_question_loads_and_half_answers_are_left_to_the_kano_module(company_dir):
    from salesnb import kano

    folder = company_dir({"transactions.csv": "date,customer_id,amount\n2024-01-01,A,1\n",
                          "kano_survey.csv": "respondent_id,feature,functional,dysfunctional\n"
                                             "r1,f,1,5\nr2,f,,\nr3,f,1,\n"})
    survey = salesnb.load_company(folder).kano_survey
    assert survey.index.tolist() == [2, 3, 4]
    with pytest.raises(DataError) as e:
        kano.summarize(survey)
    assert [list(p.rows) for p in e.value.problems] == [[4]]  # r3 answered one of the pair
    with pytest.warns(salesnb.DataWarning, match="left out"):
        s = kano.summarize(survey, strict=False).loc["f"]
    assert (s["n"], s["n_skipped"], s["n_invalid"]) == (1, 1, 1)


def test_a_typo_in_a_mapped_column_name_is_named_but_extra_attributes_are_fine(company_dir):
    config = ("name: X\ncurrency: PLN\ntables:\n  customers:\n    columns:\n      custmer_id: Kod\n"
              "      industry: Branża\n")
    files = {"transactions.csv": "date,customer_id,amount\n2024-01-01,A,1\n",
             "customers.csv": "Kod,Branża\nA,trade\n"}
    with pytest.raises(DataError) as e:
        salesnb.load_company(company_dir(files, config))
    assert any("'custmer_id'" in p.message and "Did you mean 'customer_id'?" in p.message for p in e.value.problems)
    ok = config.replace("custmer_id", "customer_id")
    c = salesnb.load_company(company_dir(files, ok, name="co2"))
    assert c.customers.columns.tolist() == ["customer_id", "industry"]


def test_saved_tables_keep_a_named_index_and_drop_bare_row_numbers(tmp_path):
    from salesnb.io import save_tables

    named = pd.DataFrame({"turnover": [1.5]}, index=pd.Index(["A"], name="customer_id"))
    bare = pd.DataFrame({"customer_id": ["A", "B"], "score": [2, 3]})
    series = pd.Series([3, 4], index=pd.Index(["X", "Y"], name="abc"), name="clients")
    assert save_tables(None, named=named) == []
    save_tables(tmp_path, named=named, bare=bare, series=series)
    read = {p.stem: p.read_text(encoding="utf-8-sig").splitlines() for p in tmp_path.glob("*.csv")}
    assert read["named"] == ["customer_id,turnover", "A,1.5"]
    assert read["bare"] == ["customer_id,score", "A,2", "B,3"]
    assert read["series"] == ["abc,clients", "X,3", "Y,4"]
