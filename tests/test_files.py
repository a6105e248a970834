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


# ----------------------------------------------------------------------------- reading a folder someone else made

def test_inside_resolves_names_and_refuses_what_leaves_the_folder(tmp_path):
    from claimlab.files import Refused, inside
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("a")
    os.symlink("a.txt", folder / "alias.txt")
    os.symlink("../secret.txt", folder / "out.txt")
    assert inside(folder, "a.txt") == (folder / "a.txt").resolve()
    assert inside(folder, "./sub/../a.txt") == (folder / "a.txt").resolve()
    assert inside(folder, "alias.txt") == (folder / "a.txt").resolve()      # a link that stays inside
    assert inside(folder, "missing.txt") == (folder / "missing.txt").resolve()  # need not exist
    for name, why in (("../secret.txt", "leads outside"), ("out.txt", "leads outside"),
                      ("/etc/passwd", "absolute path"), ("", "empty"), ("a\x00b", "NUL"),
                      ("sub/../../x", "leads outside")):
        with pytest.raises(Refused, match=why):
            inside(folder, name)


def test_read_regular_never_opens_a_special_file_and_stops_at_the_limit(tmp_path):
    from claimlab.files import Refused, read_regular
    (tmp_path / "small").write_bytes(b"12345")
    assert read_regular(tmp_path / "small", 5) == b"12345"
    with pytest.raises(Refused, match="too large"):
        read_regular(tmp_path / "small", 4)
    os.mkfifo(tmp_path / "pipe")  # opening it for reading would wait for a writer forever
    with pytest.raises(Refused, match="FIFO"):
        read_regular(tmp_path / "pipe", 100)
    with pytest.raises(Refused, match="a folder"):
        read_regular(tmp_path, 100)
    with pytest.raises(FileNotFoundError):
        read_regular(tmp_path / "nothing", 100)


@pytest.mark.parametrize("cell", ["=1+1", "+12", "-5", "@SUM(A1)", "\t=x", "\r=x", "'=x", "''+y", "'", "'plain",
                                  "plain", "", "a=b", " =x", "'\t", "=", "-"])
def test_spreadsheet_safe_cells_never_start_a_formula_and_read_back_the_same(cell):
    from claimlab.files import FORMULA_STARTS, from_spreadsheet, spreadsheet_safe
    written = spreadsheet_safe(cell)
    assert not written.startswith(FORMULA_STARTS)
    assert from_spreadsheet(written) == cell
    if not cell.lstrip("'").startswith(FORMULA_STARTS):
        assert written == cell  # ordinary text is written as it is


def test_csv_field_limit_reads_a_long_cell_and_restores_the_default():
    import csv
    import io

    from claimlab.files import csv_field_limit
    text = "a,b\n" + "x" * 300_000 + ",y\n"
    default = csv.field_size_limit()
    with pytest.raises(csv.Error):
        list(csv.reader(io.StringIO(text)))
    with csv_field_limit(len(text)):
        rows = list(csv.reader(io.StringIO(text)))
    assert len(rows[1][0]) == 300_000 and csv.field_size_limit() == default


def test_swallowed_row_spots_rows_inside_a_cell():
    from claimlab.files import swallowed_row
    assert swallowed_row("monitor\nTASS,outlet,agency\nUN,ngo,x", 3) == "TASS,outlet,agency"
    assert swallowed_row("two lines\nof prose, with a comma", 3) is None
    assert swallowed_row("a,b\nc,d", 2) is None          # too narrow a table to judge
    assert swallowed_row("one line, a, b", 3) is None     # no line break: one cell as written
