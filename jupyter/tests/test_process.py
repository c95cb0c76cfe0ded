"""R2castProcess on its own, against the binary under test (no Jupyter)."""

from __future__ import annotations

import signal
import time
from collections.abc import Iterator

import pytest

from r2cast_kernel.process import ProcessDied, R2castProcess

from support import binary


@pytest.fixture
def session() -> Iterator[R2castProcess]:
    process = R2castProcess([binary(), "protocol"])
    yield process
    process.stop(grace=1)


def test_every_request_is_closed_by_a_done(session: R2castProcess) -> None:
    records = session.request("execute", 60, code="2k * 3")
    assert [r["type"] for r in records] == ["output", "done"]
    assert records[0]["data"]["text/plain"].endswith("= 6,000 (a constant)")
    assert records[0]["error"] is False
    assert records[-1]["status"] == "ok"
    assert records[-1]["cell"] == records[0]["cell"]


def test_a_bad_request_is_answered_and_the_session_goes_on(session: R2castProcess) -> None:
    records = session.request("no_such_request", 10)
    assert records[-1]["type"] == "done"
    assert records[-1]["status"] == "error"
    assert records[-1].get("message")
    assert session.request("execute", 60, code="2k * 3")[-1]["status"] == "ok"


def test_shutdown_ends_the_process_with_status_0(session: R2castProcess) -> None:
    assert session.request("shutdown", 10)[-1]["status"] == "ok"
    with pytest.raises(ProcessDied, match="exited with status 0"):
        while session.next_record(timeout=5) is not None:
            pass


def test_end_of_input_ends_the_process(session: R2castProcess) -> None:
    session.stop(grace=5)
    assert not session.alive()
    with pytest.raises(ProcessDied, match="exited with status 0"):
        session.next_record(timeout=1)


def test_sigint_without_a_running_cell_is_ignored(session: R2castProcess) -> None:
    assert session.request("execute", 60, code="2k * 3")[-1]["status"] == "ok"  # started up
    session._proc.send_signal(signal.SIGINT)
    time.sleep(0.3)
    assert session.alive()
    assert session.request("execute", 60, code="2k * 3")[-1]["status"] == "ok"


def test_a_killed_process_is_described_not_waited_for(session: R2castProcess) -> None:
    session.kill()
    started = time.monotonic()
    with pytest.raises(ProcessDied, match="killed by SIGKILL"):
        session.request("execute", 60, code="2k * 3")
    assert time.monotonic() - started < 5


def test_a_missing_binary_is_a_clear_error(tmp_path: object) -> None:
    with pytest.raises(ProcessDied, match="cannot start"):
        R2castProcess(["/nonexistent/r2cast", "protocol"])
