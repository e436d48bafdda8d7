"""Shared fixtures. The whole suite runs as if no NLTK data existed on the machine."""

import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Every kernel and subprocess the tests start sees an empty NLTK_DATA folder.
_EMPTY_NLTK_DATA = tempfile.mkdtemp(prefix="empty-nltk-data-")
os.environ["NLTK_DATA"] = _EMPTY_NLTK_DATA
os.environ.setdefault("MPLBACKEND", "Agg")
# Checked answers are recorded in a throw-away progress file, never in a learner's own.
os.environ.setdefault("HELPERS_PROGRESS", os.path.join(tempfile.mkdtemp(prefix="progress-"), "progress.json"))


def _no_nltk_data(resource_url, *args, **kwargs):
    raise AssertionError(f"the kit asked NLTK for downloaded data ({resource_url!r}); "
                         "it must work without nltk_data")


def pytest_configure(config):
    # Property tests are the same on every run and every machine: fixed examples, and no
    # database of earlier failures replayed from a developer's checkout.
    from hypothesis import settings

    settings.register_profile("kit", derandomize=True, database=None)
    settings.load_profile("kit")

    # In this process, any attempt to read NLTK data fails loudly instead of
    # quietly finding a copy somebody installed on this machine.
    import nltk.data

    nltk.data.path[:] = [_EMPTY_NLTK_DATA]
    nltk.data.find = _no_nltk_data
    nltk.data.load = _no_nltk_data


@pytest.fixture(scope="session")
def article():
    """The kit's article, loaded once for the whole test session."""
    from helpers import load_article

    return load_article()


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A copy of the kit's data folder that HELPERS_DATA points at: edit it freely."""
    from helpers.datafiles import data_dir

    folder = tmp_path / "data"
    shutil.copytree(data_dir(), folder)
    monkeypatch.setenv("HELPERS_DATA", str(folder))
    return folder
