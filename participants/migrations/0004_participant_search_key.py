"""Participants get a search key (participants.names.search_key): every spelling of their full
name, folded, so check-in finds "Li Na", "李娜" or "tran thi lan". Existing rows are filled here.

On PostgreSQL a trigram index (pg_trgm) serves the substring search at any number of rows; on
SQLite (the embedded `make run`) there is none and the search scans, which is fine at that size.
"""

import logging

from django.db import DatabaseError, migrations, models, transaction

from participants.names import search_key

INDEX = "participant_search_key_trgm"
logger = logging.getLogger(__name__)


def fill(apps, schema_editor):
    Participant = apps.get_model("participants", "Participant")
    rows = list(Participant.objects.only(*FIELDS))
    for row in rows:
        row.search_key = search_key(**{name: getattr(row, name) for name in FIELDS})
    Participant.objects.bulk_update(rows, ["search_key"], batch_size=1000)


FIELDS = ("family_name", "given_name", "family_name_native", "given_name_native", "email")


def trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    try:
        with transaction.atomic(using=schema_editor.connection.alias):
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except DatabaseError:
        # A database user that may not create extensions: the search still works, by scanning.
        logger.warning("pg_trgm is not available: participants' search key is not indexed.")
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON participants_participant USING gin (search_key gin_trgm_ops)"
    )


def drop_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("participants", "0003_traditional_chinese"),
    ]

    operations = [
        migrations.AddField(
            model_name="participant",
            name="search_key",
            field=models.TextField(blank=True, default="", editable=False, verbose_name="search key"),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.RunPython(trigram_index, drop_trigram_index),
    ]
