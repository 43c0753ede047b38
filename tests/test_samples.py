"""The sample companies in data/samples: deterministic, regenerable, and with the planted stories.

Every check computes its figure here, independently of the workbook's analysis modules, from the
definitions in domain.md (lifecycle s.4, XYZ s.3, Kano evaluation table s.1): ``statuses`` and
``xyz_reference`` below are the independent reference, which the deprecated
``salesnb.samples.lifecycle_status``/``lifecycle_counts``/``xyz_classes`` (now thin wrappers over
the library) must agree with.
"""
from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from salesnb import load_company
from salesnb import samples as S
from salesnb.errors import ParameterError

ROOT = Path(__file__).resolve().parents[1]
SAMPLES_DIR = ROOT / "data" / "samples"
NAMES = list(S.SAMPLES)


GENERATION_SECONDS: dict[str, float] = {}


@pytest.fixture(scope="module")
def generated() -> dict[str, S.SampleCompany]:
    import time

    out = {}
    for name in NAMES:
        t0 = time.perf_counter()
        out[name] = S.generate(name)
        GENERATION_SECONDS[name] = time.perf_counter() - t0
    return out


@pytest.fixture(scope="module")
def loaded():
    return {name: load_company(SAMPLES_DIR / name) for name in NAMES}


# --------------------------------------------------------------------------------------------
# Determinism and the committed files


def test_same_seed_gives_identical_tables(generated):
    for name in NAMES:
        again = S.generate(name, seed=0)
        assert again.tables.keys() == generated[name].tables.keys()
        for t, df in generated[name].tables.items():
            pd.testing.assert_frame_equal(again.tables[t], df, obj=f"{name}.{t}")
        assert again.config == generated[name].config


def test_another_seed_gives_another_company(generated):
    for name in NAMES:
        other = S.generate(name, seed=1)
        a, b = generated[name].tables["transactions"], other.tables["transactions"]
        assert len(a) != len(b) or not a["amount"].equals(b["amount"])
        assert not generated[name].tables["kano_survey"]["functional"].equals(other.tables["kano_survey"]["functional"])


def test_committed_files_equal_a_fresh_regeneration(tmp_path):
    assert S.main(["--out", str(tmp_path)]) == 0
    fresh = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    committed = sorted(p.relative_to(SAMPLES_DIR) for p in SAMPLES_DIR.rglob("*") if p.is_file())
    assert fresh == committed
    for rel in fresh:
        assert (tmp_path / rel).read_bytes() == (SAMPLES_DIR / rel).read_bytes(), \
            f"{rel} differs: run python -m salesnb.samples"


def test_sizes_and_speed(generated):
    total = sum(p.stat().st_size for p in SAMPLES_DIR.rglob("*") if p.is_file())
    assert total < 3 * 1024 * 1024
    for name, s in generated.items():
        assert GENERATION_SECONDS[name] < 3.0
        assert 2000 <= len(s.tables["transactions"]) <= 8000


def test_scale_multiplies_clients():
    small, big = S.generate("event_agency", scale=0.5), S.generate("event_agency", scale=2)
    ratio = len(big.tables["transactions"]) / len(small.tables["transactions"])
    assert 3 < ratio < 5
    assert len(big.tables["customers"]) > 3 * len(small.tables["customers"])


