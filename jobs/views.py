from django.http import Http404
from django.views.decorators.http import require_GET

from .storage import may_read, private_file_response


@require_GET
def private_file(request, name):
    """Any private file, for whoever its owning app says may read it; everyone else gets a 404."""
    if not may_read(request.user, name):
        raise Http404
    return private_file_response(name, filename=name.rsplit("/", 1)[-1])
