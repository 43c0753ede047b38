"""The trainer's room: a folder of answers summarised, by the library and by `salesnb room`."""
from __future__ import annotations

import json
import warnings

import pandas as pd
import pytest
from conftest import SAMPLES

import salesnb
from salesnb import cli, room
from salesnb.errors import DataWarning
from salesnb.exercises import diagnostic, lifecycle_set1


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        return room.demo_room(tmp_path_factory.mktemp("room"), SAMPLES / "it_services", "en")


def test_two_participants_into_one_folder_are_both_listed(tmp_path, capsys):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        company = salesnb.load_company(SAMPLES / "wholesale_pl")
    for name, window in (("Ola", "2M"), ("Piotr", "1M")):
        ex = lifecycle_set1.exercise(company, "pl", participant=name, answers_dir=tmp_path)
        ex.q1a.check(window)
    assert sorted(p.name for p in (tmp_path / "client_lifecycle").iterdir()) == ["ola.json", "piotr.json"]
    out = tmp_path / "room.html"
    assert cli.main(["room", str(tmp_path), "--language", "pl", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "2 participant(s): Ola, Piotr" in printed and "client_lifecycle: 2 (Ola, Piotr)" in printed
    html = out.read_text(encoding="utf-8")
    assert "Ola" in html and "Piotr" in html and "okno W" in html and "data:image/png;base64," in html


def test_per_question_the_share_right_the_wrong_kinds_and_who_is_missing(demo):
    r = room.read_room(demo)
    assert r.participants == ["Anna Kowalska", "Bartek Nowak", "Celina Wiśniewska", "Dawid Zieliński"]
    q = room.questions_table(r, "en").set_index(["exercise", "question"])
    window = q.loc[("Exercise set 1: the client lifecycle in your company", "1a")]
    # Anna 2M (right), Bartek 1M (the average gap), Celina 8W (accepted), Dawid "2" (no unit)
    assert (window["answered"], window["right"]) == (4, 2) and window["share_right"] == 0.5
    assert "the average gap itself: 1" in window["wrong_answers"] and "window without a unit: 1" in \
        window["wrong_answers"]
    lost = q.loc[("Exercise set 1: the client lifecycle in your company", "2a")]
    assert "the article's 3 months: 1" in lost["wrong_answers"] and "potential counted as lost: 1" in \
        lost["wrong_answers"]
    assert lost["not_answered"] == "Dawid Zieliński"


def test_open_answers_saved_are_counted_apart_never_as_right(demo):
    r = room.read_room(demo)
    q = room.questions_table(r, "pl").set_index(["exercise", "question"])
    title = "Zadania praktyczne, zestaw 1: cykl życia klienta w Twojej firmie"
    # 1b (the definitions) has no right answer: Anna's complete answer is saved, not "Dobrze 1 / 100%"
    defs = q.loc[(title, "1b")]
    assert (defs["answered"], defs["right"], defs["saved"]) == (1, 0, 1) and pd.isna(defs["share_right"])
    # 2c: Anna's saved, Bartek's "ok" incomplete: 0 right of the 1 checked against the form
    health = q.loc[(title, "2c")]
    assert (health["answered"], health["right"], health["saved"], health["share_right"]) == (2, 0, 1, 0.0)
    window = q.loc[(title, "1a")]
    assert (window["right"], window["saved"], window["share_right"]) == (2, 0, 0.5)
    who = room.participants_table(r, "en").set_index(["participant", "exercise"])
    anna = who.loc[("Anna Kowalska", "Exercise set 1: the client lifecycle in your company")]
    assert (anna["answered"], anna["right"], anna["saved"]) == (6, 3, 3)  # 1a, 2a, 2b right; 1b, 2c, 3 saved
    html = room.report_html(r, "pl")
    assert "Zapisane (odpowiedzi otwarte)" in html and ">NaN<" not in html


def test_wrong_answers_grouped_by_kind_name_who(demo):
    wrong = room.wrong_table(room.read_room(demo), "pl")
    row = wrong[(wrong["question"] == "2") & (wrong["kind"] == "bez korekt")]
    assert row["who"].tolist() == ["Bartek Nowak"]


def test_the_windows_chosen_and_the_profiles_side_by_side(demo):
    r = room.read_room(demo)
    w = room.windows_table(r)
    assert w["window"].tolist() == ["1M", "56D", "2M"]  # shortest first
    assert w["accepted"].tolist() == [False, True, True] and w["suggested"].tolist() == [False, False, True]
    profiles = room.profiles_table(r)
    assert list(profiles.columns) == list(diagnostic.AREAS) and len(profiles) == 3
    assert ((profiles >= 0) & (profiles <= 1)).all().all()


def test_who_answered_what_lists_everyone_on_the_roster(demo):
    r = room.read_room(demo, roster=["Ewa Nowa", "Anna Kowalska"])
    table = room.participants_table(r, "en")
    ewa = table[table["participant"] == "Ewa Nowa"]
    assert (ewa["answered"] == 0).all() and len(ewa) == len(r.exercises)
    q = room.questions_table(r, "en")
    assert q["not_answered"].str.contains("Ewa Nowa").all()


def test_unreadable_files_are_left_out_and_counted(demo, tmp_path):
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(demo, copy)
    (copy / "know_your_data" / "broken.json").write_text("{not json", encoding="utf-8")
    r = room.read_room(copy)
    assert r.skipped == 1 and len(r.participants) == 4
    path = room.write_report(copy, language="pl")
    assert path == copy / "room.html" and "Pominięto pliki" in path.read_text(encoding="utf-8")


def test_the_report_is_self_contained_and_in_the_language(demo, tmp_path):
    out = room.write_report(demo, tmp_path / "r.html", "pl")
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="pl">' in html
    assert "Odsetek dobrych" in html and "Profile diagnostyczne" in html and ">NaN<" not in html
    assert "<script" not in html and "src=\"http" not in html


def test_an_empty_or_missing_folder(tmp_path, capsys):
    assert cli.main(["room", str(tmp_path / "nope")]) == 2
    assert "no answers folder" in capsys.readouterr().err
    (tmp_path / "empty").mkdir()
    assert cli.main(["room", str(tmp_path / "empty")]) == 0
    assert "No answers yet" in (tmp_path / "empty" / "room.html").read_text(encoding="utf-8")


def test_saved_answers_carry_what_the_room_needs(demo):
    saved = json.loads((demo / "client_lifecycle" / "celina-wisniewska.json").read_text(encoding="utf-8"))
    entry = saved["questions"]["1a"]
    assert entry["read"] == "56D" and entry["status"] == "correct" and entry["against"]["suggested"] == "2M"
    assert saved["participant"] == "Celina Wiśniewska" and saved["language"] == "en"