def test_writes_are_atomic(tmp_path, generated, monkeypatch):
    sample = generated["event_agency"]
    S.write_company(tmp_path, sample)
    before = (tmp_path / "transactions.csv").read_bytes()
    assert b"\r\n" not in before and before.endswith(b"\n")

    def broken(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken)  # salesnb.io.atomic_write_bytes moves files into place with it
    with pytest.raises(OSError):
        S.write_company(tmp_path, S.generate("event_agency", seed=5))
    monkeypatch.undo()
    assert (tmp_path / "transactions.csv").read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def csv_reference(table: str, df: pd.DataFrame, conventions: str) -> str:
    """The file conventions written value by value through the csv module (the writer before it was vectorised)."""
    import csv
    import io

    sep, end = ("," , "\n") if conventions == "en" else (";", "\r\n")
    headers = S.PL_HEADERS.get(table, {}) if conventions == "pl" else {}

    def cell(col, v):
        if v is None or v is pd.NaT or (isinstance(v, float) and np.isnan(v)):
            return ""
        if isinstance(v, pd.Timestamp):
            timed = (table, col) in S.DATETIME_COLUMNS
            return v.strftime(("%d.%m.%Y" if conventions == "pl" else "%Y-%m-%d") + (" %H:%M" if timed else ""))
        if isinstance(v, (bool, np.bool_)):
            return "true" if v else "false"
        if isinstance(v, float):
            return f"{v:,.2f}".replace(",", " ").replace(".", ",") if conventions == "pl" else f"{v:.2f}"
        return str(v)

    buf = io.StringIO()
    w = csv.writer(buf, delimiter=sep, lineterminator=end)
    w.writerow([headers.get(c, c) for c in df.columns])
    w.writerows([cell(c, v) for c, v in zip(df.columns, row, strict=True)] for row in df.itertuples(index=False))
    return buf.getvalue()


@pytest.mark.parametrize("conventions", ["en", "pl"])
def test_table_text_matches_the_csv_module(monkeypatch, conventions):
    """Vectorised formatting gives what csv.writer gives value by value: quoting, missing values,
    money (negative zero, half cents, thousands), dates and date-times, across chunk boundaries."""
    from salesnb.samples import writer

    monkeypatch.setattr(writer, "CHUNK_ROWS", 7)
    rng = np.random.default_rng(7)
    n = 60
    amounts = np.r_[[0.0, -0.0, -0.001, 0.005, 0.015, 2.675, 1.005, 999.995, 1234.5, -1234567.891, 1e12 + 0.125,
                     np.nan], rng.normal(0, 5e4, n - 12)]
    stamps = pd.to_datetime(rng.integers(10**9, 2 * 10**9, n), unit="s").where(rng.random(n) > 0.2)
    words = ["plain", "with, comma", "with; semicolon", 'a "quote"', "two\nlines", "", "Łódź „Pod Lipą”", None]
    df = pd.DataFrame({
        "contact_id": [words[i % len(words)] for i in range(n)],
        "received_at": stamps,
        "answered_at": stamps.normalize(),
        "amount": amounts,
        "quantity": rng.integers(-5, 10**6, n),
        "flag": rng.random(n) < 0.5,
        "segment": pd.Categorical(rng.choice(["a", "b;c", "d,e"], n)),
    })
    assert S.table_text("contacts", df, conventions) == csv_reference("contacts", df, conventions)
    assert S.table_text("contacts", df.iloc[:0], conventions) == csv_reference("contacts", df.iloc[:0], conventions)


@pytest.mark.parametrize("conventions", ["en", "pl"])
def test_every_sample_table_matches_the_csv_module(generated, conventions):
    for name, sample in generated.items():
        for t, df in sample.tables.items():
            assert S.table_text(t, df, conventions) == csv_reference(t, df, conventions), f"{name}.{t}"


def test_unknown_sample_name():
    with pytest.raises(ParameterError, match="'name' parameter of salesnb.samples.generate") as e:
        S.generate("bakery")
    assert "'bakery'" in str(e.value) and "'it_services'" in str(e.value)
    assert isinstance(e.value, ValueError)  # a DataError is a ValueError, as the old error was


@pytest.mark.parametrize("scale", [0, -1.5, float("nan"), "2"])
def test_scale_must_be_positive(scale):
    with pytest.raises(ParameterError, match="'scale' parameter of salesnb.samples.generate"):
        S.generate("it_services", scale=scale)
    with pytest.raises(ParameterError, match="'scale' parameter of salesnb.samples.event_agency"):
        S.event_agency(scale=scale)


@pytest.mark.parametrize("seed", [-1, 1.5, "0"])
def test_seed_must_be_a_whole_number(seed):
    with pytest.raises(ParameterError, match="'seed' parameter of salesnb.samples.generate"):
        S.generate("wholesale_pl", seed=seed)


