from django.urls import path

from . import views

app_name = "workshops"

urlpatterns = [
    path("programs/<slug:slug>/", views.program_detail, name="program_detail"),
    path("occurrences/<slug:slug>/", views.occurrence_detail, name="occurrence_detail"),
]
