"""claimlab.files: a write that fails leaves the old file whole, and a replaced file keeps its mode."""

import os
import stat

import pytest

from claimlab.files import atomic_write, new_file_mode


def test_replace_keeps_the_mode_and_leaves_no_temporary_file(tmp_path):
    path = tmp_path / "table.csv"
    path.write_bytes(b"old")
    path.chmod(0o640)
    atomic_write(path, b"new")
    assert path.read_bytes() == b"new" and stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["table.csv"]


def test_a_new_file_gets_the_mode_of_its_model_or_the_default(tmp_path):
    table = tmp_path / "t.csv"
    table.write_bytes(b"x")
    table.chmod(0o600)
    atomic_write(tmp_path / "t.csv.bak", b"x", like=table)
    assert stat.S_IMODE((tmp_path / "t.csv.bak").stat().st_mode) == 0o600
    atomic_write(tmp_path / "fresh.csv", b"y")
    assert stat.S_IMODE((tmp_path / "fresh.csv").stat().st_mode) == new_file_mode()


def test_a_failed_write_leaves_the_old_file_whole(tmp_path, monkeypatch):
    path = tmp_path / "table.csv"
    path.write_bytes(b"old")

    def boom(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError, match="No space left"):
        atomic_write(path, b"new")
    assert path.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["table.csv"]
