import shutil
import subprocess

import pytest

from reports.models import Report
from reports.services import report_build
from tests.factories import OccurrenceFactory, ProgramFactory, RegistrationFactory, UserFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.integration,
    pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (libreoffice-calc-nogui) is not installed"),
]


def test_libreoffice_opens_every_sheet_of_the_statistics_workbook(tmp_path):
    occurrence = OccurrenceFactory(program=ProgramFactory(name_en="Exchange Program"), year=2031, title_en="=SUM(A1)")
    RegistrationFactory(occurrence=occurrence, participant__country="KR", status="accepted")
    report = report_build(report_id=Report.objects.create(owner=UserFactory(is_staff=True, is_superuser=True)).pk)
    source = tmp_path / "statistics.xlsx"
    with report.file.open("rb") as handle:
        source.write_bytes(handle.read())
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            # The last token (-1) writes every sheet to its own file, "<name>-<sheet>.csv".
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )

    def sheet(name):
        return (tmp_path / f"statistics-{name}.csv").read_text(encoding="utf-8").splitlines()

    assert sheet("By occurrence") == [
        "Program,Occurrence,Edition,Year,Country code,Country,Registered (seat holders),Recorded,Participants",
        "Exchange Program,=SUM(A1),,2031,KR,South Korea,1,,1",
    ]
    assert sheet("By program and year") == ["Program,Year,Participants", "Exchange Program,2031,1"]
    assert sheet("By country") == ["Country code,Country,Participants", "KR,South Korea,1"]
    assert sheet("By program") == ["Program,Occurrences,Participants", "Exchange Program,1,1"]