@pytest.mark.parametrize("conventions", ["de", "", 1])
def test_conventions_must_be_en_or_pl(tmp_path, generated, conventions):
    sample = generated["event_agency"]
    with pytest.raises(ParameterError, match="'conventions' parameter of salesnb.samples.write_company"):
        S.write_company(tmp_path, sample, conventions=conventions or "xx")
    with pytest.raises(ParameterError, match="'conventions' parameter of salesnb.samples.table_text"):
        S.table_text("products", sample.tables["products"], conventions)
    with pytest.raises(ParameterError, match="'conventions' parameter of salesnb.samples.company_config"):
        S.company_config(sample, conventions)
    assert not list(tmp_path.iterdir())  # nothing written before the check


def test_benchmark_needs_a_transaction_per_client():
    with pytest.raises(ParameterError, match="'n_transactions' parameter of salesnb.samples.benchmark_transactions"):
        S.benchmark_transactions(n_transactions=999, n_customers=1000)
    with pytest.raises(ParameterError, match="'n_customers'"):
        S.benchmark_transactions(n_transactions=10, n_customers=0)
    with pytest.raises(ParameterError, match="'correction_share'"):
        S.benchmark_transactions(n_transactions=10, n_customers=5, correction_share=1.5)
    data = S.benchmark_transactions(n_transactions=1000, n_customers=1000, months=12)
    assert len(data["transactions"]) == 1000 and data["transactions"]["customer_id"].nunique() == 1000


def test_group_checks_its_status_and_pattern():
    from salesnb.samples.model import Group

    with pytest.raises(ParameterError, match="'status' parameter"):
        Group("clients", 5, "loyal")
    with pytest.raises(ParameterError, match="'pattern' parameter"):
        Group("clients", 5, "regular", "chaotic")


# --------------------------------------------------------------------------------------------
# Loading through the data contract


def test_every_sample_loads_with_canonical_dtypes(loaded, generated):
    for name, c in loaded.items():
        tx = c.transactions
        assert pd.api.types.is_datetime64_any_dtype(tx["date"])
        assert tx["amount"].dtype == "float64"
        assert c.as_of == generated[name].as_of
        for t in ("products", "kano_survey", "satisfaction", "deals", "contacts"):
            assert c.has(t), f"{name} has no {t}"
    assert loaded["wholesale_pl"].language == "pl"
    assert loaded["it_services"].segments is not None


def test_polish_twin_loads_with_the_same_numbers(tmp_path, generated):
    sample = generated["wholesale_pl"]
    S.write_company(tmp_path / "en", sample, conventions="en")
    S.write_company(tmp_path / "pl", sample, conventions="pl")
    en, pl = load_company(tmp_path / "en"), load_company(tmp_path / "pl")
    for t in S.TABLE_ORDER:
        a = getattr(en, t).reset_index(drop=True)
        b = getattr(pl, t).reset_index(drop=True)
        pd.testing.assert_frame_equal(a, b, obj=t)
    assert en.transactions["amount"].sum() == pytest.approx(sample.tables["transactions"]["amount"].sum())
    # and the other way round: an English sample written in Polish conventions
    it = generated["it_services"]
    S.write_company(tmp_path / "it_pl", it, conventions="pl")
    it_pl = load_company(tmp_path / "it_pl")
    pd.testing.assert_series_equal(it_pl.transactions["amount"].reset_index(drop=True),
                                   it.tables["transactions"]["amount"], check_names=False)


def test_polish_files_use_polish_conventions():
    folder = SAMPLES_DIR / "wholesale_pl"
    raw = (folder / "sprzedaz.csv").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    text = raw.decode("cp1250")
    header = text.split("\r\n", 1)[0]
    assert header.split(";")[:3] == ["Data", "Kod klienta", "Kwota netto"]
    assert any(ch in text for ch in "ąęłóśźż")
    import re

    assert re.search(r"(?m)^\d{2}\.\d{2}\.\d{4};", text)  # dates 31.03.2025
    assert re.search(r";-?\d{1,3}(?: \d{3})+,\d{2};", text)  # 1 234,50
    cfg = (folder / "company.yml").read_text(encoding="utf-8")
    assert "language: pl" in cfg and "encoding: cp1250" in cfg and "Kwota netto" in cfg


