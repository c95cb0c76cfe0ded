#!/usr/bin/env python3
"""A stand-in for ``r2cast protocol`` (docs/PROTOCOL.md), for the kernel's tests.

It speaks the protocol exactly, with a toy language just rich enough for the
tests: ``2k * 3``-style arithmetic, ``:load FILE`` (scenario names from its
``scenario NAME`` lines), ``forecast``, ``hist release`` (an SVG), ``compare A B``
(a markdown table), ``p(...)``, ``_`` and ``_N``, ``:cells``, ``:set trials N``,
``:quit``. A ``forecast`` at 10M trials or more, and ``slow``, run for 30 s
unless cancelled by an ``interrupt`` request or SIGINT. Only here: ``warn``
(a diagnostic in a cell that succeeds) and ``crash`` (exit 3 at once, after a
line on standard error).

Usage: ``fake_r2cast.py protocol [FILE...]``; also ``--version``.
"""

from __future__ import annotations

import json
import re
import signal
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

VERSION = "0.0.0-fake"
KEYWORDS = [
    "forecast",
    "fleet",
    "fail",
    "fan",
    "hist",
    "compare",
    "scenario",
    "observe",
    "explain",
    "export",
    "expect",
    "sensitivity",
    "p",
    "mean",
    "trace",
    "plot",
    ":load",
    ":cells",
    ":set",
    ":quit",
    ":help",
    ":lets",
]
SLOW_SECONDS = 30.0


class CellFailed(Exception):
    """A statement failed; the message is its diagnostic."""


@dataclass
class Cell:
    number: int
    code: str
    texts: list[str] = field(default_factory=list)


