"""/dev/mail/: the development mailbox, only while DEBUG is on (404 otherwise)."""

from functools import wraps

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from .mailbox import mailbox_clear, mailbox_dir, mailbox_message, mailbox_messages

MAILBOX_BACKEND = "devmail.backend.MailboxBackend"


def debug_only(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not settings.DEBUG:
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


def _context(**extra):
    return {
        "in_use": settings.EMAIL_BACKEND == MAILBOX_BACKEND,
        "email_backend": settings.EMAIL_BACKEND,
        "mail_dir": mailbox_dir(),
        **extra,
    }


@debug_only
def message_list(request):
    return render(request, "devmail/message_list.html", _context(messages_in_box=mailbox_messages()))


@debug_only
def message_detail(request, message_id):
    message = mailbox_message(message_id)
    if message is None:
        raise Http404
    return render(request, "devmail/message_detail.html", _context(message=message))


@debug_only
@require_POST
def clear(request):
    mailbox_clear()
    return redirect("devmail:list")