# --------------------------------------------------------------------------------------------
# Lifecycle statuses at the as-of date (domain.md section 4), W = 3 months


def statuses(tx: pd.DataFrame, customers: pd.DataFrame, as_of: pd.Timestamp, months: int = 3) -> pd.Series:
    cur0 = as_of - pd.DateOffset(months=months)
    prev0 = as_of - pd.DateOffset(months=2 * months)
    tx = tx[tx["date"] <= as_of]
    first = tx.groupby("customer_id")["date"].min()
    cur = set(tx.loc[tx["date"] > cur0, "customer_id"])
    prev = set(tx.loc[(tx["date"] > prev0) & (tx["date"] <= cur0), "customer_id"])

    def one(c):
        if c not in first.index:
            return "potential"
        if c not in cur:
            return "lost"
        if first[c] > cur0:
            return "new"
        return "regular" if c in prev else "restored"

    return pd.Series({c: one(c) for c in customers["customer_id"]})


@pytest.mark.parametrize("name", NAMES)
def test_lifecycle_minimums(loaded, name):
    c = loaded[name]
    counts = statuses(c.transactions, c.customers, c.analysis_date).value_counts()
    for status in ("potential", "new", "regular", "restored", "lost"):
        assert counts.get(status, 0) >= 5, f"{name}: only {counts.get(status, 0)} {status}"
    assert set(counts.index) == {"potential", "new", "regular", "restored", "lost"}


@pytest.mark.parametrize("name", NAMES)
def test_planted_groups_have_their_status(generated, name):
    s = generated[name]
    st = statuses(s.tables["transactions"], s.tables["customers"], s.as_of)
    for label, ids in s.story["groups"].items():
        planted = s.story["group_status"][label]
        if planted != "natural":
            assert (st[ids] == planted).all(), f"{name}: {label}"


def test_seasonal_wholesale_clients_tell_the_window_story(generated):
    s = generated["wholesale_pl"]
    st = statuses(s.tables["transactions"], s.tables["customers"], s.as_of)
    groups = s.story["groups"]
    garden = next(ids for k, ids in groups.items() if k.startswith("garden centres"))
    xmas = next(ids for k, ids in groups.items() if k.startswith("Christmas stalls"))
    assert (st[garden] == "lost").all() and (st[xmas] == "restored").all()
    # with a 12-month window they are regular clients again
    st12 = statuses(s.tables["transactions"], s.tables["customers"], s.as_of, months=12)
    assert (st12[garden + xmas] == "regular").all()


# --------------------------------------------------------------------------------------------
# Stable, seasonal and erratic buyers (domain.md section 3): CV of monthly turnover


def monthly_cv(tx: pd.DataFrame, as_of: pd.Timestamp) -> pd.Series:
    """Per client: CV of monthly net turnover from its first month to the as-of month, zeros filled, ddof=0."""
    end = as_of.to_period("M")
    m = tx.assign(p=tx["date"].dt.to_period("M")).groupby(["customer_id", "p"])["amount"].sum()
    out = {}
    for c, g in m.groupby(level=0):
        g = g.droplevel(0)
        v = g.reindex(pd.period_range(g.index.min(), end, freq="M"), fill_value=0.0).to_numpy()
        if len(v) >= 3:
            out[c] = v.std(ddof=0) / v.mean()
    return pd.Series(out)


