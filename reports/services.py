"""Report use cases: request a statistics workbook, build it (in a worker), clean up."""

import tempfile

from django.db import transaction
from django.utils import timezone, translation

from jobs.services import job_fail, job_finish, job_start, jobs_expire

from .models import Report
from .workbook import workbook_write


def report_request(*, user, kind=Report.Kind.STATISTICS):
    """Record the request and build the file in a worker once the transaction commits."""
    from .tasks import build_report

    with transaction.atomic():
        report = Report.objects.create(kind=kind, owner=user)
        transaction.on_commit(lambda: build_report.delay(report_id=report.pk))
    return report


def report_build(*, report_id):
    """Build the file; a report already built, failed or expired (a redelivered task) is left as it is.
    A failure is recorded on the report for the staff member to see, not raised."""
    report = job_start(Report, job_id=report_id)
    if report is None:
        return Report.objects.get(pk=report_id)
    user = report.owner
    try:
        if user is None or not user.is_active or not user.is_staff:
            raise PermissionError("The staff member who asked for this report can no longer see it.")
        with tempfile.TemporaryFile() as tmp, translation.override(user.preferred_language):
            rows = workbook_write(user=user, fileobj=tmp)
            tmp.seek(0)
            stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
            job_finish(
                report,
                fileobj=tmp,
                filename=f"statistics-{stamp}-{report.pk}.xlsx",
                rows=rows,
                progress=rows,
                total=rows,
            )
    except Exception as exc:  # noqa: BLE001 - recorded on the row for the staff member to see
        job_fail(report, exc)
    return report


def reports_expire(*, now=None):
    """Delete the files of reports past their expiry (Report.file_ttl after they were built): a workbook
    is a snapshot that only goes stale. The rows stay, marked expired."""
    return jobs_expire(Report, now=now)
