"""Install the r2cast kernelspec.

    python -m r2cast_kernel.install [--user | --sys-prefix | --prefix PREFIX] [--binary PATH]

Without a location flag the spec goes to the user's Jupyter data directory
(``--user``). ``--binary`` records the r2cast binary in the spec's ``env``
as ``R2CAST_BINARY``; without it the kernel runs ``r2cast`` from ``PATH``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from typing import Any

from jupyter_client.kernelspec import KernelSpecManager

KERNEL_NAME = "r2cast"


def kernel_json(binary: str | None = None) -> dict[str, Any]:
    """The kernelspec's kernel.json for this Python and, if given, this binary."""
    spec: dict[str, Any] = {
        "argv": [sys.executable, "-m", "r2cast_kernel", "-f", "{connection_file}"],
        "display_name": "r2cast",
        "language": "r2cast",
        "interrupt_mode": "signal",
        "metadata": {"debugger": False},
    }
    if binary:
        spec["env"] = {"R2CAST_BINARY": os.path.abspath(binary)}
    return spec


def install(*, user: bool = False, prefix: str | None = None, binary: str | None = None) -> str:
    """Install the kernelspec; the directory it went to."""
    with tempfile.TemporaryDirectory() as source:
        with open(os.path.join(source, "kernel.json"), "w", encoding="utf-8") as file:
            json.dump(kernel_json(binary), file, indent=2)
            file.write("\n")
        return KernelSpecManager().install_kernel_spec(
            source, kernel_name=KERNEL_NAME, user=user, prefix=prefix
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m r2cast_kernel.install", description="Install the r2cast Jupyter kernel."
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--user", action="store_true", help="the user's Jupyter data directory (the default)"
    )
    where.add_argument(
        "--sys-prefix", action="store_true", help="this Python environment (sys.prefix)"
    )
    where.add_argument("--prefix", metavar="PREFIX", help="PREFIX/share/jupyter/kernels")
    parser.add_argument(
        "--binary", metavar="PATH", help="the r2cast binary (else `r2cast` on PATH)"
    )
    args = parser.parse_args(argv)

    if args.binary and not os.access(args.binary, os.X_OK):
        parser.error(f"--binary {args.binary}: not an executable file")
    prefix = sys.prefix if args.sys_prefix else args.prefix
    destination = install(user=prefix is None, prefix=prefix, binary=args.binary)
    print(f"installed the r2cast kernelspec in {destination}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
