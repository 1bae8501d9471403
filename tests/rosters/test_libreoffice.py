import shutil
import subprocess

import pytest

from rosters.services import roster_export

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (libreoffice-calc-nogui) is not installed"),
]


def test_libreoffice_opens_the_streamed_xlsx_with_dates_and_cjk(tmp_path, staff, occurrence, roster):
    _job, fileobj = roster_export(
        user=staff,
        filters={"occurrence": occurrence.pk},
        fmt="xlsx",
        columns=["family_name_native", "given_name_native", "position", "start_date", "submitted_at"],
    )
    source = tmp_path / "roster.xlsx"
    source.write_bytes(fileobj.read())
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert (tmp_path / "roster.csv").read_text(encoding="utf-8").splitlines() == [
        "Family name (native script),Given name (native script),Position,Start date,Submitted (KST)",
        "김,민수,Deputy Director,2026-09-14,2026-05-01 09:30",
        # String cells stay text in LibreOffice too: a formula would show its result (the URL), not itself.
        '李,伟,"=HYPERLINK(""http://evil.example"")",2026-09-14,2026-05-02 14:05',
        "佐藤,花子,@SUM(A1),2026-09-14,2026-05-03 08:00",
    ]
