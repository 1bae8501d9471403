from django.urls import path

from . import alumni_views as views

app_name = "alumni"

urlpatterns = [
    path("", views.alumni_home, name="home"),
    path("join/<int:registration_pk>/", views.alumni_join_view, name="join"),
    path("entries/<int:pk>/", views.alumni_entry_edit, name="entry_edit"),
    path("entries/<int:pk>/leave/", views.alumni_leave_view, name="leave"),
    path("programs/<slug:slug>/", views.alumni_directory, name="directory"),
    path("programs/<slug:slug>/write/<int:pk>/", views.alumni_write, name="write"),
    path("messages/<int:pk>/", views.alumni_message_detail, name="message_detail"),
    path("messages/<int:pk>/reply/", views.alumni_message_reply_view, name="message_reply"),
    path("messages/<int:pk>/report/", views.alumni_message_report_view, name="message_report"),
]