def xyz_reference(tx: pd.DataFrame, as_of: pd.Timestamp, low: float = 0.10, high: float = 0.25,
                  horizon: int | None = 12) -> pd.Series:
    """Per classified client, sorted by id: X if CV <= low, Y if <= high, else Z; no class for fewer
    than 3 months, a non-positive mean, or a new client (first sale within the last 3 months).
    Only the last ``horizon`` months count (None: all history); a client without a row in them is
    left out."""
    tx = tx[tx["date"] <= as_of]
    first_sale = tx[tx["amount"] > 0].groupby("customer_id")["date"].min()
    first_period = tx.groupby("customer_id")["date"].min().dt.to_period("M")
    end = as_of.to_period("M")
    if horizon is not None:
        tx = tx[tx["date"].dt.to_period("M") > end - horizon]
    new = set(first_sale.index[first_sale > as_of - pd.DateOffset(months=3)])
    m = tx.assign(p=tx["date"].dt.to_period("M")).groupby(["customer_id", "p"])["amount"].sum()
    out = {}
    for c, g in m.groupby(level=0):
        g = g.droplevel(0)
        start = first_period[c] if horizon is None else max(first_period[c], end - horizon + 1)
        v = g.reindex(pd.period_range(start, end, freq="M"), fill_value=0.0).to_numpy()
        if len(v) >= 3 and v.mean() > 0 and c not in new:
            cv = v.std(ddof=0) / v.mean()
            out[c] = "X" if cv <= low else "Y" if cv <= high else "Z"
    return pd.Series(out, name="xyz", dtype=object).sort_index()


@pytest.mark.parametrize("name", NAMES)
def test_deprecated_helpers_agree_with_the_reference(generated, name):
    """The old public lifecycle_status, lifecycle_counts and xyz_classes are thin wrappers over the
    library now; they keep their shapes and agree with the independent reference."""
    s = generated[name]
    tx, customers = s.tables["transactions"], s.tables["customers"]
    for months in (3, 12):
        with pytest.warns(DeprecationWarning, match="salesnb.lifecycle.statuses"):
            thin = S.lifecycle_status(s, months)
        ref = statuses(tx, customers, s.as_of, months)
        assert thin.name == "status" and list(thin.index) == list(customers["customer_id"])
        pd.testing.assert_series_equal(thin, ref.rename("status"))
        with pytest.warns(DeprecationWarning):
            counts = S.lifecycle_counts(s, months)
        assert list(counts) == list(S.STATUSES)
        assert counts == {k: int((ref == k).sum()) for k in S.STATUSES}
    for low, high in ((0.10, 0.25), (0.2, 0.5)):
        with pytest.warns(DeprecationWarning, match="salesnb.abcxyz.xyz"):
            thin = S.xyz_classes(s, low, high)
        pd.testing.assert_series_equal(thin, xyz_reference(tx, s.as_of, low, high, horizon=None))
    with pytest.warns(DeprecationWarning), pytest.raises(ParameterError, match="'months'"):
        S.lifecycle_status(s, 0)


@pytest.mark.parametrize("name", NAMES)
def test_stable_seasonal_and_erratic_buyers(loaded, name):
    c = loaded[name]
    cv = monthly_cv(c.transactions, c.analysis_date)
    assert (cv <= 0.10).sum() >= 5, "stable (X)"
    assert ((cv > 0.10) & (cv <= 0.25)).sum() >= 5, "seasonal (Y)"
    assert (cv > 0.25).sum() >= 5, "erratic (Z)"


#: Minimum share of X among classified clients: the event agency is naturally lumpier.
MIN_X_SHARE = {"it_services": 0.18, "event_agency": 0.14, "wholesale_pl": 0.18}


@pytest.mark.parametrize("name", NAMES)
def test_xyz_classes_are_balanced(loaded, generated, name):
    """With the library's defaults all three XYZ classes are substantial, and A clients are in each."""
    from salesnb.abcxyz import abc_xyz

    table = abc_xyz(loaded[name])
    classified = table[table["xyz"].isin(["X", "Y", "Z"])]
    share = classified["xyz"].astype(str).value_counts(normalize=True)
    assert MIN_X_SHARE[name] <= share.get("X", 0) <= 0.35, share.to_dict()
    assert 0.12 <= share.get("Y", 0) <= 0.30, share.to_dict()
    assert 0.40 <= share.get("Z", 0) <= 0.70, share.to_dict()
    cells = classified["abc"].astype(str).str.cat(classified["xyz"].astype(str)).value_counts()
    for cell in ("AX", "AY", "AZ", "CZ"):
        assert cells.get(cell, 0) >= 2, f"{name}: {cell} {cells.get(cell, 0)}"
    # the independent reference gives the same classes
    s = generated[name]
    mine = xyz_reference(s.tables["transactions"], s.as_of)
    lib = classified["xyz"].astype(str).sort_index()
    assert list(mine.index) == list(lib.index) and (mine.to_numpy() == lib.to_numpy()).all()


