"""ExchangeCohort moves from programs to cohorts: the model that pointed from programs up into
workshops (a loop between the two apps' migrations) now lives above both.

The table keeps its name (programs_exchangecohort), so an existing database keeps its rows and
constraints as they are; a new database gets the table here. The content type is moved too, so
the permissions staff groups already hold stay attached, and Program staff get them on a new
database (cohorts 0002 no longer grants them).
"""

import django.db.models.deletion
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

PROGRAM_STAFF = "Program staff"


def forwards(apps, schema_editor):
    model = apps.get_model("cohorts", "ExchangeCohort")
    if model._meta.db_table not in schema_editor.connection.introspection.table_names():
        schema_editor.create_model(model)
    ContentType = apps.get_model("contenttypes", "ContentType")
    moved = ContentType.objects.filter(app_label="programs", model="exchangecohort")
    if not ContentType.objects.filter(app_label="cohorts", model="exchangecohort").exists():
        moved.update(app_label="cohorts")
    else:
        moved.delete()
    config = apps.get_app_config("cohorts")
    config.models_module = True
    create_permissions(config, verbosity=0)
    config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=PROGRAM_STAFF).first()
    if group is not None:
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="cohorts",
                codename__in=["view_exchangecohort", "add_exchangecohort", "change_exchangecohort"],
            )
        )


def backwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="cohorts", model="exchangecohort").update(app_label="programs")


class Migration(migrations.Migration):
    dependencies = [
        ("cohorts", "0002_staff_groups"),
        ("programs", "0001_without_exchange_cohort"),
        ("workshops", "0002_alter_agendaitem_options_alter_countryquota_options_and_more"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ExchangeCohort",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("year", models.PositiveSmallIntegerField(verbose_name="year")),
                        ("size", models.PositiveSmallIntegerField(verbose_name="civil servants")),
                        ("duration_days", models.PositiveSmallIntegerField(verbose_name="duration (days)")),
                        ("note", models.CharField(blank=True, max_length=300, verbose_name="note")),
                        (
                            "agreement",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="cohorts",
                                to="programs.agreement",
                                verbose_name="agreement",
                            ),
                        ),
                        (
                            "occurrence",
                            models.OneToOneField(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="exchange_cohort",
                                to="workshops.occurrence",
                                verbose_name="occurrence",
                            ),
                        ),
                        (
                            "receiving",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="programs.organization",
                                verbose_name="receiving side",
                            ),
                        ),
                        (
                            "sending",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="programs.organization",
                                verbose_name="sending side",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "exchange cohort",
                        "verbose_name_plural": "exchange cohorts",
                        "db_table": "programs_exchangecohort",
                        "ordering": ["agreement", "year"],
                        "constraints": [
                            models.UniqueConstraint(fields=("agreement", "year"), name="exchangecohort_one_per_year"),
                            models.CheckConstraint(
                                condition=models.Q(("sending", models.F("receiving")), _negated=True),
                                name="exchangecohort_two_sides",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(("size__gt", 0), ("duration_days__gt", 0)),
                                name="exchangecohort_positive",
                            ),
                        ],
                    },
                ),
            ],
        ),
        migrations.RunPython(forwards, backwards),
    ]
