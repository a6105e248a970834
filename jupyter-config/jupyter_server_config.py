"""Server settings for the course, read by `make lab` and `make demo` (the Makefile puts this folder on
JUPYTER_CONFIG_PATH, which adds to your own Jupyter configuration rather than replacing it).

Nothing here is needed to run the course; it keeps the first start quiet and private:
no request to the internet for Jupyter news or a newer JupyterLab, no question about them over
lesson 01, and kernels that talk to the server through files only you can open instead of
network ports on 127.0.0.1 that every user of a shared machine can reach.
"""

import os
from pathlib import Path

c = get_config()  # noqa: F821 (provided by the Jupyter config loader)

# The server side of news and update checks: nothing is fetched.
c.LabApp.news_url = None
c.LabApp.check_for_updates_class = "jupyterlab.NeverCheckForUpdate"
# The browser side: lab-settings/overrides.json answers "Never" to "Would you like to get
# notified about official Jupyter news?", so that question does not cover lesson 01.
# (Your own choices in Settings still win over these defaults.)
c.LabApp.app_settings_dir = str(Path(__file__).resolve().parent / "lab-settings")

# notebook_shim (installed with JupyterLab) reads every attribute of the server once at start,
# including the deprecated ServerApp.token, which then prints a DeprecationWarning although the
# course never sets it (the token comes from JUPYTER_TOKEN, read by IdentityProvider).  Voila's
# import switches traitlets' deprecation warnings on for the whole process; it is imported here
# with that switch undone, so Python's default (deprecations in libraries are not shown) stays.
# Errors and the server's own warnings are untouched.
import warnings  # noqa: E402

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    try:
        import voila  # noqa: F401
    except ImportError:
        pass
warnings.filterwarnings("ignore", message="ServerApp.token config is deprecated", category=DeprecationWarning)

# Kernels reached through Unix sockets in Jupyter's runtime folder (mode 700), not TCP ports:
# other users of the machine cannot connect, and ipykernel has no reason to warn
# "Kernel is running over TCP without encryption".  (Windows has no such sockets.)
if os.name == "posix":
    c.KernelManager.transport = "ipc"
