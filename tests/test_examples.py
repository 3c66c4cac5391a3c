"""Notebooks use a person's own file when there is one, and say so; otherwise the example."""

from pathlib import Path

import pytest

from hwc_selfcheck.examples import example_path, own_or_example
from hwc_selfcheck.notebook import EXAMPLE_ONLY_ENV


def test_own_file_or_the_example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(EXAMPLE_ONLY_ENV, raising=False)
    missing = tmp_path / "my-hours.csv"
    path, example, which = own_or_example(str(missing), "sam-hours.csv")
    assert path == example_path("sam-hours.csv") and example and "fictional" in which
    missing.write_text("date,hours,setting,nhs,supervised\n")
    path, example, which = own_or_example(str(missing), "sam-hours.csv")
    assert path == missing and not example and "your own file" in which
    monkeypatch.setenv(EXAMPLE_ONLY_ENV, "1")
    assert own_or_example(str(missing), "sam-hours.csv")[1] is True
