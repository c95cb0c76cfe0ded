"""The example notebook, run headless as `jupyter execute` runs it (nbclient)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import nbformat
from nbclient import NotebookClient

from support import CELL_TIMEOUT, EXAMPLE


def outputs_of(notebook: Any) -> list[Any]:
    code_cells = [cell for cell in notebook.cells if cell.cell_type == "code"]
    return [output for cell in code_cells for output in cell.outputs]


def text_of(output: Any) -> str:
    if output.output_type == "stream":
        return str(output.text)
    if output.output_type == "error":
        return "\n".join(output.traceback)
    return str(output.get("data", {}).get("text/plain", ""))


def test_the_committed_notebook_is_valid_and_clean() -> None:
    notebook = nbformat.read(EXAMPLE, as_version=4)
    nbformat.validate(notebook)
    assert notebook.metadata.kernelspec.name == "r2cast"
    assert not outputs_of(notebook), "commit the example without outputs"


def test_the_example_runs_headless(tmp_path: Path) -> None:
    notebook = nbformat.read(EXAMPLE, as_version=4)
    NotebookClient(
        notebook,
        timeout=CELL_TIMEOUT,
        kernel_name="r2cast",
        resources={"metadata": {"path": str(EXAMPLE.parent)}},
    ).execute()

    outputs = outputs_of(notebook)
    assert not [o for o in outputs if o.output_type == "error"], [text_of(o) for o in outputs]
    assert any(o.output_type == "display_data" and "image/svg+xml" in o.data for o in outputs)
    assert any("Forecast for baseline" in text_of(o) for o in outputs)
    assert any("text/markdown" in o.get("data", {}) for o in outputs)  # compare's table
    assert any(text_of(o).startswith("p(release by 2026-06)") for o in outputs)

    saved = tmp_path / "baseline.ipynb"
    nbformat.write(notebook, saved)
    nbformat.validate(nbformat.read(saved, as_version=4))