class Session:
    def __init__(self) -> None:
        self.out_lock = threading.Lock()
        self.cells: list[Cell] = []
        self.scenarios: list[str] = []
        self.trials = 20_000
        self.cancel: threading.Event | None = None  # the running execute's
        self.cancel_lock = threading.Lock()

    # ---- records -------------------------------------------------------------

    def write(self, record: dict[str, Any]) -> None:
        with self.out_lock:
            sys.stdout.write(json.dumps(record) + "\n")
            sys.stdout.flush()

    def done(self, request_id: Any, status: str = "ok", **members: Any) -> None:
        self.write({"type": "done", "id": request_id, "status": status, **members})

    def output(
        self, request_id: Any, cell: Cell, data: dict[str, Any], error: bool = False
    ) -> None:
        cell.texts.append(data["text/plain"])
        self.write(
            {"type": "output", "id": request_id, "cell": cell.number, "error": error, "data": data}
        )

    # ---- interrupts ----------------------------------------------------------

    def interrupt(self) -> None:
        """Cancel the running execute, if any; nothing otherwise (not sticky)."""
        with self.cancel_lock:
            if self.cancel is not None:
                self.cancel.set()

    # ---- requests ------------------------------------------------------------

    def handle(self, request: Any) -> bool:
        """Answer one request; False when the session ends."""
        if not isinstance(request, dict):
            self.done(None, "error", message="a request is a JSON object")
            return True
        request_id = request.get("id")
        kind = request.get("type")
        if kind == "execute":
            return self.execute(request_id, str(request.get("code", "")))
        if kind == "complete":
            self.complete(request_id, str(request.get("code", "")), request.get("cursor"))
        elif kind == "is_complete":
            self.write(
                {
                    "type": "is_complete",
                    "id": request_id,
                    **is_complete(str(request.get("code", ""))),
                }
            )
            self.done(request_id)
        elif kind == "shutdown":
            self.done(request_id)
            return False
        else:
            self.done(request_id, "error", message=f"unknown request type {kind!r}")
        return True

    def complete(self, request_id: Any, code: str, cursor: Any) -> None:
        # Offsets count code points, as Python indexes a str.
        end = len(code) if not isinstance(cursor, int) else max(0, min(cursor, len(code)))
        start = end
        while start > 0 and re.fullmatch(r"[\w:]", code[start - 1]):
            start -= 1
        word = code[start:end]
        words = KEYWORDS + self.scenarios
        matches = sorted(w for w in words if word and w.startswith(word))
        self.write(
            {
                "type": "completion",
                "id": request_id,
                "matches": matches,
                "cursor_start": start,
                "cursor_end": end,
            }
        )
        self.done(request_id)

    def execute(self, request_id: Any, code: str) -> bool:
        cell = Cell(len(self.cells) + 1, code)
        self.cells.append(cell)
        with self.cancel_lock:
            self.cancel = threading.Event()
        try:
            for statement in statements(code):
                if statement == ":quit":
                    self.done(request_id)
                    return False
                if self.cancel.is_set() or not self.statement(request_id, cell, statement):
                    # as r2cast does: a diagnostic `cancelled`, then the status
                    self.output(request_id, cell, {"text/plain": "cancelled"}, error=True)
                    self.done(request_id, "cancelled", cell=cell.number)
                    return True
        except CellFailed as failure:
            diagnostic = f"error: {failure}\n --> In[{cell.number}]"
            self.output(request_id, cell, {"text/plain": diagnostic}, error=True)
            self.done(request_id, "error", cell=cell.number)
            return True
        finally:
            with self.cancel_lock:
                self.cancel = None
        self.done(request_id, cell=cell.number)
        return True

    def statement(self, request_id: Any, cell: Cell, text: str) -> bool:
        """Run one statement; False when it was cancelled."""
        assert self.cancel is not None

        def say(data: dict[str, Any], error: bool = False) -> None:
            self.output(request_id, cell, data, error)

        if text == "slow" or (text == "forecast" and self.trials >= 10_000_000):
            return not self.cancel.wait(SLOW_SECONDS)
        if text == "crash":
            sys.stderr.write("fake_r2cast: crashing on purpose\n")
            sys.stderr.flush()
            sys.exit(3)
        if text == "warn":
            say({"text/plain": "warning: this is only a warning"}, error=True)
        elif match := re.fullmatch(r":load\s+(\S+)", text):
            self.load(match.group(1), say)
        elif match := re.fullmatch(r":set\s+trials\s+(\S+)", text):
            self.trials = int(quantity(match.group(1)))
            say({"text/plain": f"trials {self.trials:,}"})
        elif text == ":cells":
            listed = [
                f"   [{c.number}]  {(c.code.splitlines() or [''])[0]}" for c in self.cells[:-1]
            ]
            say({"text/plain": "\n".join(listed)})
        elif match := re.fullmatch(r"_(\d*)", text):
            number = int(match.group(1)) if match.group(1) else len(self.cells) - 1
            if not 1 <= number < len(self.cells):
                raise CellFailed(f"no cell {number}")
            say({"text/plain": "\n".join(self.cells[number - 1].texts)})
        elif text == "forecast":
            name = self.scenario()
            say(
                {
                    "text/plain": f"Forecast for {name}  ({self.trials:,} trials, seed 1)\n"
                    "Flagship    median 2026-03-27   80%: 2025-10-20 .. 2026-11-13",
                    "application/json": {"query": "forecast", "scenario": name},
                }
            )
        elif text == "hist release":
            name = self.scenario()
            svg = (
                '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40">'
                '<rect x="10" y="10" width="20" height="30"/></svg>'
            )
            say(
                {
                    "text/plain": f"Release dates, {name}: a histogram",
                    "image/svg+xml": svg,
                    "application/json": {"query": "hist", "scenario": name},
                }
            )
        elif match := re.fullmatch(r"compare\s+(\w+)[\s,]+(\w+)", text):
            a, b = match.groups()
            for name in (a, b):
                if name not in self.scenarios:
                    raise CellFailed(f"unknown scenario `{name}`")
            say(
                {
                    "text/plain": f"Compare {a}, {b}\nmedian release  2026-03-27  2026-03-26",
                    "text/markdown": f"| | {a} | {b} |\n|---|---|---|\n"
                    "| median release | 2026-03-27 | 2026-03-26 |",
                    "application/json": {"query": "compare", "scenarios": [a, b]},
                }
            )
        elif match := re.fullmatch(r"p\((.+)\)", text):
            self.scenario()
            say(
                {
                    "text/plain": f"p({match.group(1)}) = 73.6% (±1.03%)",
                    "application/json": {"query": "metric", "value": 0.736},
                }
            )
        elif re.fullmatch(r"[\d.kM\s()+\-*/]+", text):
            try:
                value = eval(
                    re.sub(r"([\d.]+)([kM])", lambda m: f"({quantity(m.group(0))})", text),
                    {"__builtins__": {}},
                )
            except (SyntaxError, ZeroDivisionError) as error:
                raise CellFailed(f"cannot evaluate `{text}`: {error}") from None
            shown = f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"
            value = int(value) if float(value).is_integer() else value
            say(
                {
                    "text/plain": f"{text} = {shown} (a constant)",
                    "application/json": {"query": "value", "value": value},
                }
            )
        else:
            raise CellFailed(f"unknown statement `{text.split()[0]}`")
        return True

    def load(self, path: str, say: Callable[[dict[str, Any]], None]) -> None:
        try:
            with open(path.strip('"'), encoding="utf-8") as file:
                lines = file.read().splitlines()
        except OSError as error:
            raise CellFailed(f"cannot read {path}: {error.strerror}") from None
        names = [m.group(1) for line in lines if (m := re.match(r"scenario\s+(\w+)", line))]
        self.scenarios += [n for n in names if n not in self.scenarios]
        say({"text/plain": f"loaded {path}: {len(lines)} lines, scenarios {', '.join(names)}"})

    def scenario(self) -> str:
        if not self.scenarios:
            raise CellFailed("no scenario: `:load FILE` or `scenario NAME` first")
        return self.scenarios[-1]


