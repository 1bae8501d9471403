"""The notices of an application by an organization: received, accepted, declined, withdrawn."""

from notifications.registry import context_loader, notice_kinds

notice_kinds(
    "organization_application_received",
    "organization_application_accepted",
    "organization_application_declined",
    "organization_application_withdrawn",
    app="applications",
)


@context_loader("organization_application_id")
def _application(organization_application_id):
    from .models import OrganizationApplication

    application = OrganizationApplication.objects.select_related(
        "organization", "submitted_by", "call__occurrence"
    ).get(pk=organization_application_id)
    return {"application": application, "occurrence": application.call.occurrence}
