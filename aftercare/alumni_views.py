"""/alumni/: an official's entries and the editions they may join, a program's directory (for its
alumni only), writing to an alumnus, and the messages received and sent. Every page reads the
signed-in official's own rows; another person's entry or message is a 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from participants.self_service import participant_for_user
from programs.models import Program

from .alumni import (
    MESSAGES_PER_DAY,
    AlumniError,
    alumni_entry_update,
    alumni_join,
    alumni_leave,
    alumni_message_read,
    alumni_message_reply,
    alumni_message_report,
    alumni_message_send,
    attended_registrations,
    directory,
    entries_of,
    entry_initial,
    entry_of,
    messages_of,
)
from .alumni_forms import DirectorySearchForm, EntryForm, MessageForm, ReportForm
from .models import AlumniEntry

PER_PAGE = 30


@login_required
def alumni_home(request):
    participant = participant_for_user(request.user)
    entries = list(entries_of(participant))
    joined = {entry.program_id for entry in entries}
    joinable, seen = [], set()
    for registration in attended_registrations(participant):
        program_id = registration.occurrence.program_id
        if program_id not in joined and program_id not in seen:
            seen.add(program_id)
            joinable.append(registration)
    inbox = list(messages_of(participant)[:20])
    return render(
        request,
        "aftercare/alumni/home.html",
        {"participant": participant, "entries": entries, "joinable": joinable, "inbox": inbox},
    )


def _own_attended_registration(request, registration_pk):
    participant = participant_for_user(request.user)
    registration = attended_registrations(participant).filter(pk=registration_pk).first()
    if registration is None:
        raise Http404
    return registration


@login_required
@require_http_methods(["GET", "POST"])
def alumni_join_view(request, registration_pk):
    registration = _own_attended_registration(request, registration_pk)
    existing = entry_of(registration.participant, registration.occurrence.program)
    if existing is not None:
        return redirect("alumni:entry_edit", pk=existing.pk)
    form = EntryForm(request.POST or None, initial=entry_initial(registration))
    error = None
    if request.method == "POST" and form.is_valid():
        try:
            entry = alumni_join(user=request.user, registration=registration, data=form.cleaned_data)
        except AlumniError as exc:
            error = exc.message
        else:
            messages.success(request, _("You are in the alumni directory of %(program)s.") % {"program": entry.program})
            return redirect("alumni:directory", slug=entry.program.slug)
    return render(
        request,
        "aftercare/alumni/entry_form.html",
        {"form": form, "registration": registration, "program": registration.occurrence.program, "error": error},
        status=400 if request.method == "POST" else 200,
    )


def _own_entry(request, pk):
    participant = participant_for_user(request.user)
    if participant is None:
        raise Http404
    return get_object_or_404(
        AlumniEntry.objects.select_related("program", "registration__occurrence"), pk=pk, participant=participant
    )


@login_required
@require_http_methods(["GET", "POST"])
def alumni_entry_edit(request, pk):
    entry = _own_entry(request, pk)
    form = EntryForm(request.POST or None, initial=EntryForm.initial_from(entry))
    if request.method == "POST" and form.is_valid():
        alumni_entry_update(entry=entry, data=form.cleaned_data)
        messages.success(request, _("Your entry in the alumni directory is saved."))
        return redirect("alumni:directory", slug=entry.program.slug)
    return render(
        request,
        "aftercare/alumni/entry_form.html",
        {"form": form, "entry": entry, "registration": entry.registration, "program": entry.program},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def alumni_leave_view(request, pk):
    entry = _own_entry(request, pk)
    if request.method == "POST":
        program = entry.program
        alumni_leave(entry=entry)
        messages.success(
            request,
            _("You have left the alumni directory of %(program)s. Nobody sees your entry any more.")
            % {"program": program},
        )
        return redirect("alumni:home")
    return render(request, "aftercare/alumni/leave_confirm.html", {"entry": entry})


@login_required
def alumni_directory(request, slug):
    program = get_object_or_404(Program, slug=slug)
    participant = participant_for_user(request.user)
    mine = entry_of(participant, program)
    if mine is None:
        # Not in this directory: say why, and offer to join when they attended an edition.
        joinable = attended_registrations(participant).filter(occurrence__program=program).first()
        return render(
            request, "aftercare/alumni/directory_refused.html", {"program": program, "joinable": joinable}, status=403
        )
    form = DirectorySearchForm(request.GET or None, program=program)
    invalid = form.is_bound and not form.is_valid()
    filters = {}
    if form.is_bound and not invalid:
        data = form.cleaned_data
        filters = {"q": data.get("q") or "", "country": data.get("country") or "", "occurrence": data.get("edition")}
    entries = directory(program=program, **filters) if not invalid else AlumniEntry.objects.none()
    number = request.GET.get("page", "1")
    page = Paginator(entries, PER_PAGE).get_page(number if number.isdigit() and len(number) < 7 else 1)
    return render(
        request,
        "aftercare/alumni/directory.html",
        {"program": program, "mine": mine, "form": form, "invalid": invalid, "page_obj": page},
        status=400 if invalid else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def alumni_write(request, slug, pk):
    program = get_object_or_404(Program, slug=slug)
    participant = participant_for_user(request.user)
    if entry_of(participant, program) is None:
        raise Http404
    recipient = get_object_or_404(AlumniEntry.objects.select_related("participant"), pk=pk, program=program)
    if recipient.participant_id == participant.pk:
        raise Http404
    form = MessageForm(request.POST or None)
    error = None
    if request.method == "POST" and form.is_valid():
        try:
            alumni_message_send(user=request.user, recipient_entry=recipient, body=form.cleaned_data["body"])
        except AlumniError as exc:
            error = exc.message
        else:
            messages.success(
                request,
                _("Your message to %(name)s is on its way. They reply through the portal.")
                % {"name": recipient.participant.display_name},
            )
            return redirect("alumni:directory", slug=program.slug)
    return render(
        request,
        "aftercare/alumni/write.html",
        {"program": program, "recipient": recipient, "form": form, "error": error, "limit": MESSAGES_PER_DAY},
        status=400 if request.method == "POST" else 200,
    )


def _own_message(request, pk):
    participant = participant_for_user(request.user)
    message = messages_of(participant).filter(pk=pk).first()
    if message is None:
        raise Http404
    return participant, message


def _message_page(request, participant, message, *, status=200, **context):
    """A message's page: the message, and for its recipient the reply and report forms."""
    received = message.recipient_id == participant.pk
    return render(
        request,
        "aftercare/alumni/message.html",
        {
            "message": message,
            "received": received,
            "reply_form": MessageForm(),
            "report_form": ReportForm(),
            "can_reply": received and entry_of(message.sender, message.program) is not None,
            **context,
        },
        status=status,
    )


