"""python manage.py export_roster --occurrence <id> --format xlsx|csv -o FILE"""

from django.core.management.base import BaseCommand, CommandError

from jobs.services import job_fail
from rosters.exporters import get_exporter
from rosters.models import ExportJob
from rosters.services import export_job_create, export_job_deliver
from workshops.models import Occurrence


class Command(BaseCommand):
    help = "Export the registrations of one occurrence as XLSX or CSV (logged like every export)."

    def add_arguments(self, parser):
        parser.add_argument("--occurrence", type=int, required=True, help="Occurrence id")
        parser.add_argument("--format", choices=ExportJob.Format.values, default="xlsx")
        parser.add_argument("-o", "--output", required=True, help="File to write")
        parser.add_argument("--language", default=None, help="Language of the headers (ko, en, zh-hans, ja)")
        parser.add_argument("--columns", default="", help="Comma-separated column keys (default: the standard roster)")

    def handle(self, *args, **options):
        occurrence = Occurrence.objects.filter(pk=options["occurrence"]).first()
        if occurrence is None:
            raise CommandError(f"There is no occurrence {options['occurrence']}.")
        columns = [c.strip() for c in options["columns"].split(",") if c.strip()]
        # A mistyped key would silently drop the column (or, all mistyped, write a file without any).
        known = [
            c.key
            for c in get_exporter("registrations")(user=None, filters={"occurrence": occurrence.pk}).available_columns()
        ]
        unknown = [c for c in columns if c not in known]
        if unknown:
            raise CommandError(f"Unknown column(s): {', '.join(unknown)}. Known columns: {', '.join(known)}.")
        job = export_job_create(
            owner=None,
            filters={"occurrence": occurrence.pk},
            columns=columns,
            fmt=options["format"],
            source=ExportJob.Source.COMMAND,
            description=f"Occurrence: {occurrence.title}",
            language=options["language"],
        )
        try:
            with open(options["output"], "wb") as out:
                rows = export_job_deliver(job=job, fileobj=out)
        except OSError as exc:
            # Also when the last bytes fail at close, after the rows were all rendered.
            job_fail(job, exc)
            raise CommandError(f"Cannot write {options['output']}: {exc}") from exc
        self.stdout.write(f"Wrote {rows} registrations to {options['output']}")
