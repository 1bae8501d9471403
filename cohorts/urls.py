from django.urls import path

from . import speech_views, views

app_name = "cohorts"

urlpatterns = [
    path("occurrences/<int:occurrence_id>/checkin/", views.checkin, name="checkin"),
    path("occurrences/<int:occurrence_id>/checkin/count/", views.checkin_count, name="checkin_count"),
    path("checkin/t/<str:token>/", views.checkin_token, name="checkin_token"),
    path("registrations/<int:registration_id>/checkin/undo/", views.checkin_undo, name="checkin_undo"),
    path("registrations/<int:registration_id>/checkin/", views.checkin_mark, name="checkin_mark"),
    path("registrations/<int:registration_id>/qr.png", views.checkin_qr, name="checkin_qr"),
    path("certificates/<int:certificate_id>/", views.certificate_download, name="certificate_download"),
    path("letters/<int:letter_id>/", views.letter_download, name="letter_download"),
    path("judging/", speech_views.judging_home, name="judging"),
    path("judging/rounds/<int:round_id>/", speech_views.judging_round, name="judging_round"),
]
