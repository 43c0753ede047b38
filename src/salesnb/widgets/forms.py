"""Answer forms for the exercises (PL: formularze odpowiedzi do zadań), built with ipywidgets.

Each function builds a form and a *Check* button; pressing it calls ``on_check(value)`` with the
answer as plain Python (text, a list, a mapping) and shows what ``on_check`` returns under the
form. The plain-Python twin of every form is the exercise question's ``check(value)`` itself,
which a batch run and the tests call directly. ipywidgets is imported only when a form is built.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ..i18n import check_language, t

__all__ = ["choice_grid", "list_box", "text_area", "text_box", "text_grid", "window_box"]

Check = Callable[[Any], Any]


def _panel(controls: list, read: Callable[[], Any], on_check: Check, language: str):
    import ipywidgets as w
    from IPython.display import display

    lang = check_language(language)
    out = w.Output()
    button = w.Button(description=t("ex_check_button", lang), button_style="primary", icon="check",
                      layout=w.Layout(width="auto"))

    def press(_button: Any = None) -> None:
        with out:
            out.clear_output(wait=True)
            display(on_check(read()))

    button.on_click(press)
    box = w.VBox([*controls, button, out])
    box.press = press  # for tests and a manual check
    return box


def text_box(value: str, on_check: Check, language: str = "en", placeholder: str = ""):
    """One line of text, e.g. a number typed as a Polish user types it (PL: pole tekstowe).

    Parameters
    ----------
    value : str
        The starting text.
    on_check : callable
        Called with the text when *Check* is pressed.
    language : {"en", "pl"}, default "en"
    placeholder : str, default ""

    Returns
    -------
    ipywidgets.VBox
    """
    import ipywidgets as w

    box = w.Text(value=value, placeholder=placeholder, layout=w.Layout(width="420px"))
    return _panel([box], lambda: box.value, on_check, language)


def text_area(value: str, on_check: Check, language: str = "en"):
    """Several lines of text, for an answer in words (PL: pole opisowe).

    Parameters
    ----------
    value : str
    on_check : callable
        Called with the text.
    language : {"en", "pl"}, default "en"

    Returns
    -------
    ipywidgets.VBox
    """
    import ipywidgets as w

    box = w.Textarea(value=value, layout=w.Layout(width="720px", height="110px"))
    return _panel([box], lambda: box.value, on_check, language)


def window_box(n: int, unit: str, on_check: Check, language: str = "en"):
    """A window as a whole number and a unit from a list (PL: okno: liczba i jednostka).

    Parameters
    ----------
    n : int
        The starting length.
    unit : {"M", "W", "D"}
        The starting unit.
    on_check : callable
        Called with the window as text, e.g. ``"8W"``.
    language : {"en", "pl"}, default "en"

    Returns
    -------
    ipywidgets.VBox
    """
    import ipywidgets as w

    lang = check_language(language)
    number = w.BoundedIntText(value=max(1, int(n)), min=1, max=520, layout=w.Layout(width="90px"))
    units = w.Dropdown(options=[(t("ex_unit_months", lang), "M"), (t("ex_unit_weeks", lang), "W"),
                                (t("ex_unit_days", lang), "D")], value=unit, layout=w.Layout(width="160px"))
    row = w.HBox([w.Label(t("lc_window", lang)), number, units])
    return _panel([row], lambda: f"{number.value}{units.value}", on_check, lang)


def list_box(items: Sequence[str], on_check: Check, language: str = "en"):
    """A list typed one item per line (PL: lista, jedna pozycja w wierszu).

    Parameters
    ----------
    items : sequence of str
    on_check : callable
        Called with the list of non-empty lines.
    language : {"en", "pl"}, default "en"

    Returns
    -------
    ipywidgets.VBox
    """
    import ipywidgets as w

    lang = check_language(language)
    box = w.Textarea(value="\n".join(items), placeholder=t("ex_one_per_line", lang),
                     layout=w.Layout(width="520px", height="160px"))
    return _panel([box], lambda: [x.strip() for x in box.value.splitlines() if x.strip()], on_check, lang)


def text_grid(rows: Sequence[tuple[str, str]], values: dict, on_check: Check, language: str = "en"):
    """A text area per item, its label above it (PL: tekst dla każdej pozycji).

    Parameters
    ----------
    rows : sequence of (key, label)
    values : dict
        Starting text per key.
    on_check : callable
        Called with ``{key: text}``.
    language : {"en", "pl"}, default "en"

    Returns
    -------
    ipywidgets.VBox
    """
    import ipywidgets as w

    areas = {k: w.Textarea(value=str(values.get(k, "")), layout=w.Layout(width="720px", height="62px"))
             for k, _ in rows}
    controls = [w.VBox([w.HTML(f"<b>{label}</b>"), areas[k]]) for k, label in rows]
    return _panel(controls, lambda: {k: a.value for k, a in areas.items()}, on_check, language)


def choice_grid(rows: Sequence[tuple[str, str]], choices: Sequence[str], values: dict, on_check: Check,
                language: str = "en", tooltips: dict | None = None):
    """A row of buttons per item, one button per choice (PL: wybór dla każdej pozycji).

    The label column is as wide as the longest label needs (at most 460 px), so many choices fit
    on one line beside short labels (client ids); the buttons are coloured, and the choice made
    is repeated in bold at the end of its row, so it is plain to see which button is pressed.

    Parameters
    ----------
    rows : sequence of (key, label)
    choices : sequence of str
        The scale (e.g. ``["+", "+/-", "-"]``).
    values : dict
        The starting choice per key (none: no button pressed).
    on_check : callable
        Called with ``{key: choice}`` for the items answered.
    language : {"en", "pl"}, default "en"
    tooltips : dict, optional
        ``{choice: text}`` shown when the pointer rests on a button (e.g. ``M – oczekiwanie
        podstawowe``).

    Returns
    -------
    ipywidgets.VBox
    """
    import ipywidgets as w

    tips = [str((tooltips or {}).get(c, c)) for c in choices]
    longest = max((len(str(label)) for _, label in rows), default=10)
    label_width = f"{min(460, max(70, 8 * longest + 12))}px"
    button_width = "44px" if len(choices) > 6 else "56px"
    buttons = {}
    controls = []
    for k, label in rows:
        b = w.ToggleButtons(options=list(choices), value=values.get(k), tooltips=tips, button_style="info",
                            style={"button_width": button_width}, layout=w.Layout(width="auto"))
        chosen = w.HTML(f"<b>{values.get(k) or ''}</b>", layout=w.Layout(width="48px"))
        b.observe(lambda change, chosen=chosen: setattr(chosen, "value", f"<b>{change['new'] or ''}</b>"),
                  names="value")
        buttons[k] = b
        controls.append(w.HBox([w.HTML(label, layout=w.Layout(width=label_width)), b, chosen],
                               layout=w.Layout(border_bottom="1px solid #eee", padding="2px 0")))
    return _panel(controls, lambda: {k: b.value for k, b in buttons.items() if b.value is not None}, on_check,
                  language)
