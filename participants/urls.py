from django.urls import path

from . import views

app_name = "participants"

urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("occurrences/<slug:slug>/register/", views.register, name="register"),
    path("registrations/", views.my_registrations, name="my_registrations"),
    path("registrations/<int:pk>/", views.registration_detail, name="registration_detail"),
    path("registrations/<int:pk>/withdraw/", views.registration_withdraw_view, name="withdraw"),
    path("registrations/<int:pk>/calendar.ics", views.registration_calendar, name="calendar"),
    path("registrations/<int:pk>/checkin-code.png", views.registration_checkin_qr, name="checkin_code"),
    path("registrations/<int:pk>/travel/", views.registration_followup, name="followup"),
    path("registrations/<int:pk>/passport/", views.registration_passport, name="passport"),
    path("registrations/<int:pk>/answers/", views.registration_answers_edit, name="answers_edit"),
    path("registrations/<int:pk>/answers/<slug:key>/", views.registration_answer_file, name="answer_file"),
]