def quantity(text: str) -> float:
    scale = {"k": 1e3, "M": 1e6}.get(text[-1], 1.0)
    return float(text.rstrip("kM")) * scale


def statements(code: str) -> list[str]:
    """A cell's statements: its lines, a line ending in an operator joined to the next."""
    out: list[str] = []
    pending = ""
    for line in code.splitlines():
        line = (pending + " " + line.strip()).strip() if pending else line.strip()
        if not line or line.startswith("#"):
            continue
        if re.search(r"[+\-*/,(]$", line):
            pending = line
            continue
        pending = ""
        out.append(line)
    if pending:
        out.append(pending)
    return out


def is_complete(code: str) -> dict[str, str]:
    text = code.rstrip()
    depth = text.count("(") - text.count(")")
    if depth < 0:
        return {"status": "invalid"}
    if depth > 0 or re.search(r"[+\-*/,(]$", text):
        return {"status": "incomplete", "indent": "  "}
    return {"status": "complete"}


def main(argv: list[str]) -> int:
    if argv[:1] == ["--version"]:
        print(VERSION)
        return 0
    if argv[:1] != ["protocol"]:
        print("usage: fake_r2cast.py protocol [FILE...]", file=sys.stderr)
        return 2
    session = Session()
    signal.signal(signal.SIGINT, lambda _s, _f: session.interrupt())
    print(f"fake_r2cast {VERSION}: protocol session", file=sys.stderr, flush=True)

    # Requests are read in a thread so that `interrupt` is handled at once,
    # even while an execute runs; everything else runs in order here.
    requests: list[Any] = []
    arrived = threading.Condition()

    def read() -> None:
        for line in sys.stdin:
            if not line.strip():
                continue
            try:
                request = json.loads(line)
            except ValueError as error:
                session.done(None, "error", message=f"not JSON: {error}")
                continue
            if isinstance(request, dict) and request.get("type") == "interrupt":
                session.interrupt()
                session.done(request.get("id"))
                continue
            with arrived:
                requests.append(request)
                arrived.notify()
        with arrived:
            requests.append(None)  # end of input
            arrived.notify()

    threading.Thread(target=read, daemon=True).start()
    for path in argv[1:]:  # loaded first; their outputs are not sent
        try:
            session.load(path, lambda *_: None)
        except CellFailed as failure:
            print(f"error: {failure}", file=sys.stderr, flush=True)
            return 1
    while True:
        with arrived:
            while not requests:
                arrived.wait()
            request = requests.pop(0)
        if request is None or not session.handle(request):
            return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
