from django.urls import path

from . import views

app_name = "aftercare"

urlpatterns = [
    path("materials/<int:pk>/", views.material_download, name="material_download"),
    path("photos/<int:pk>/page.jpg", views.photo_file, {"size": "page"}, name="photo_page"),
    path("photos/<int:pk>/thumb.jpg", views.photo_file, {"size": "thumb"}, name="photo_thumb"),
    path("photos/<int:pk>/removal/", views.photo_removal, name="photo_removal"),
]
