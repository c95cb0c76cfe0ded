"""One kernel through interrupts and the death of its r2cast process."""

from __future__ import annotations

import signal
import time
from collections.abc import Iterator

import psutil
import pytest
from jupyter_client.blocking.client import BlockingKernelClient
from jupyter_client.manager import KernelManager, start_new_kernel

from support import BASELINE, CELL_TIMEOUT, binary, is_fake, plain_text, run

Kernel = tuple[KernelManager, BlockingKernelClient]


@pytest.fixture(scope="module")
def kernel() -> Iterator[Kernel]:
    manager, client = start_new_kernel(kernel_name="r2cast", startup_timeout=60)
    yield manager, client
    client.stop_channels()
    manager.shutdown_kernel(now=True)


def r2cast_child(manager: KernelManager) -> psutil.Process:
    """The kernel's r2cast process."""
    assert manager.provisioner is not None
    kernel = psutil.Process(manager.provisioner.pid)  # type: ignore[attr-defined]
    children = [p for p in kernel.children() if "protocol" in p.cmdline()]
    assert len(children) == 1, children
    return children[0]


def test_interrupt_cancels_the_cell_and_keeps_the_session(kernel: Kernel) -> None:
    manager, client = kernel
    assert run(client, f":load {BASELINE}")[0]["content"]["status"] == "ok"
    reply, _ = run(client, "2k * 3")
    earlier = reply["content"]["execution_count"]
    assert run(client, ":set trials 50M")[0]["content"]["status"] == "ok"

    msg_id = client.execute("forecast", stop_on_error=False)  # see support.run
    time.sleep(1.5)
    started = time.monotonic()
    manager.interrupt_kernel()
    reply = client.get_shell_msg(timeout=CELL_TIMEOUT)
    took = time.monotonic() - started
    assert reply["parent_header"]["msg_id"] == msg_id
    assert took < 10, f"the interrupted cell took {took:.1f} s to end"
    assert reply["content"]["status"] == "error"
    assert reply["content"]["ename"] == "KeyboardInterrupt"

    assert run(client, ":set trials 20k")[0]["content"]["status"] == "ok"
    reply, outputs = run(client, f"_{earlier}")
    assert reply["content"]["status"] == "ok"
    assert "6,000" in plain_text(outputs)
    reply, outputs = run(client, ":cells")
    assert reply["content"]["status"] == "ok"
    assert "2k * 3" in plain_text(outputs)


def test_an_interrupt_between_cells_is_harmless(kernel: Kernel) -> None:
    manager, client = kernel
    child = r2cast_child(manager)
    manager.interrupt_kernel()
    time.sleep(0.5)
    reply, outputs = run(client, "2k * 3")
    assert reply["content"]["status"] == "ok"
    assert "6,000" in plain_text(outputs)
    assert r2cast_child(manager).pid == child.pid


def test_quit_ends_the_session_and_the_next_cell_says_so(kernel: Kernel) -> None:
    _, client = kernel
    run(client, ":quit", timeout=30)
    reply, outputs = run(client, "2k * 3", timeout=30)
    assert reply["content"]["status"] == "error"
    assert "exited with status 0" in plain_text(outputs)
    assert "new r2cast session" in plain_text(outputs)
    reply, outputs = run(client, "2k * 3", timeout=30)  # a new session
    assert reply["content"]["status"] == "ok"
    assert "6,000" in plain_text(outputs)


def test_a_killed_process_is_reported_not_waited_for(kernel: Kernel) -> None:
    manager, client = kernel
    r2cast_child(manager).send_signal(signal.SIGKILL)
    started = time.monotonic()
    reply, outputs = run(client, "2k * 3", timeout=30)
    assert time.monotonic() - started < 10
    assert reply["content"]["status"] == "error"
    assert "killed by SIGKILL" in plain_text(outputs)
    reply, _ = run(client, "2k * 3", timeout=30)
    assert reply["content"]["status"] == "ok"


@pytest.mark.skipif(not is_fake(), reason="`crash` is the fake's")
def test_a_death_during_a_cell_shows_the_exit_status_and_stderr(kernel: Kernel) -> None:
    _, client = kernel
    reply, outputs = run(client, "crash", timeout=30)
    assert reply["content"]["status"] == "error"
    text = plain_text(outputs)
    assert "exited with status 3" in text
    assert "crashing on purpose" in text
    assert run(client, "2k * 3", timeout=30)[0]["content"]["status"] == "ok"


def test_the_session_runs_the_binary_under_test(kernel: Kernel) -> None:
    manager, _ = kernel
    assert binary() in r2cast_child(manager).cmdline()
