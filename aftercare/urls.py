from django.urls import path

from . import library_views, speaker_views, survey_views, views

app_name = "aftercare"

urlpatterns = [
    path("materials/<int:pk>/", views.material_download, name="material_download"),
    path("speakers/<uuid:token>/", speaker_views.speaker_materials, name="speaker_materials"),
    path(
        "speakers/<uuid:token>/<int:pk>/remove/",
        speaker_views.speaker_material_remove_view,
        name="speaker_material_remove",
    ),
    path("speakers/<uuid:token>/<int:pk>/", speaker_views.speaker_material_download, name="speaker_material_download"),
    path("photos/<int:pk>/page.jpg", views.photo_file, {"size": "page"}, name="photo_page"),
    path("photos/<int:pk>/thumb.jpg", views.photo_file, {"size": "thumb"}, name="photo_thumb"),
    path("photos/<int:pk>/removal/", views.photo_removal, name="photo_removal"),
    path("surveys/<uuid:token>/", survey_views.survey_answer_view, name="survey_answer"),
    path("surveys/<int:pk>/results/", survey_views.survey_results_view, name="survey_results"),
    path("surveys/<int:pk>/results.csv", survey_views.survey_export_view, {"fmt": "csv"}, name="survey_export_csv"),
    path("surveys/<int:pk>/results.xlsx", survey_views.survey_export_view, {"fmt": "xlsx"}, name="survey_export_xlsx"),
    path("library/<int:pk>/file/", library_views.library_file, name="library_file"),
]
