"""The notices the Online Bureau sends: to the requester at registration, mid-response, final response and
when staff write; to the department's staff when a request is late and when the requester writes."""

from notifications.registry import context_loader, notice_kinds

notice_kinds(
    "service_request_registered",
    "service_request_mid_response",
    "service_request_final_response",
    "service_request_late",
    "service_request_message",
    "service_request_requester_message",
    app="bureau",
)


@context_loader("service_request_id")
def _service_request(service_request_id):
    from .models import ServiceRequest

    request = ServiceRequest.objects.select_related("requesting_organization").get(pk=service_request_id)
    return {"service_request": request}


@context_loader("bureau_message_id")
def _message(bureau_message_id):
    from .models import Message

    return {"bureau_message": Message.objects.filter(pk=bureau_message_id).first()}