@pytest.mark.parametrize("name", NAMES)
def test_every_active_manager_sells_in_every_way_in_the_last_quarter(loaded, generated, name):
    """The article's KPI table for the last full quarter has no empty amount column: every active
    sales manager has primary sales, repeat sales and primary sales in new directions."""
    from salesnb.lifecycle import manager_kpis
    from salesnb.periods import quarter_bounds

    c = loaded[name]
    start, end = quarter_bounds(None, c.analysis_date)
    kpis = manager_kpis(c, start, end)
    active = sorted(set(c.customers["salesperson"].dropna()))
    leaver = generated[name].story["leaver"]
    assert len(active) >= 3 and (not leaver or leaver[0] not in active)
    for sp in active:
        row = kpis.loc[sp]
        assert row["primary_sales_count"] >= 1 and row["primary_sales_amount"] > 0, f"{name}: {sp} primary"
        assert row["repeat_sales_amount"] > 0, f"{name}: {sp} repeat"
        assert row["new_direction_sales_count"] >= 2 and row["new_direction_sales_amount"] > 0, \
            f"{name}: {sp} new direction"
    # the planted cross-sales are new directions: the client never bought that line before the quarter
    tx = c.transactions
    for cid, _sp, line, month in generated[name].story["cross_sell"]:
        own = tx[(tx["customer_id"] == cid) & (tx["product_line"] == line) & (tx["amount"] > 0)]
        assert own["date"].min().to_period("M") == pd.Period(month, "M") and own["date"].min() >= start
        assert (tx.loc[tx["customer_id"] == cid, "date"].min() < start)


def test_wholesale_has_clearly_seasonal_clients(loaded):
    tx = loaded["wholesale_pl"].transactions
    months = tx.assign(y=tx["date"].dt.year, m=tx["date"].dt.month).groupby("customer_id").agg(
        months=("m", "nunique"), years=("y", "nunique"))
    seasonal = months[(months["months"] <= 7) & (months["years"] >= 3)]
    assert len(seasonal) >= 15


# --------------------------------------------------------------------------------------------
# Kano survey: planted categories dominate, some features moved (domain.md section 1)

# The standard evaluation table: rows functional 1-5, columns dysfunctional 1-5
# (1 like, 2 must-be/expect, 3 neutral, 4 live with, 5 dislike).
KANO_TABLE = [
    ["Q", "A", "A", "A", "O"],
    ["R", "I", "I", "I", "M"],
    ["R", "I", "I", "I", "M"],
    ["R", "I", "I", "I", "M"],
    ["R", "R", "R", "R", "Q"],
]
WORDS = {
    "i like it": 1, "i expect it": 2, "i am neutral": 3, "i can live with it": 4, "i dislike it": 5,
    "podoba mi się": 1, "oczekuję tego": 2, "jest mi to obojętne": 3, "mogę to tolerować": 4, "nie podoba mi się": 5,
    "1": 1, "2": 2, "3": 3, "4": 4, "5": 5,
}


def kano_categories(survey: pd.DataFrame) -> pd.Series:
    f = survey["functional"].astype(str).str.strip().str.lower().map(WORDS)
    d = survey["dysfunctional"].astype(str).str.strip().str.lower().map(WORDS)
    assert f.notna().all() and d.notna().all(), "answers outside the scale"
    return pd.Series([KANO_TABLE[a - 1][b - 1] for a, b in zip(f, d, strict=True)], index=survey.index)


