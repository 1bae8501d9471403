from django.urls import path

from . import views

app_name = "rosters"

urlpatterns = [
    path("occurrences/<int:pk>/export/", views.export_occurrence, name="export_occurrence"),
    path("occurrences/<int:pk>/<slug:kind>/", views.logistics_list, name="logistics_list"),
    path("programs/<int:pk>/export/", views.export_program, name="export_program"),
    path("exports/<int:pk>/", views.job_detail, name="job_detail"),
    path("exports/<int:pk>/download/", views.job_download, name="job_download"),
    path("imports/<int:pk>/", views.import_job_detail, name="import_job_detail"),
    path("import-template.<str:fmt>", views.import_template, name="import_template"),
]
