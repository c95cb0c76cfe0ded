"""Constants and helpers shared by the kernel's tests."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from jupyter_client.blocking.client import BlockingKernelClient

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent.parent
FAKE = TESTS / "fake_r2cast.py"
BASELINE = REPO / "scenarios" / "baseline.r2s"
EXAMPLE = TESTS.parent / "examples" / "baseline.ipynb"

#: Seconds one cell may take: a debug build loads the baseline in ~5 s alone.
CELL_TIMEOUT = 120


def binary() -> str:
    """The r2cast binary under test: ``$R2CAST_BINARY``, else the fake."""
    return os.environ.get("R2CAST_BINARY") or str(FAKE)


def is_fake() -> bool:
    return Path(binary()).name == FAKE.name


Message = dict[str, Any]


def run(
    client: BlockingKernelClient, code: str, timeout: float = CELL_TIMEOUT
) -> tuple[Message, list[Message]]:
    """Execute ``code``; its reply and its output messages (iopub, without status).

    ``stop_on_error`` is off: after a failing cell ipykernel aborts the
    execute requests that reach it before it has finished aborting its queue,
    and a test sends its next cell the moment the reply arrives.
    """
    outputs: list[Message] = []

    def keep(message: Message) -> None:
        if message["msg_type"] in ("stream", "display_data", "execute_result", "error"):
            outputs.append(message)

    reply = client.execute_interactive(code, timeout=timeout, output_hook=keep, stop_on_error=False)
    return reply, outputs


def plain_text(outputs: list[Message]) -> str:
    """All the text of some output messages, for assertions."""
    parts: list[str] = []
    for message in outputs:
        content = message["content"]
        if "data" in content:
            parts.append(content["data"].get("text/plain", ""))
        elif "text" in content:
            parts.append(content["text"])
        elif "traceback" in content:
            parts.extend(content["traceback"])
    return "\n".join(parts)
