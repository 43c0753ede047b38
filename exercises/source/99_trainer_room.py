# salesnb: {"title": {"en": "The trainer's room: a summary of the answers", "pl": "Sala prowadzącego: podsumowanie odpowiedzi"}, "requires": []}
# %% [markdown] lang="en"
# # The trainer's room
#
# Participants keep their answers in one folder, `answers_dir/<exercise>/<participant>.json`.
# This notebook summarises that folder for the trainer: per question the share right and the
# wrong answers grouped by kind, the windows *W* chosen in exercise set 1, the diagnostic profiles
# side by side, and who has not answered yet. `salesnb room ANSWERS_DIR` writes the same summary as
# one HTML page.
#
# Set `answers_dir` to the room's folder. With `answers_dir = None` the notebook builds a small
# demonstration room of four fictional participants on `dataset`, to show what the summary looks
# like.
# %% [markdown] lang="pl"
# # Sala prowadzącego
#
# Uczestnicy zapisują odpowiedzi w jednym folderze, `answers_dir/<zadanie>/<uczestnik>.json`.
# Ten notatnik podsumowuje zawartość tego folderu dla prowadzącego: dla każdego pytania odsetek dobrych
# odpowiedzi i błędne odpowiedzi według rodzaju, okna *W* wybrane w zestawie 1 zadań praktycznych,
# profile diagnostyczne obok siebie oraz kto jeszcze nie odpowiedział. `salesnb room ANSWERS_DIR`
# zapisuje to samo podsumowanie jako jedną stronę HTML.
#
# Ustaw `answers_dir` na folder z odpowiedziami uczestników. Przy `answers_dir = None` notatnik
# tworzy małą salę pokazową z czterema fikcyjnymi uczestnikami na danych z `dataset`, aby pokazać,
# jak wygląda podsumowanie.
# %% tags=["parameters"]
dataset = "../../data/samples/it_services"  # [en] the company of the demonstration room [pl] firma, na której danych pracuje sala pokazowa
language = "en"  # [en] "en" or "pl" [pl] "en" (angielski) lub "pl" (polski)
answers_dir = None  # [en] the folder of the answers of the room; None: a demonstration room [pl] folder z odpowiedziami uczestników; None: sala pokazowa
roster = None  # [en] a list of the names expected, to see who has saved nothing; None: whoever saved [pl] lista oczekiwanych uczestników, by zobaczyć, kto nic nie zapisał; None: ci, którzy coś zapisali

# %%
%matplotlib inline
import tempfile

from salesnb import present, room
from salesnb.i18n import t
from salesnb.plots import exercises as charts

folder = answers_dir or room.demo_room(tempfile.mkdtemp(prefix="salesnb-room-"), dataset, language)
r = room.read_room(folder, roster)
present.say(f"**{t('ex_participants', language)}** ({present.count(len(r.participants), language)}): "
            + ", ".join(r.participants))

# %% [markdown] lang="en"
# ## Per question
# %% [markdown] lang="pl"
# ## Według pytań

# %%
present.show(room.questions_table(r, language), language, max_rows=None)

# %% [markdown] lang="en"
# ## Wrong answers grouped by kind
# %% [markdown] lang="pl"
# ## Błędne odpowiedzi według rodzaju

# %%
present.show(room.wrong_table(r, language), language, max_rows=None)

# %% [markdown] lang="en"
# ## The windows chosen
# %% [markdown] lang="pl"
# ## Wybrane okna

# %%
windows = room.windows_table(r)
charts.windows_chart(windows, language) if len(windows) else present.say("–")

# %% [markdown] lang="en"
# ## Diagnostic profiles side by side
# %% [markdown] lang="pl"
# ## Profile diagnostyczne obok siebie

# %%
profiles = room.profiles_table(r)
charts.profiles_chart(profiles, language) if len(profiles) else present.say("–")

# %% [markdown] lang="en"
# ## Who answered what
# %% [markdown] lang="pl"
# ## Kto na co odpowiedział

# %%
present.show(room.participants_table(r, language), language, max_rows=None)
