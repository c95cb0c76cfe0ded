"""The Jupyter kernel: every cell goes to one ``r2cast protocol`` session.

How records become Jupyter messages (docs/PROTOCOL.md has the records):

* An ``output`` record's MIME bundle is sent as it is, except that
  ``application/json`` travels as :data:`JSON_MIME`: JupyterLab ranks its
  JSON tree viewer above every other renderer, so under its own name the
  JSON would hide the text, the chart and the table. The JSON stays in the
  notebook for programs.
* A chart (``image/svg+xml``) goes out at once as ``display_data``, as a
  plot does in IPython. The last other output of a cell that succeeds is its
  ``execute_result`` (``Out[n]``); earlier ones are ``display_data``. The
  held output waits only for the next record.
* Outputs flagged ``error`` are diagnostics. When the cell fails (``done``
  with status ``error``), those that close the cell become one ``error``
  message (ename ``r2cast``, the rendered diagnostic as the traceback), which
  JupyterLab shows like an exception, which nbclient and ``jupyter execute``
  report, and after which a "Run All" stops. Diagnostics of a cell that goes
  on, and those followed by more output, are a ``stderr`` stream, in order.
* A cancelled cell (an interrupt) ends with an ``error`` message and reply
  of ename ``KeyboardInterrupt``, as in IPython, so queued cells stop too;
  the r2cast session and its cells are kept.
* Completion offsets pass through unchanged: Jupyter and the protocol both
  count Unicode code points.
* The kernel's execution count follows r2cast's cell numbers, so the
  ``In [n]`` a cell shows is the ``n`` of r2cast's ``_n``.
* When the r2cast process has died, the cell gets an ``error`` saying so
  (exit status, last lines of its standard error); the next cell starts a
  new session.
"""

from __future__ import annotations

import contextlib
import math
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Final

from ipykernel.kernelbase import Kernel

from . import __version__
from .process import ProcessDied, R2castProcess, Record, find_binary

#: The MIME type that carries r2cast's ``application/json`` (see the module doc).
JSON_MIME: Final = "application/vnd.r2cast+json"
SVG_MIME: Final = "image/svg+xml"

#: Seconds r2cast has to close a cell after an interrupt before it is killed.
INTERRUPT_GRACE: Final = 10.0
#: Seconds a completion or is_complete request may take.
QUERY_TIMEOUT: Final = 5.0
#: Seconds between checks for an interrupt while a cell runs.
POLL: Final = 0.1

RESTART_NOTE: Final = (
    "The next cell starts a new r2cast session: earlier cells, scenarios and names are gone."
)


def _kernel_stderr_fd() -> int:
    """The kernel's own standard error, not the copy ipykernel forwards to the notebook."""
    for stream in (sys.stderr, sys.__stderr__):
        if stream is None:
            continue
        try:
            return stream.fileno()  # ipykernel's OutStream answers its original fd
        except (AttributeError, OSError, ValueError):
            continue
    return 2


