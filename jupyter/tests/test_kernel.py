"""The kernel against jupyter_kernel_test's protocol checks, plus r2cast's own."""

from __future__ import annotations

from typing import Any

import jupyter_kernel_test

from r2cast_kernel.kernel import JSON_MIME

from support import BASELINE, CELL_TIMEOUT, is_fake, plain_text, run


class R2castKernelTests(jupyter_kernel_test.KernelTests):  # type: ignore[misc]
    """Every message is validated against the Jupyter protocol by the base class."""

    kernel_name = "r2cast"
    language_name = "r2cast"
    file_extension = ".r2s"

    code_execute_result = [{"code": "2k * 3", "mime": "text/plain"}]
    code_display_data = [{"code": "hist release", "mime": "image/svg+xml"}]
    code_generate_error = "frobnicate the chips"
    code_stderr = "warn" if is_fake() else ""  # a diagnostic in a cell that succeeds
    completion_samples = [{"text": "forec", "matches": ["forecast"]}]
    complete_code_samples = ["forecast", "2k * 3"]
    incomplete_code_samples = ["r2 start 2025-02 needs 10k +"]

    @classmethod
    def setUpClass(cls) -> None:
        super().setUpClass()
        reply, _ = run(cls.kc, f":load {BASELINE}")  # `hist release` needs a scenario
        assert reply["content"]["status"] == "ok", reply["content"]

    def setUp(self) -> None:
        self.flush_channels()  # a reply's stray status messages would end the next wait early

    def execute_helper(
        self, code: str, timeout: int = CELL_TIMEOUT, **options: Any
    ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        options.setdefault("stop_on_error", False)  # see support.run
        reply, outputs = super().execute_helper(code, timeout, **options)
        return reply, outputs

    def test_value_query_is_the_execute_result(self) -> None:
        reply, outputs = self.execute_helper("2k * 3")
        results = [m for m in outputs if m["msg_type"] == "execute_result"]
        self.assertEqual(len(results), 1)
        self.assertIn("6,000", results[0]["content"]["data"]["text/plain"])
        self.assertEqual(
            results[0]["content"]["execution_count"], reply["content"]["execution_count"]
        )

    def test_json_travels_under_the_r2cast_type(self) -> None:
        _, outputs = self.execute_helper("2k * 3")
        data = next(m for m in outputs if m["msg_type"] == "execute_result")["content"]["data"]
        self.assertIn(JSON_MIME, data)
        self.assertNotIn("application/json", data)

    def test_execution_count_is_the_r2cast_cell(self) -> None:
        reply, _ = self.execute_helper("2k * 3")
        number = reply["content"]["execution_count"]
        _, outputs = self.execute_helper(f"_{number}")
        self.assertIn("6,000", plain_text(outputs))

    def test_completion_offsets_are_code_points(self) -> None:
        code = "# sce\u0301nario \U0001f468\u200d\U0001f469\nforec"  # é as e + accent; an emoji
        self.kc.complete(code, len(code))
        reply = self.get_non_kernel_info_reply(timeout=CELL_TIMEOUT)
        assert reply is not None
        self.assertEqual(reply["content"]["matches"], ["forecast"])
        self.assertEqual(reply["content"]["cursor_start"], len(code) - len("forec"))
        self.assertEqual(reply["content"]["cursor_end"], len(code))

    def test_failing_cell_shows_the_diagnostic(self) -> None:
        reply, _ = self.execute_helper("frobnicate the chips")
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "r2cast")
        self.assertIn("frobnicate", "\n".join(reply["content"]["traceback"]))
