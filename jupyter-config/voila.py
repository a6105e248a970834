"""Voila settings for `make demo` and `make annotate` (the Makefile puts this folder on JUPYTER_CONFIG_PATH).

Kernels are reached through Unix sockets in a private temporary folder instead of TCP ports on
127.0.0.1 that every user of a shared machine can reach (see jupyter_server_config.py).
"""

import os

c = get_config()  # noqa: F821 (provided by the Jupyter config loader)

if os.name == "posix":
    c.KernelManager.transport = "ipc"
