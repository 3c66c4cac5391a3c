"""The notebooks read the site's portfolio file when it is in their folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hwc_selfcheck.assessment.examples import EXAMPLE_ONLY_ENV, example_path
from hwc_selfcheck.core.errors import InputError
from hwc_selfcheck.notebook.saved_portfolio import PORTFOLIO_FILE, saved_portfolio


def test_no_file_means_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(EXAMPLE_ONLY_ENV, raising=False)
    monkeypatch.chdir(tmp_path)
    assert saved_portfolio() is None


def test_a_saved_file_is_read_unless_only_the_example_is_wanted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(EXAMPLE_ONLY_ENV, raising=False)
    monkeypatch.chdir(tmp_path)
    shutil.copy(example_path("sam-portfolio.json"), tmp_path / PORTFOLIO_FILE)
    held = saved_portfolio()
    assert held is not None and len(held.hours) == 53 and held.pseudonym == "Sam (example)"
    monkeypatch.setenv(EXAMPLE_ONLY_ENV, "1")
    assert saved_portfolio() is None


def test_a_bad_file_says_where(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(EXAMPLE_ONLY_ENV, raising=False)
    (tmp_path / "bad.json").write_text('{"format": "hwc-selfcheck/portfolio", "pseudonym": "Kit", "date": "2026-01-01", '
                                       '"hours": [{"date": "2026-01-02", "hours": "30", "setting": "", "nhs": "yes", '
                                       '"supervised": "yes"}]}')
    with pytest.raises(InputError, match="hours entry 1, field hours"):
        saved_portfolio(name=tmp_path / "bad.json")
