from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from aftercare.library_views import library as aftercare_library
from cohorts import speech_views
from cohorts import views as cohort_views
from exchange_portal.csp_report import csp_report
from exchange_portal.health import HealthView
from jobs import views as job_views
from workshops import views as workshop_views

urlpatterns = [
    path("", workshop_views.home, name="home"),
    path("i18n/", include("django.conf.urls.i18n")),
    # For load balancers and monitoring (exchange_portal/health.py).
    path("health/", HealthView.as_view(), name="health"),
    # Browsers post Content-Security-Policy violations here; they are logged.
    path("csp-report/", csp_report, name="csp_report"),
    # About, contact, privacy policy and accessibility statement (the footer's links).
    path("", include(("exchange_portal.pages", "pages"))),
    path("admin/", admin.site.urls),
    # The development mailbox: its views answer 404 unless DEBUG is on.
    path("dev/mail/", include("devmail.urls")),
    path("staff/", include("cohorts.urls")),
    # Every private document's URL (jobs/storage.py): the owning app decides who may read it.
    path("files/<path:name>", job_views.private_file, name="private_file"),
    # Printed as a QR code on certificates and visa letters: public, one unguessable token each.
    path("verify/<str:token>/", cohort_views.verify, name="verify"),
    path("contests/<int:occurrence_id>/results/", speech_views.contest_results, name="contest_results"),
    path("rosters/", include("rosters.urls")),
    path("bureau/", include("bureau.urls")),
    path("applications/", include("applications.urls")),
    path("record/", include("record.urls")),
    path("aftercare/", include("aftercare.urls")),
    path("alumni/", include("aftercare.alumni_urls")),
    path("exhibitions/", include("exhibitions.urls")),
    path("meetings/", include("meetings.urls")),
    path("library/", aftercare_library, name="library"),
    path("api/", include("record.api_urls")),
    path("accounts/", include("accounts.urls")),
    path("", include("delegations.urls")),
    path("", include("participants.urls")),
    path("", include("workshops.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
