"""--engine dask gives the same tables as the local engine (same process_one, same ledger)."""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

import pytest

pytest.importorskip("distributed")

from factcheck.batch import run_batch  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "corpus").glob("*.txt"))
REFS = str(ROOT / "references")
TABLES = ("articles", "claims", "overstatements", "errors")


def _tables(out: Path) -> dict:
    import pandas as pd

    t = {n: pd.read_csv(out / f"{n}.csv", keep_default_na=False) for n in TABLES}
    t["articles"] = t["articles"].drop(columns=["seconds"])      # timings differ, nothing else may
    return t


def _summary(out: Path) -> dict:
    s = json.loads((out / "summary.json").read_text("utf-8"))
    s.pop("check_seconds")
    return s


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    a = tmp_path_factory.mktemp("archive")
    for p in SEEDS:
        shutil.copy(p, a / p.name)
    (a / "broken.txt").write_bytes(b"\x00\x01\x02PK\xff\xfe" * 500)
    return a


def test_dask_engine_equals_local_engine(archive, tmp_path):
    import pandas as pd
    from distributed import LocalCluster

    local = tmp_path / "local"
    assert run_batch([str(archive)], out_dir=str(local), references=REFS, jobs=1, progress=False) == 0
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None, silence_logs=logging.ERROR) as cluster:
        assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
        dask_out = tmp_path / "dask"
        assert run_batch([str(archive)], out_dir=str(dask_out), references=REFS, engine="dask",
                         scheduler=cluster.scheduler_address, jobs=2, progress=False, html=True) == 0
    a, b = _tables(local), _tables(dask_out)
    for name in TABLES:
        pd.testing.assert_frame_equal(a[name], b[name], check_dtype=False, obj=name)
    assert len(a["articles"]) == 3 and len(a["errors"]) == 1 and a["errors"]["code"].iloc[0] == "FC302"
    assert _summary(local) == _summary(dask_out)
    for aid in a["articles"]["id"]:
        ra, rb = (json.loads((d / "reports" / f"{aid}.json").read_text("utf-8")) for d in (local, dask_out))
        ra["stats"].pop("seconds"), rb["stats"].pop("seconds")
        assert ra == rb
    assert (dask_out / "index.html").exists()
