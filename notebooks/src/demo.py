# %% [markdown]
# # Conflicting Accounts · live demo
#
# A dashboard for a projector: `make demo` serves this notebook with Voilà,
# which shows the widgets and hides the code. In JupyterLab, run all cells.
# `make demo DIR=stories/this_week` shows a folder of your own instead of the
# course's articles.

# %%
import os

import claimlab
from claimlab.demo import Dashboard

dashboard = Dashboard(claimlab.load_corpus(os.environ.get("CLAIMLAB_DEMO_DIR") or None))
dashboard

# %% tags=["test"]
# Course self-check (runs in the course's tests, never shown to students).
dashboard.explorer.set(article="presstv-idlib-2017")
assert dashboard.reader.article.value == "presstv-idlib-2017"
assert "26 people were killed" in dashboard.reader.value
dashboard.explorer.set(article="All")
