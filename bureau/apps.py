from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BureauConfig(AppConfig):
    name = "bureau"
    verbose_name = _("Online Bureau")

    def ready(self):
        from notifications.context import context_loader

        @context_loader("service_request_id")
        def _service_request(service_request_id):
            from .models import ServiceRequest

            request = ServiceRequest.objects.select_related("requesting_organization").get(pk=service_request_id)
            return {"service_request": request}
