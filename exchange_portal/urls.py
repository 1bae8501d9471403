from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from aftercare.library_views import library as aftercare_library
from cohorts import views as cohort_views
from exchange_portal.health import HealthView
from workshops import views as workshop_views

urlpatterns = [
    path("", workshop_views.home, name="home"),
    path("i18n/", include("django.conf.urls.i18n")),
    # For load balancers and monitoring (exchange_portal/health.py).
    path("health/", HealthView.as_view(), name="health"),
    path("admin/", admin.site.urls),
    # The development mailbox: its views answer 404 unless DEBUG is on.
    path("dev/mail/", include("devmail.urls")),
    path("staff/", include("cohorts.urls")),
    # Printed as a QR code on certificates and visa letters: public, one unguessable token each.
    path("verify/<str:token>/", cohort_views.verify, name="verify"),
    path("rosters/", include("rosters.urls")),
    path("bureau/", include("bureau.urls")),
    path("record/", include("record.urls")),
    path("aftercare/", include("aftercare.urls")),
    path("library/", aftercare_library, name="library"),
    path("api/", include("record.api_urls")),
    path("accounts/", include("accounts.urls")),
    path("", include("delegations.urls")),
    path("", include("participants.urls")),
    path("", include("workshops.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
