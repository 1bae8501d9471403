"""On PostgreSQL, two bookings with the same key (a delegation, a room, a head of delegation)
cannot overlap in time: an exclusion constraint on (key =, time range &&) with btree_gist. Other
databases (SQLite in development) rely on the service's check under the occurrence row lock."""

from django.db import migrations

CREATE = """
CREATE EXTENSION IF NOT EXISTS btree_gist;
ALTER TABLE meetings_meetingbooking ADD CONSTRAINT meeting_booking_no_overlap
    EXCLUDE USING gist (key WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&);
"""
DROP = "ALTER TABLE meetings_meetingbooking DROP CONSTRAINT IF EXISTS meeting_booking_no_overlap;"


def _postgres_only(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("meetings", "0001_meetings")]

    operations = [migrations.RunPython(_postgres_only(CREATE), _postgres_only(DROP))]