def _message_post(request, pk, *, form_class, name, act, done, invalid=None, **context):
    """A reply or a report posted from a message's page. Done: back to the page, saying `done`.
    Refused or invalid: the page again (400) with the form `<name>_form` as it was sent and the
    reason in `<name>_error` (`invalid` when the form itself was)."""
    participant, message = _own_message(request, pk)
    form = form_class(request.POST)
    error = None
    if form.is_valid():
        try:
            act(message, form.cleaned_data)
        except AlumniError as exc:
            error = exc.message
        else:
            messages.success(request, done)
            return redirect("alumni:message_detail", pk=message.pk)
    context |= {f"{name}_form": form, f"{name}_error": error or invalid}
    return _message_page(request, participant, message, status=400, **context)


@login_required
def alumni_message_detail(request, pk):
    participant, message = _own_message(request, pk)
    alumni_message_read(message=message, participant=participant)
    return _message_page(request, participant, message)


@login_required
@require_POST
def alumni_message_reply_view(request, pk):
    return _message_post(
        request,
        pk,
        form_class=MessageForm,
        name="reply",
        act=lambda message, data: alumni_message_reply(user=request.user, message=message, body=data["body"]),
        done=_("Your reply is on its way."),
        can_reply=True,  # the form stays, with what they wrote, whatever refused it
    )


@login_required
@require_POST
def alumni_message_report_view(request, pk):
    return _message_post(
        request,
        pk,
        form_class=ReportForm,
        name="report",
        act=lambda message, data: alumni_message_report(user=request.user, message=message, reason=data["reason"]),
        done=_("Thank you. The staff will look at this message."),
        invalid=_("Please check the reason you gave."),
    )
