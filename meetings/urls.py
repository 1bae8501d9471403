from django.urls import path

from . import views

app_name = "meetings"

urlpatterns = [
    path("", views.home, name="home"),
    path("request/<int:allocation_pk>/", views.request_meeting, name="request"),
    path("occurrence/<int:occurrence_pk>/", views.occurrence_meetings, name="occurrence"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/schedule/", views.schedule, name="schedule"),
    path("<int:pk>/decline/", views.decline, name="decline"),
    path("<int:pk>/cancel/", views.cancel, name="cancel"),
    path("<int:pk>/meeting.ics", views.ics, name="ics"),
]
