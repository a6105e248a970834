"""Voila settings for `make demo` and `make annotate` (the Makefile puts this folder on JUPYTER_CONFIG_PATH).

Kernels are reached through Unix sockets in a private temporary folder instead of TCP ports on
127.0.0.1 that every user of a shared machine can reach (see jupyter_server_config.py).
"""

import os

c = get_config()  # noqa: F821 (provided by the Jupyter config loader)

if os.name == "posix":
    c.KernelManager.transport = "ipc"

# The course's template (jupyter-data/voila/templates/claimlab): Voila's "lab" template without its
# Font Awesome links to a CDN, so the page works offline.  Voila looks templates up on the Jupyter data
# path, which it reads after this file: the folder is added to it here, beside this configuration.
_DATA = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "jupyter-data")
if os.path.isdir(os.path.join(_DATA, "voila", "templates", "claimlab")):
    os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [_DATA, os.environ.get("JUPYTER_PATH")]))
    c.VoilaConfiguration.template = "claimlab"
