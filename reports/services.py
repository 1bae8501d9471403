"""Report use cases: request a statistics workbook, build it (in a worker), clean up."""

import logging
import os
import tempfile

from django.core.files import File
from django.db import transaction
from django.utils import timezone, translation

from .models import Report
from .workbook import workbook_write

logger = logging.getLogger(__name__)


def report_request(*, user, kind=Report.Kind.STATISTICS):
    """Record the request and build the file in a worker once the transaction commits."""
    from .tasks import build_report

    with transaction.atomic():
        report = Report.objects.create(kind=kind, requested_by=user)
        transaction.on_commit(lambda: build_report.delay(report_id=report.pk))
    return report


def report_build(*, report_id):
    """Build the file; a report already built (a redelivered task) is left as it is."""
    with transaction.atomic():
        report = Report.objects.select_for_update(of=("self",)).select_related("requested_by").get(pk=report_id)
        if report.status == Report.Status.DONE:
            return report
        report.status = Report.Status.RUNNING
        report.save(update_fields=["status"])
    user = report.requested_by
    try:
        if user is None or not user.is_active or not user.is_staff:
            raise PermissionError("The staff member who asked for this report can no longer see it.")
        with tempfile.TemporaryDirectory() as folder, translation.override(user.preferred_language):
            path = os.path.join(folder, "statistics.xlsx")
            rows = workbook_write(user=user, path=path)
            stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
            with open(path, "rb") as handle:
                report.file.save(f"statistics-{stamp}-{report.pk}.xlsx", File(handle), save=False)
    except Exception as exc:  # noqa: BLE001 - recorded on the row for the staff member to see
        logger.exception("Report %s failed", report_id)
        Report.objects.filter(pk=report_id).update(
            status=Report.Status.FAILED, error=f"{type(exc).__name__}: {exc}"[:2000], finished_at=timezone.now()
        )
        report.refresh_from_db()
        return report
    report.status, report.rows, report.error, report.finished_at = Report.Status.DONE, rows, "", timezone.now()
    report.save(update_fields=["file", "status", "rows", "error", "finished_at"])
    return report


def reports_expire(*, older_than_days=30):
    """Delete reports and their files after `older_than_days`: a workbook is a snapshot that only goes stale."""
    cutoff = timezone.now() - timezone.timedelta(days=older_than_days)
    count = 0
    for report in Report.objects.filter(created_at__lt=cutoff):
        if report.file:
            report.file.delete(save=False)
        report.delete()
        count += 1
    return count
