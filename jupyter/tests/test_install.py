"""The kernelspec installer."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from r2cast_kernel.install import kernel_json, main


def test_kernel_json_runs_this_python_with_signal_interrupts() -> None:
    spec = kernel_json()
    assert spec["argv"] == [sys.executable, "-m", "r2cast_kernel", "-f", "{connection_file}"]
    assert spec["display_name"] == "r2cast"
    assert spec["language"] == "r2cast"
    assert spec["interrupt_mode"] == "signal"
    assert "env" not in spec


def test_install_with_a_prefix_and_a_binary(tmp_path: Path) -> None:
    binary = tmp_path / "r2cast"
    binary.write_text("#!/bin/sh\n")
    binary.chmod(0o755)
    assert main(["--prefix", str(tmp_path / "prefix"), "--binary", str(binary)]) == 0
    spec_file = tmp_path / "prefix" / "share" / "jupyter" / "kernels" / "r2cast" / "kernel.json"
    spec = json.loads(spec_file.read_text())
    assert spec["env"] == {"R2CAST_BINARY": str(binary)}
    assert spec["argv"][0] == sys.executable
