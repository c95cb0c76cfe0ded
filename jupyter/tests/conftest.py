"""Test set-up: the binary under test and an isolated Jupyter.

The binary under test is ``$R2CAST_BINARY`` (scripts/jupyter-test.sh sets it),
else the protocol fake beside this file. Jupyter is kept away from the
user's own directories; when ``JUPYTER_PATH`` is not set, the r2cast
kernelspec is installed into a temporary one.
"""

from __future__ import annotations

import os
import tempfile

import pytest

from support import FAKE, binary, is_fake


def pytest_configure(config: pytest.Config) -> None:
    os.environ.setdefault("R2CAST_BINARY", str(FAKE))
    scratch = tempfile.mkdtemp(prefix="r2cast-kernel-tests-")
    for variable, folder in [
        ("JUPYTER_CONFIG_DIR", "config"),
        ("JUPYTER_DATA_DIR", "data"),
        ("JUPYTER_RUNTIME_DIR", "runtime"),
        ("IPYTHONDIR", "ipython"),
    ]:
        os.environ.setdefault(variable, os.path.join(scratch, folder))
    if "JUPYTER_PATH" not in os.environ:
        from r2cast_kernel.install import install

        install(prefix=os.path.join(scratch, "prefix"), binary=binary())
        os.environ["JUPYTER_PATH"] = os.path.join(scratch, "prefix", "share", "jupyter")


def pytest_report_header(config: pytest.Config) -> str:
    return f"r2cast binary: {binary()}{' (the protocol fake)' if is_fake() else ''}"
