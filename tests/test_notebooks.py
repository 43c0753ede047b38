"""Every notebook and exercise runs under papermill with its default parameters, and what it
records for the batch summary equals what the library computes directly. (nbval runs them
too, collected from notebooks/ and exercises/ by the same pytest command.)"""
from __future__ import annotations

import ast
from pathlib import Path

import papermill as pm
import pytest
from conftest import ROOT, SAMPLES, write_company

import salesnb
from salesnb import batch, cli
from salesnb.kernel import ensure_kernel
from salesnb.overview import summary
from salesnb.record import read_records

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*/[0-9]*.ipynb")) + sorted((ROOT / "exercises").glob("*/*.ipynb"))


def defaults(nb: Path) -> dict:
    return {k: ast.literal_eval(v["default"]) for k, v in pm.inspect_notebook(str(nb)).items()}


def expected_records(nb: Path) -> dict:
    """What each notebook must record, computed here from the library on its default dataset."""
    params = defaults(nb)
    company = salesnb.load_company((nb.parent / params["dataset"]).resolve())
    if nb.stem == "00_overview":
        facts = summary(company)
        return {f"facts.{k}": v for k, v in zip(facts["measure"], facts["value"], strict=True)}
    if nb.stem == "01_kano":
        from salesnb import kano

        survey, _ = kano.select_wave(company, "latest")
        cats = kano.summarize(survey)["category_mode"].value_counts().sort_index()
        changes = kano.category_changes(kano.summarize_waves(company))
        return {**{f"kano_category.{k}": int(v) for k, v in cats.items()},
                "kano_changed_features": len(changes)}
    if nb.stem == "02_segments":
        from salesnb import segments

        groups = segments.group_summary(company.customers, company.segments)["clients"]
        data = segments.prepare(company)
        states = segments.offer_grid(data)["state"].value_counts()
        target = segments.maturity(data)["maturity"].dropna()
        return {**{f"segment_clients.{k}": int(v) for k, v in groups.items()},
                **{f"offer_states.{k}": int(v) for k, v in states.items()},
                "rfm_clusters": segments.rfm_clusters(segments.rfm(data)).k,
                "target_maturity": float(target.sum() / len(target))}
    if nb.stem == "03_abc_xyz":
        from salesnb import abcxyz

        table = abcxyz.abc_xyz(company)
        abc = abcxyz.class_summary(table, "abc")["clients"]
        shares = abcxyz.class_summary(table, "abc_xyz")["value_share"].round(6)
        assert shares.sum() <= 1.0 + 1e-9
        return {**{f"abc_clients.{k}": int(v) for k, v in abc.items()},
                **{f"abc_xyz_share.{k}": float(v) for k, v in shares.items()}}
    if nb.stem == "04_lifecycle":
        from salesnb import lifecycle

        counts = lifecycle.status_counts(lifecycle.statuses(company, as_of=company.analysis_date,
                                                            window=company.params["lifecycle_window"]))
        assert counts.sum() == len(company.customers)  # every known client has one status
        return {f"lifecycle_status.{k}": int(v) for k, v in counts.items()}
    if nb.stem == "05_service":
        from salesnb import service

        overall = service.compliance(service.response_times(company), by=None)
        loyal = service.loyalty(company, period_end=None)
        return {"service_compliance": float(overall["compliance"].iloc[0]),
                "service_enquiries_overdue": int(overall["overdue"].iloc[0]),
                "service_clients_to_contact": int(service.clients_to_contact(company)["customer_id"].nunique()),
                "service_surveys_due": len(service.surveys_due(company)),
                "service_loyal_share": float(loyal.loc["Total", "loyal_share"]),
                "service_funnel_conversion": float(service.funnel(company).attrs["win_rate"]),
                "service_control_points_overdue": len(service.control_points(company))}
    return {}


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=[f"{p.parent.name}/{p.stem}" for p in NOTEBOOKS])
def test_notebook_runs_with_default_parameters(nb, tmp_path):
    params = defaults(nb)
    assert "dataset" in params, f"{nb.name}: the parameters cell must name a dataset"
    assert (nb.parent / params["dataset"]).resolve().is_relative_to(SAMPLES), "defaults must point at a bundled sample"
    out = tmp_path / nb.name
    pm.execute_notebook(str(nb), str(out), kernel_name=ensure_kernel(), language="python",
                        cwd=str(nb.parent), progress_bar=False, request_save_on_cell_execute=False)
    records = read_records(out)
    expected = expected_records(nb)
    for key, value in expected.items():
        assert records.get(key) == value, key


def test_batch_keeps_going_past_a_broken_dataset(tmp_path, capsys):
    broken = write_company(tmp_path / "data" / "broken_co",
                           {"transactions.csv": "date,customer_id,amount\n2024-01-01,A,12 zł\n"})
    out = tmp_path / "reports"
    code = cli.main(["run", str(SAMPLES / "it_services"), str(broken), "--notebooks", "00",
                     "--out", str(out), "--jobs", "2"])
    assert code == 1
    err = capsys.readouterr().err
    assert "FAILED broken_co / 00_overview" in err and "amount" in err
    assert (out / "it_services" / "00_overview.html").exists()
    assert (out / "broken_co" / "00_overview.ipynb").exists()  # kept, with the error, for reading
    leftovers = [p for p in out.rglob("*") if p.name.startswith(".") or p.suffix == ".tmp"]
    assert leftovers == []
    import pandas as pd

    table = pd.read_csv(out / "summary.csv")
    assert sorted(table["company"]) == ["broken_co", "it_services"]
    good = table.set_index("company").loc["it_services"]
    assert good["00_overview.status"] == "ok"
    facts = summary(salesnb.load_company(SAMPLES / "it_services")).set_index("measure")["value"]
    assert good["facts.clients_known"] == facts["clients_known"]


def test_notebooks_missing_tables_are_skipped_not_failed(tmp_path):
    import json

    nb = json.loads((ROOT / "notebooks" / "en" / "00_overview.ipynb").read_text())
    nb["metadata"]["salesnb"]["requires"] = ["transactions", "kano_survey"]
    needs_kano = tmp_path / "01_needs_kano.ipynb"
    needs_kano.write_text(json.dumps(nb))
    ds = write_company(tmp_path / "co", {"transactions.csv": "date,customer_id,amount\n2024-01-01,A,1\n"})
    jobs, skipped = batch.plan([ds], [ROOT / "notebooks" / "en" / "00_overview.ipynb", needs_kano], tmp_path / "out")
    assert [j.notebook.stem for j in jobs] == ["00_overview"]
    assert [(r.notebook, r.status, r.error) for r in skipped] == [
        ("01_needs_kano", "skipped", "dataset has no kano_survey")]
