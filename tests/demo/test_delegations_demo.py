import io

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

from delegations.models import FocalPoint
from workshops.models import CountryQuota

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


def test_demo_has_the_7th_workshops_split_and_two_focal_points(rf):
    call_command("load_demo", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())  # a second load adds nothing
    split = dict(CountryQuota.objects.filter(occurrence__slug="sample-cjk-delegations").values_list("country", "seats"))
    assert split == {"CN": 35, "JP": 15, "KR": 38}
    assert sorted(FocalPoint.objects.values_list("email", "country", "language")) == [
        ("focal.china@example.org", "CN", "zh-hans"),
        ("focal.japan@example.org", "JP", "ja"),
    ]
    for email in ("focal.china@example.org", "focal.japan@example.org"):
        user = authenticate(rf.post("/accounts/login/"), username=email, password="exchange-portal-demo")
        assert user is not None and user.email_verified_at is not None and not user.is_staff
