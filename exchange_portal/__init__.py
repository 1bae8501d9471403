from . import checks, static_checks  # noqa: F401  (registers the Celery limit and static manifest checks)
from .celery import app as celery_app

__all__ = ("celery_app",)