@pytest.mark.parametrize("name", NAMES)
def test_kano_planted_categories_dominate_and_some_move(loaded, generated, name):
    survey = loaded[name].kano_survey
    cat = kano_categories(survey)
    counts = pd.crosstab([survey["feature"], survey["wave"]], cat)
    dominant = counts.idxmax(axis=1)
    planted = generated[name].story["kano"]
    waves = sorted(survey["wave"].unique())
    assert len(waves) == 2
    for feature, per_wave in planted.items():
        for wave, category in per_wave.items():
            row = counts.loc[(feature, wave)]
            assert dominant[(feature, wave)] == category, f"{feature} {wave}"
            assert row[category] > row.drop(category).max()
    moved = [f for f in planted if dominant[(f, waves[0])] != dominant[(f, waves[1])]]
    assert len(moved) >= 2
    # every category is planted somewhere, with a little R and Q noise
    assert {"A", "O", "M", "I"} <= set(dominant)
    assert 0 < (cat == "R").mean() < 0.06 and 0 < (cat == "Q").mean() < 0.06
    # at least one delighter decayed into a performance or basic need
    assert any(dominant[(f, waves[0])] == "A" and dominant[(f, waves[1])] in ("O", "M") for f in planted)
    # satisfaction criteria name Kano features, so performance can be joined
    assert len(set(loaded[name].satisfaction["criterion"]) & set(planted)) >= 2


def test_kano_answer_formats_vary(loaded):
    assert set(loaded["it_services"].kano_survey["functional"]) <= {"1", "2", "3", "4", "5"}
    assert "I like it" in set(loaded["event_agency"].kano_survey["functional"])
    assert "podoba mi się" in set(loaded["wholesale_pl"].kano_survey["functional"])


# --------------------------------------------------------------------------------------------
# Integrity, corrections, deals, contacts, target groups


@pytest.mark.parametrize("name", NAMES)
def test_referential_integrity(loaded, name):
    c = loaded[name]
    ids = set(c.customers["customer_id"])
    assert c.customers["customer_id"].is_unique
    assert set(c.transactions["customer_id"]) <= ids
    assert set(c.transactions["product"]) <= set(c.products["product"])
    line = c.transactions["product"].map(c.products.set_index("product")["product_line"])
    assert (line == c.transactions["product_line"]).all()
    assert set(c.deals["customer_id"]) <= ids
    assert set(c.kano_survey["customer_id"]) <= ids
    assert set(c.satisfaction["customer_id"]) <= ids
    assert set(c.satisfaction["product"]) <= set(c.products["product"])
    assert set(c.contacts["customer_id"].dropna()) <= ids
    leads = c.customers[~c.customers["customer_id"].isin(c.transactions["customer_id"])]
    assert len(leads) >= 5 and leads["first_contact"].notna().all()
    assert c.transactions["date"].max() <= c.analysis_date
    assert c.transactions["date"].min() <= c.analysis_date - pd.DateOffset(years=3)
    assert c.transactions["salesperson"].nunique() >= 3 and c.transactions["product_line"].nunique() >= 3
    assert c.satisfaction["score"].between(1, 5).all()
    first_buy = c.transactions.groupby("customer_id")["date"].min()
    assert (c.customers.set_index("customer_id")["first_contact"].reindex(first_buy.index) <= first_buy).all()


@pytest.mark.parametrize("name", NAMES)
def test_corrections_reference_an_earlier_invoice(loaded, name):
    tx = loaded[name].transactions
    neg = tx[tx["amount"] < 0]
    assert 0.01 <= len(neg) / len(tx) <= 0.02
    invoices = tx[tx["amount"] > 0].drop_duplicates("document_id").set_index("document_id")
    ref = invoices.reindex(neg["corrected_document"])
    assert ref["customer_id"].notna().all()
    assert (ref["customer_id"].to_numpy() == neg["customer_id"].to_numpy()).all()
    assert (ref["date"].to_numpy() <= neg["date"].to_numpy()).all()


