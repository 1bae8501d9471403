import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from bureau.models import OrganizationDomain, Requester, ServiceRequest
from bureau.services import service_request_message
from tests.factories import OrganizationFactory, UserFactory

from .conftest import submit, verified_requester

pytestmark = [pytest.mark.django_db, pytest.mark.integration]
PDF = b"%PDF-1.4\n%test\n"


def test_email_domain_of_the_organization_verifies_at_once(client, province):
    OrganizationDomain.objects.create(organization=province, domain="@GG.go.kr")
    user = UserFactory(email="kim@gg.go.kr", email_verified_at=timezone.now())
    client.force_login(user)
    client.post(reverse("bureau:requester_ask"), {"organization": province.pk})
    link = Requester.objects.get(user=user)
    assert (link.is_verified, link.verified_via) == (True, "domain")
    assert 'id="bureau-new"' in client.get(reverse("bureau:request_list")).content.decode()


def test_other_domain_waits_for_staff_and_cannot_file(client, province):
    OrganizationDomain.objects.create(organization=province, domain="gg.go.kr")
    user = UserFactory(email="kim@gmail.example", email_verified_at=timezone.now())
    client.force_login(user)
    client.post(reverse("bureau:requester_ask"), {"organization": province.pk})
    assert not Requester.objects.get(user=user).is_verified
    page = client.get(reverse("bureau:request_list")).content.decode()
    assert "waiting for staff to confirm" in page and 'id="bureau-new"' not in page
    assert client.get(reverse("bureau:request_create")).url == reverse("bureau:request_list")


def test_asking_for_a_foreign_or_non_government_body_is_refused(client):
    client.force_login(UserFactory())
    ministry = OrganizationFactory(kind="ministry", country="KR")
    response = client.post(reverse("bureau:requester_ask"), {"organization": ministry.pk}, follow=True)
    assert "Choose a Korean local government" in response.content.decode()
    assert Requester.objects.count() == 0


def test_requester_files_with_attachments_and_follows_it(client, requester, province, desk, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    client.force_login(requester)
    response = client.post(
        reverse("bureau:request_create"),
        {
            "requesting_organization": province.pk,
            "contact_email": requester.email,
            "service": "translation",
            "subject": "Translate our MOU",
            "body": "Please translate the attached MOU into Chinese.",
            "source_language": "ko",
            "target_language": "zh",
            "attachments": [
                SimpleUploadedFile("mou.pdf", PDF, content_type="application/pdf"),
                SimpleUploadedFile("annex.txt", b"annex", content_type="text/plain"),
            ],
        },
    )
    request = ServiceRequest.objects.get()
    assert response.url == reverse("bureau:request_detail", args=[request.reference])
    page = client.get(response.url).content.decode()
    assert "mou.pdf" in page and "annex.txt" in page
    assert page.count('data-state="done"') == 3 and page.count('data-state="current"') == 1
    assert "International Cooperation Team" in page
    download = client.get(reverse("bureau:attachment_download", args=[request.attachments.first().pk]))
    assert (download.status_code, b"".join(download.streaming_content)) == (200, PDF)


def test_translation_without_languages_keeps_input_and_saves_nothing(client, requester, province):
    client.force_login(requester)
    response = client.post(
        reverse("bureau:request_create"),
        {
            "requesting_organization": province.pk,
            "contact_email": requester.email,
            "service": "translation",
            "subject": "Keep me",
            "body": "x",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert 'value="Keep me"' in page and "Name the languages" in page
    assert ServiceRequest.objects.count() == 0


def test_disallowed_attachment_is_refused_with_its_name(client, requester, province):
    client.force_login(requester)
    response = client.post(
        reverse("bureau:request_create"),
        {
            "requesting_organization": province.pk,
            "contact_email": requester.email,
            "service": "general",
            "subject": "S",
            "body": "B",
            "attachments": [SimpleUploadedFile("run.exe", b"MZ\x90\x00")],
        },
    )
    assert "“run.exe” is not a file the Bureau accepts" in response.content.decode()
    assert ServiceRequest.objects.count() == 0


def test_forged_organization_id_is_refused(client, requester):
    other = OrganizationFactory(kind="city", country="KR")
    client.force_login(requester)
    response = client.post(
        reverse("bureau:request_create"),
        {
            "requesting_organization": other.pk,
            "contact_email": requester.email,
            "service": "general",
            "subject": "S",
            "body": "B",
        },
    )
    assert response.status_code == 200 and ServiceRequest.objects.count() == 0


def test_colleagues_see_the_request_other_organizations_get_404(client, requester, province, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    request = submit(requester, province, uploads=[SimpleUploadedFile("a.pdf", PDF)])
    colleague = verified_requester(province)
    client.force_login(colleague)
    assert client.get(reverse("bureau:request_detail", args=[request.reference])).status_code == 200
    assert request.reference in client.get(reverse("bureau:request_list")).content.decode()
    stranger = verified_requester(OrganizationFactory(kind="city", country="KR"))
    client.force_login(stranger)
    assert client.get(reverse("bureau:request_detail", args=[request.reference])).status_code == 404
    assert client.get(reverse("bureau:attachment_download", args=[request.attachments.get().pk])).status_code == 404
    assert request.reference not in client.get(reverse("bureau:request_list")).content.decode()


def test_internal_notes_never_reach_the_requester(client, requester, province, desk, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    request = submit(requester, province)
    service_request_message(request=request, author=desk[0], body="Which date exactly?", from_staff=True)
    note = service_request_message(
        request=request,
        author=desk[0],
        body="Ask the Chinese desk",
        from_staff=True,
        internal=True,
        uploads=[SimpleUploadedFile("internal.pdf", PDF)],
    )
    client.force_login(requester)
    page = client.get(reverse("bureau:request_detail", args=[request.reference])).content.decode()
    assert "Which date exactly?" in page and "Ask the Chinese desk" not in page and "internal.pdf" not in page
    assert client.get(reverse("bureau:attachment_download", args=[note.attachments.get().pk])).status_code == 404


def test_requester_answers_with_a_file(client, requester, province, desk, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    request = submit(requester, province)
    client.force_login(requester)
    url = reverse("bureau:request_detail", args=[request.reference])
    response = client.post(url, {"body": "On 3 March.", "attachments": [SimpleUploadedFile("plan.pdf", PDF)]})
    assert response.url == url
    message = request.messages.get()
    assert (message.body, message.from_staff, message.attachments.get().name) == ("On 3 March.", False, "plan.pdf")
    empty = client.post(url, {"body": ""})
    assert "Write a message or attach a file" in empty.content.decode() and request.messages.count() == 1


def test_anonymous_visitor_is_invited_to_log_in(client):
    page = client.get(reverse("bureau:request_list")).content.decode()
    assert "Log in to file a request" in page
    assert client.get(reverse("bureau:request_create")).status_code == 302
