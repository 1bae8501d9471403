"""Who may see a file job: its owner, and superusers. The download views check with these."""

from django.shortcuts import get_object_or_404


def jobs_visible_to(queryset, user):
    """The jobs of `queryset` that `user` may see and download: their own, or all of them for a superuser.
    A file holds what its owner may see (programs/access.py), so a colleague may not have it."""
    return queryset if user.is_superuser else queryset.filter(owner=user)


def job_visible_to(job, user):
    """The same rule as jobs_visible_to, for one job already loaded."""
    return user.is_superuser or job.owner_id == user.pk


def job_for_owner_or_404(queryset, *, user, pk):
    """The job `pk` if `user` may see it. Someone else's job is reported as missing, not as forbidden:
    its existence is private too."""
    return get_object_or_404(jobs_visible_to(queryset, user), pk=pk)
