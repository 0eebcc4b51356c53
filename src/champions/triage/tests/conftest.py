"""Models trained once per test session on the shipped data (a tenth of the derived rows, all
hand-written examples), in a temporary directory that each test using them finds through the
CHAMPIONS_TRIAGE_MODELS variable, set for that test only (other tests must see no models)."""

import pytest

from champions.triage.services import triage_models_train


@pytest.fixture(scope="session")
def triage_models_trained(tmp_path_factory):
    directory = tmp_path_factory.mktemp("triage-models")
    manifest = triage_models_train(directory=directory, holdout=False, quick=True, log=None)
    return directory, manifest


@pytest.fixture
def triage_models(triage_models_trained, monkeypatch):
    monkeypatch.setenv("CHAMPIONS_TRIAGE_MODELS", str(triage_models_trained[0]))
    return triage_models_trained
