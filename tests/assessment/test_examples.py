"""Notebooks use a person's own file when there is one, and say so; otherwise the example."""

from pathlib import Path

import pytest

from hwc_selfcheck.assessment.examples import EXAMPLE_ONLY_ENV, example_path, own_or_example


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


def test_a_companion_file_follows_the_main_files_choice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from hwc_selfcheck.assessment.examples import companion_file

    monkeypatch.chdir(tmp_path)
    assert companion_file("my-training.csv", "sam-training.csv", example=True) == example_path("sam-training.csv")
    # your own hours, no training record of your own: nothing, never Sam's course
    assert companion_file("my-training.csv", "sam-training.csv", example=False) is None
    Path("my-training.csv").write_text("date,course,pci_accredited,days\n")
    assert companion_file("my-training.csv", "sam-training.csv", example=False) == Path("my-training.csv")
    assert companion_file("my-training.csv", "sam-training.csv", example=True) == example_path("sam-training.csv")
