from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import SimpleRouter

from . import api

router = SimpleRouter()
router.register("organizations", api.OrganizationViewSet, basename="organization")
router.register("programs", api.ProgramViewSet, basename="program")
router.register("occurrences", api.OccurrenceViewSet, basename="occurrence")
router.register("agreements", api.AgreementViewSet, basename="agreement")
router.register("best-practices", api.BestPracticeViewSet, basename="best-practice")

app_name = "api"

urlpatterns = [
    *router.urls,
    path("statistics/", api.StatisticsView.as_view(), name="statistics"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(url_name="api:schema", template_name="record/api_docs.html"),
        name="docs",
    ),
    re_path(r"^.*$", api.api_not_found),
]
