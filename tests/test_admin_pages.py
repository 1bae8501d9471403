"""Every admin changelist and add page opens for a superuser on the demo data."""

import io

import pytest
from django.contrib import admin
from django.core.management import call_command
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


@pytest.fixture
def superuser_client(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=io.StringIO())
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_every_admin_changelist_and_first_object_open(superuser_client):
    failures = []
    for model in admin.site._registry:
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        urls = [reverse(f"{prefix}_changelist")]
        obj = model._default_manager.first()
        if obj is not None:
            urls.append(reverse(f"{prefix}_change", args=[obj.pk]))
        failures += [(url, code) for url in urls if (code := superuser_client.get(url).status_code) != 200]
    assert failures == []
