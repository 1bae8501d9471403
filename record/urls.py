from django.urls import path

from . import views

app_name = "record"

urlpatterns = [
    path("", views.index, name="index"),
    path("statistics/", views.statistics, name="statistics"),
    path("statistics/download/<str:fmt>/", views.statistics_download, name="statistics_download"),
    path("calendar.ics", views.calendar_feed, name="calendar"),
    path("programs/<slug:slug>/calendar.ics", views.calendar_feed, name="program_calendar"),
    path("occurrences/<slug:slug>/calendar.ics", views.occurrence_calendar, name="occurrence_calendar"),
    path("partnerships/", views.partnerships, name="partnerships"),
    path("partnerships/<slug:slug>/", views.partnership_detail, name="partnership_detail"),
    path("partnerships/<slug:slug>/document/", views.partnership_document, name="partnership_document"),
    path("programs/<slug:slug>/", views.history, name="history"),
    path("programs/<slug:slug>/statistics/", views.statistics, name="program_statistics"),
    path("programs/<slug:slug>/statistics/download/<str:fmt>/", views.statistics_download, name="program_download"),
]