@pytest.mark.parametrize("name", NAMES)
def test_deals_follow_the_company_stages(loaded, name):
    c = loaded[name]
    d = c.deals
    assert set(d["outcome"]) == {"won", "lost", "open"}
    assert set(d["stage_reached"]) <= set(c.deal_stages)
    lost = d[d["outcome"] == "lost"]
    assert lost["refusal_stage"].notna().all() and lost["refusal_reason"].notna().all()
    assert (lost["refusal_stage"] == lost["stage_reached"]).all()
    assert d.loc[d["outcome"] == "open", "closed_at"].isna().all()
    assert (d["closed_at"].dropna() >= d.loc[d["closed_at"].notna(), "opened_at"]).all()
    assert (d.loc[d["outcome"] == "won", "stage_reached"] == c.deal_stages[-1]).all()
    potential = set(c.customers["customer_id"]) - set(c.transactions["customer_id"])
    assert not (d["customer_id"].isin(potential) & (d["outcome"] == "won")).any()


def test_event_agency_refuses_at_every_stage(loaded):
    c = loaded["event_agency"]
    assert c.deal_stages == ("presentation", "offer", "agreement", "payment", "event", "closing")
    refusals = c.deals.loc[c.deals["outcome"] == "lost", "refusal_stage"].value_counts()
    for stage in c.deal_stages:
        assert refusals.get(stage, 0) >= 5, stage


@pytest.mark.parametrize("name", NAMES)
def test_contacts_answer_times(loaded, name):
    ct = loaded[name].contacts
    hours = (ct["answered_at"] - ct["received_at"]).dt.total_seconds() / 3600
    assert (hours.dropna() >= 0).all()
    assert set(ct["channel"]) == {"phone", "e-mail", "chat"}
    assert ct["answered_at"].isna().mean() > 0.01
    assert (hours <= 24).mean() > 0.7
    assert (hours > 24).sum() >= 10
    assert (ct["received_at"].dt.minute != 0).any()  # date-times, not dates


def test_it_company_target_groups(loaded):
    from salesnb.segments import assign

    c = loaded["it_services"]
    seg = assign(c.customers, c.segments).set_axis(c.customers["customer_id"])
    ids = [g["id"] for g in c.segments["segments"]]
    assert len(ids) == 8 and set(c.segments["portrait"]) == set(ids)
    counts = seg.value_counts()
    for gid in ids:
        assert counts.get(gid, 0) >= 3, gid
    assert counts.get("outside", 0) >= 3
    # the Kano respondents' segment is their client's target group
    k = c.kano_survey
    assert (k["segment"].to_numpy() == seg[k["customer_id"]].to_numpy()).all()
    # Example 3's parameters are the customers' attributes
    assert {"industry", "activity_type", "has_branches", "employees", "main_client_type", "founded"} <= set(c.customers)
    # clients buy mostly lines of their segment's portrait
    tx = c.transactions.assign(segment=seg[c.transactions["customer_id"]].to_numpy())
    inside = tx[tx["segment"] != "outside"]
    in_portrait = [line in c.segments["portrait"][s]
                   for line, s in zip(inside["product_line"], inside["segment"], strict=True)]
    assert np.mean(in_portrait) > 0.8


def test_event_agency_names_fit_the_clients_type_and_industry(generated):
    """A bank is called a bank and a foundation has no company form, so the target groups of the
    segments notebook read as the names suggest."""
    c = generated["event_agency"].tables["customers"]
    first = c["name"].str.split(" ").str[0]
    corp = c["client_type"] == "corporate"
    assert (first[corp & (c["industry"] == "banking")] == "Bank").all()
    assert first[corp & (c["industry"] == "pharma")].isin(["Pharma", "Laboratoria"]).all()
    assert first[corp & ~c["industry"].isin(["banking", "pharma"])].isin(["Grupa", "Holding", "Polska"]).all()
    assert first[c["client_type"] == "association"].isin(["Fundacja", "Stowarzyszenie"]).all()
    assert (first[c["client_type"] == "agency"] == "Agencja").all()
    no_form = c["client_type"].isin(["association", "public institution"])
    assert not c.loc[no_form, "name"].str.contains(r"sp\.|S\.A\.|s\.c\.").any()
    assert c["name"].is_unique
