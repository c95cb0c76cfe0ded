"""One ``r2cast protocol`` child process and its JSON-lines protocol.

docs/PROTOCOL.md in the r2cast repository is the contract: one JSON request
a line on the child's standard input; records, one a line, on its standard
output, each request closed by exactly one ``done`` record with its ``id``.

Two daemon threads read the child: one parses its standard output into a
queue of records (so the kernel waits with a timeout and never blocks on a
pipe), the other copies its standard error through to the kernel's own and
keeps the last lines for the report when the child dies.
"""

from __future__ import annotations

import collections
import contextlib
import json
import os
import queue
import shutil
import signal
import subprocess
import threading
import time
from collections.abc import Callable
from typing import Any, Final

Record = dict[str, Any]

#: Lines of the child's standard error kept for a death report.
STDERR_TAIL: Final = 12

_EOF: Final = object()


class ProcessDied(Exception):
    """The r2cast process ended (or could not be started); ``str()`` says how."""


def find_binary() -> str:
    """The r2cast binary: ``$R2CAST_BINARY``, else ``r2cast`` on ``PATH``."""
    configured = os.environ.get("R2CAST_BINARY")
    if configured:
        return configured
    found = shutil.which("r2cast")
    if found is None:
        raise ProcessDied(
            "r2cast was not found: put it on PATH or set R2CAST_BINARY "
            "(`python -m r2cast_kernel.install --binary PATH` writes it into the kernelspec)"
        )
    return found


def _restore_sigint() -> None:
    """In the child before exec: SIGINT back to its default disposition.

    A Jupyter kernel ignores SIGINT outside its message handlers, and an
    ignored signal stays ignored across exec; r2cast must see SIGINT to
    cancel a running cell (docs/PROTOCOL.md).
    """
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


class R2castProcess:
    """A running ``r2cast protocol`` session.

    Args:
        argv: the command, ``[binary, "protocol", FILE...]``.
        cwd: the child's working directory (the notebook's).
        stderr_sink: where the child's standard error goes, a chunk at a time.
    """

    def __init__(
        self,
        argv: list[str],
        cwd: str | None = None,
        stderr_sink: Callable[[bytes], object] | None = None,
    ) -> None:
        self.argv = argv
        self._records: queue.Queue[Any] = queue.Queue()
        self._stderr_tail: collections.deque[str] = collections.deque(maxlen=STDERR_TAIL)
        self._stderr_sink = stderr_sink
        self._next_id = 0
        self._write_lock = threading.Lock()
        self.eof = False
        try:
            self._proc = subprocess.Popen(
                argv,
                cwd=cwd,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                preexec_fn=_restore_sigint,
            )
        except OSError as error:
            raise ProcessDied(f"cannot start {' '.join(argv)}: {error}") from error
        self._stdout_reader = threading.Thread(target=self._read_stdout, daemon=True)
        self._stderr_reader = threading.Thread(target=self._read_stderr, daemon=True)
        self._stdout_reader.start()
        self._stderr_reader.start()

    # ---- reading -----------------------------------------------------------

    def _read_stdout(self) -> None:
        assert self._proc.stdout is not None
        for line in self._proc.stdout:
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError:
                self._note(b"r2cast_kernel: not a JSON record: " + line)
                continue
            if isinstance(record, dict):
                self._records.put(record)
            else:
                self._note(b"r2cast_kernel: not a JSON object: " + line)
        self._records.put(_EOF)

    def _read_stderr(self) -> None:
        assert self._proc.stderr is not None
        for line in self._proc.stderr:
            self._stderr_tail.append(line.decode("utf-8", "replace").rstrip())
            self._note(line)

    def _note(self, data: bytes) -> None:
        if self._stderr_sink is not None:
            with contextlib.suppress(Exception):  # a log that fails must not stop the reader
                self._stderr_sink(data)

    @property
    def pid(self) -> int:
        return self._proc.pid

    def alive(self) -> bool:
        """Whether the child still runs and its standard output is open."""
        return not self.eof and self._proc.poll() is None

    def next_record(self, timeout: float) -> Record | None:
        """The next record, or ``None`` when none came within ``timeout`` seconds.

        Raises:
            ProcessDied: the child closed its standard output (it exited).
        """
        if self.eof:
            raise ProcessDied(self.describe_death())
        try:
            item = self._records.get(timeout=timeout)
        except queue.Empty:
            return None
        if item is _EOF:
            self.eof = True
            raise ProcessDied(self.describe_death())
        record: Record = item
        return record

    # ---- writing -----------------------------------------------------------

    def send(self, type_: str, **members: Any) -> int:
        """Send one request; its ``id``.

        Raises:
            ProcessDied: the child no longer reads its standard input.
        """
        with self._write_lock:
            self._next_id += 1
            request_id = self._next_id
            line = json.dumps({"id": request_id, "type": type_, **members}) + "\n"
            assert self._proc.stdin is not None
            try:
                self._proc.stdin.write(line.encode("utf-8"))
                self._proc.stdin.flush()
            except (BrokenPipeError, ValueError, OSError) as error:
                self.eof = True
                raise ProcessDied(self.describe_death()) from error
        return request_id

    def request(self, type_: str, timeout: float, **members: Any) -> list[Record]:
        """Send a request and collect its records up to and with its ``done``.

        Records of other requests are dropped. When ``timeout`` seconds pass
        first, the records so far are returned (without a ``done``).
        """
        request_id = self.send(type_, **members)
        deadline = time.monotonic() + timeout
        records: list[Record] = []
        while (left := deadline - time.monotonic()) > 0:
            record = self.next_record(timeout=left)
            if record is None or record.get("id") != request_id:
                continue
            records.append(record)
            if record.get("type") == "done":
                break
        return records

    # ---- ending ------------------------------------------------------------

    def describe_death(self) -> str:
        """How the child ended: its exit status and the last lines of its stderr."""
        try:
            status = self._proc.wait(timeout=2)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            status = self._proc.wait()
            how = "closed its standard output and was stopped"
        else:
            if status < 0:
                how = f"was killed by {_signal_name(-status)}"
            else:
                how = f"exited with status {status}"
        self._stderr_reader.join(timeout=1)
        lines = [f"r2cast {how}."]
        if self._stderr_tail:
            lines.append("Its last lines on standard error:")
            lines.extend(f"    {line}" for line in self._stderr_tail)
        return "\n".join(lines)

    def stop(self, grace: float = 2.0) -> None:
        """Ask the session to shut down, wait ``grace`` seconds, then kill it."""
        if self._proc.poll() is None:
            with contextlib.suppress(ProcessDied):
                self.request("shutdown", timeout=grace)
            try:
                self._proc.wait(timeout=grace)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
        if self._proc.stdin is not None:
            with contextlib.suppress(OSError):
                self._proc.stdin.close()

    def kill(self) -> None:
        """Stop the child at once."""
        if self._proc.poll() is None:
            self._proc.kill()
            self._proc.wait()