def _binary_version(binary: str) -> str:
    try:
        done = subprocess.run(
            [binary, "--version"], capture_output=True, text=True, timeout=5, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


@contextlib.contextmanager
def _sigint_sets(event: threading.Event) -> Iterator[None]:
    """While inside, SIGINT sets ``event`` instead of raising KeyboardInterrupt.

    A KeyboardInterrupt raised at an arbitrary point could drop a record
    between the queue and the frontend; a flag checked every :data:`POLL`
    seconds cannot. Signal handlers can only be set in the main thread; in
    another, r2cast still gets the SIGINT itself (it shares the kernel's
    process group) and cancels the cell.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, lambda _signum, _frame: event.set())
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _bundle(data: Any) -> dict[str, Any]:
    """A record's MIME bundle as it goes to the frontend."""
    bundle = dict(data) if isinstance(data, dict) else {}
    if "application/json" in bundle:
        bundle[JSON_MIME] = bundle.pop("application/json")
    if not isinstance(bundle.get("text/plain"), str):
        bundle["text/plain"] = ""
    return bundle


def _first_line(text: str) -> str:
    line = next((line for line in text.splitlines() if line.strip()), "")
    return line.removeprefix("error: ").strip()


@dataclass
class _Cell:
    """What a running cell has received and not yet sent on."""

    silent: bool
    result: dict[str, Any] | None = None  # the last plain output, held back
    errors: list[str] = field(default_factory=list)  # diagnostics after it


class R2castKernel(Kernel):
    """A wrapper kernel for r2cast, the scenario-forecasting notebook."""

    implementation = "r2cast_kernel"
    implementation_version = __version__
    language = "r2cast"
    banner = "r2cast: scenario forecasts of DeepSeek's R2. `:help` lists everything."
    language_info: dict[str, Any] = {
        "name": "r2cast",
        "version": "",
        "mimetype": "text/x-r2cast",
        "file_extension": ".r2s",
        "pygments_lexer": "text",
    }

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._stderr_fd = _kernel_stderr_fd()
        self._r2: R2castProcess | None = None
        with contextlib.suppress(ProcessDied):
            self._r2 = self._start()
            self.language_info = {
                **self.language_info,
                "version": _binary_version(self._r2.argv[0]),
            }

    # ---- the r2cast process ------------------------------------------------

    def _start(self) -> R2castProcess:
        return R2castProcess(
            [find_binary(), "protocol"],
            cwd=os.getcwd(),
            stderr_sink=lambda data: os.write(self._stderr_fd, data),
        )

    def _session(self) -> R2castProcess:
        """The running session; a new one if there is none.

        Raises:
            ProcessDied: the session died since the last cell (said once), or
                r2cast cannot be started.
        """
        if self._r2 is not None and not self._r2.alive():
            dead, self._r2 = self._r2, None
            raise ProcessDied(f"{dead.describe_death()}\n{RESTART_NOTE}")
        if self._r2 is None:
            self._r2 = self._start()
        return self._r2

    def _live_session(self) -> R2castProcess | None:
        """The running session for a side request, or None (a death is left for the next cell)."""
        if self._r2 is None:
            with contextlib.suppress(ProcessDied):
                self._r2 = self._start()
        return self._r2 if self._r2 is not None and self._r2.alive() else None

    # ---- execute -----------------------------------------------------------

    async def do_execute(  # type: ignore[override]
        self,
        code: str,
        silent: bool,
        store_history: bool = True,
        user_expressions: dict[str, Any] | None = None,
        allow_stdin: bool = False,
    ) -> dict[str, Any]:
        cell = _Cell(silent=silent)
        try:
            session = self._session()
            request_id = session.send("execute", code=code)
            done = self._wait(session, request_id, cell)
        except ProcessDied as death:
            if self._r2 is not None and not self._r2.alive():
                self._r2 = None
                message = f"{death}\n{RESTART_NOTE}"
            else:
                message = str(death)
            self._flush(cell)
            return self._fail(cell, "r2cast", _first_line(message), message.splitlines())

        number = done.get("cell")
        if isinstance(number, int) and not silent:
            self.execution_count = number
        status = done.get("status")
        if status == "ok":
            if cell.result is not None and not cell.errors:
                self._send(
                    cell,
                    "execute_result",
                    {"data": cell.result, "metadata": {}, "execution_count": self.execution_count},
                )
                cell.result = None
            self._flush(cell)
            return {
                "status": "ok",
                "execution_count": self.execution_count,
                "payload": [],
                "user_expressions": {},
            }
        diagnostics, cell.errors = cell.errors, []  # they close the cell: into its error
        self._flush(cell)
        if status == "cancelled":
            return self._fail(
                cell,
                "KeyboardInterrupt",
                "the cell was cancelled",
                [
                    *diagnostics,
                    "KeyboardInterrupt: the cell was cancelled; "
                    "the r2cast session and its earlier cells are kept.",
                ],
            )
        # "error", or a status this kernel does not know
        text = "\n".join(diagnostics) or str(done.get("message") or f"the cell failed ({status})")
        return self._fail(cell, "r2cast", _first_line(text), text.splitlines())

    def _wait(self, session: R2castProcess, request_id: int, cell: _Cell) -> Record:
        """Pass the cell's outputs on until its ``done``; interrupts become requests."""
        interrupted = threading.Event()
        interrupt_id: int | None = None
        interrupt_answered = False
        deadline = math.inf
        while True:
            try:
                with _sigint_sets(interrupted):
                    while True:
                        if interrupted.is_set() and interrupt_id is None:
                            interrupt_id = session.send("interrupt")
                            deadline = time.monotonic() + INTERRUPT_GRACE
                        if time.monotonic() > deadline:
                            session.kill()
                            raise ProcessDied(
                                f"r2cast did not answer an interrupt within "
                                f"{INTERRUPT_GRACE:g} s and was stopped.\n"
                                f"{session.describe_death()}"
                            )
                        record = session.next_record(timeout=POLL)
                        if record is None:
                            continue
                        if interrupt_id is not None and record.get("id") == interrupt_id:
                            interrupt_answered = record.get("type") == "done"
                        if record.get("id") != request_id:
                            continue
                        if record.get("type") == "output":
                            self._output(cell, record)
                        elif record.get("type") == "done":
                            if interrupt_id is not None and not interrupt_answered:
                                self._await_done(session, interrupt_id)
                            return record
            except KeyboardInterrupt:  # SIGINT before or after the handler above
                interrupted.set()

    @staticmethod
    def _await_done(session: R2castProcess, request_id: int, timeout: float = 2.0) -> None:
        """Wait briefly for an interrupt's own ``done``, so it cannot reach the next cell."""
        deadline = time.monotonic() + timeout
        with contextlib.suppress(ProcessDied):
            while (left := deadline - time.monotonic()) > 0:
                record = session.next_record(timeout=left)
                if record and record.get("id") == request_id and record.get("type") == "done":
                    return

    # ---- sending outputs -----------------------------------------------------

    def _output(self, cell: _Cell, record: Record) -> None:
        data = _bundle(record.get("data"))
        if record.get("error"):
            cell.errors.append(data["text/plain"])
            return
        self._flush(cell)
        if SVG_MIME in data:
            self._send(cell, "display_data", {"data": data, "metadata": {}})
        else:
            cell.result = data

    def _flush(self, cell: _Cell) -> None:
        """Send what the cell holds back: its last output, then its diagnostics."""
        if cell.result is not None:
            self._send(cell, "display_data", {"data": cell.result, "metadata": {}})
            cell.result = None
        if cell.errors:
            text = "\n".join(error.rstrip("\n") for error in cell.errors) + "\n"
            self._send(cell, "stream", {"name": "stderr", "text": text})
            cell.errors = []

    def _send(self, cell: _Cell, msg_type: str, content: dict[str, Any]) -> None:
        if not cell.silent:
            self.send_response(self.iopub_socket, msg_type, content)

    def _fail(self, cell: _Cell, ename: str, evalue: str, traceback: list[str]) -> dict[str, Any]:
        """Send an ``error`` output; the matching execute reply."""
        error = {"ename": ename, "evalue": evalue, "traceback": traceback}
        self._send(cell, "error", error)
        return {"status": "error", "execution_count": self.execution_count, **error}

    # ---- completion --------------------------------------------------------

    async def do_complete(self, code: str, cursor_pos: int | None) -> dict[str, Any]:
        cursor = len(code) if cursor_pos is None else cursor_pos
        reply: dict[str, Any] = {
            "status": "ok",
            "matches": [],
            "cursor_start": cursor,
            "cursor_end": cursor,
            "metadata": {},
        }
        session = self._live_session()
        if session is None:
            return reply
        try:
            # Both count Unicode code points (docs/PROTOCOL.md), as Python indexes a str.
            records = session.request("complete", QUERY_TIMEOUT, code=code, cursor=cursor)
        except ProcessDied:
            return reply
        for record in records:
            if record.get("type") == "completion":
                reply["matches"] = [m for m in record.get("matches", []) if isinstance(m, str)]
                start, end = record.get("cursor_start"), record.get("cursor_end")
                if isinstance(start, int) and isinstance(end, int):
                    reply["cursor_start"], reply["cursor_end"] = start, end
        return reply

    async def do_is_complete(self, code: str) -> dict[str, Any]:
        session = self._live_session()
        if session is None:
            return {"status": "unknown"}
        try:
            records = session.request("is_complete", QUERY_TIMEOUT, code=code)
        except ProcessDied:
            return {"status": "unknown"}
        for record in records:
            if record.get("type") == "is_complete":
                status = record.get("status")
                if status == "incomplete":
                    return {"status": "incomplete", "indent": str(record.get("indent") or "")}
                if status in ("complete", "invalid"):
                    return {"status": status}
        return {"status": "unknown"}

    # ---- shutdown ----------------------------------------------------------

    async def do_shutdown(self, restart: bool) -> dict[str, Any]:
        if self._r2 is not None:
            self._r2.stop()
            self._r2 = None
        return {"status": "ok", "restart": restart}
