"""What each kind of staff member may do: the one home of the staff roles.

A host organization has four kinds of staff, each a Django group with exactly the model
permissions below. Which programs a member reaches is decided by their organization
(`programs.access`); the role decides what they may do there.

- Program staff run their organization's programs: everything, except deleting people or
  history (a registration is withdrawn or cancelled, never deleted).
- Program reviewers decide on registrations and see the cohort; no export, no ceremony.
- Check-in desk finds expected officials at the venue, checks them in and undoes a mistake.
- Judges see the speech-contest rounds they are named judges of and score them, nothing else,
  on `/staff/judging/` (`cohorts.speech_views`), seeing no other judge's scores until the round closes.

**A new model joins a role in one line**: add `"app.model": "actions"` under the role here
(actions among view, add, change, delete, or `ALL`). `roles_sync` runs after every
`migrate` (and after the test runner's flush), once every app's permissions exist, so the
groups always hold exactly what this table says: a later app needs no migration of its own.
The groups themselves are first created by the data migration `cohorts` 0004.
"""

from django.db.models.signals import post_migrate

ALL = "view add change delete"

PROGRAM_STAFF = "Program staff"
REVIEWERS = "Program reviewers"
CHECKIN_DESK = "Check-in desk"
JUDGES = "Judges"

ROLES = {
    PROGRAM_STAFF: {
        "programs.program": "view change",
        "programs.costshare": "view add change",
        "programs.agreement": "view change",
        "programs.agreementsignatory": "view add change",
        "programs.organization": "view",
        "workshops.occurrence": "view change",
        "workshops.countryquota": ALL,
        "workshops.agendaitem": ALL,
        "workshops.delegation": ALL,
        "workshops.recordedparticipation": ALL,
        # Participant categories, inline on the occurrence (one with registrations cannot be deleted).
        "participants.participantcategory": ALL,
        "participants.participant": "view add change",
        "participants.registration": "view add change",
        "participants.registrationstatuschange": "view",
        # Travel logistics: hotels and rooms, and the travel details officials send.
        "participants.hotel": ALL,
        "participants.room": ALL,
        "participants.traveldetails": "view change",
        # Registration forms: questions and choices are taken out of use ("asked", "offered"),
        # never deleted, so the answers given keep their labels.
        "participants.questionset": "view add change",
        "participants.questionsection": ALL,
        "participants.question": "view add change",
        "participants.questionchoice": "view add change",
        "delegations.focalpoint": "view add change",
        # change_meeting: accept, move, decline or cancel on the meeting's page (never deleted).
        "meetings.meeting": "view change",
        "meetings.room": ALL,
        "meetings.meetingsettings": "view add change",
        "cohorts.placement": ALL,
        "cohorts.allowancepayment": ALL,
        # change_certificate / change_invitationletter: revoke (documents are never deleted).
        "cohorts.certificate": "view change",
        "cohorts.invitationletter": "view add change",
        "cohorts.verification": "view",
        "cohorts.signatory": ALL,
        "cohorts.certificatedesign": ALL,
        "cohorts.invitationlettertemplate": ALL,
        "cohorts.attendanceday": "view add delete",
        "cohorts.speechcriterion": ALL,
        "cohorts.speechround": ALL,
        "cohorts.speechentry": ALL,
        "cohorts.speechscore": ALL,
        "cohorts.exchangecohort": "view add change",
        # add_exportjob is the right to export a roster (rosters.views, the export actions).
        "rosters.exportjob": "view add",
        "rosters.columnset": ALL,
        "reports.report": "view add",
        "bureau.servicerequest": "view change",
        "bureau.servicerequestevent": "view",
        # Online Bureau: confirm requesters, list email domains, edit assignment rules and
        # service levels, write to requesters (add_message) and read their files.
        "bureau.requester": "view change",
        "bureau.organizationdomain": ALL,
        "bureau.assignmentrule": ALL,
        "bureau.servicelevel": "view change",
        "bureau.message": "view add",
        "bureau.attachment": "view",
        # Write to a cohort (mailings): add_cohortmessage is the right to send a message.
        "mailings.cohortmessage": "view add",
        "mailings.cohortmessagerecipient": "view",
        # After the event (aftercare): materials, photos and the requests to remove one.
        "aftercare.material": ALL,
        "aftercare.speakerinvitation": ALL,
        "aftercare.photo": ALL,
        "aftercare.photoremovalrequest": "view change",
        "aftercare.survey": ALL,
        "aftercare.question": ALL,
        "aftercare.researcharea": "view",
        "aftercare.bestpractice": ALL,
        # The alumni directory: staff read it, write to alumni (mailings) and handle abuse reports.
        "aftercare.alumnientry": "view delete",
        "aftercare.alumniabusereport": "view change",
        # Applications by organizations: calls (places, window) and the review of applications.
        "applications.organizationcall": "view add change",
        "applications.organizationapplication": "view change",
        "applications.applicationevent": "view",
        # Exhibitions at their occurrences: sections, exhibiting organizations and exhibits.
        "exhibitions.exhibition": ALL,
        "exhibitions.section": ALL,
        "exhibitions.exhibitor": ALL,
        "exhibitions.exhibit": ALL,
    },
    REVIEWERS: {
        "programs.program": "view",
        "programs.organization": "view",
        "workshops.occurrence": "view",
        "workshops.countryquota": "view",
        "participants.participantcategory": "view",
        "participants.participant": "view",
        "participants.registration": "view change",
        "participants.registrationstatuschange": "view",
        "delegations.focalpoint": "view",
        "cohorts.placement": "view",
        "cohorts.certificate": "view",
        "cohorts.invitationletter": "view",
        "cohorts.attendanceday": "view",
        "applications.organizationcall": "view",
        "applications.organizationapplication": "view change",
        "applications.applicationevent": "view",
    },
    CHECKIN_DESK: {
        # The occurrence page (read-only) links its program: the desk may read both.
        "programs.program": "view",
        "workshops.occurrence": "view",
        "cohorts.attendanceday": "view add delete",
    },
    JUDGES: {
        # Judges score on /staff/judging/ (cohorts.speech_views), which hides the other judges'
        # scores until the round closes; in the admin they only read their rounds and own scores.
        "cohorts.speechround": "view",
        "cohorts.speechscore": "view",
    },
}


def role_codenames(role):
    """[(app_label, codename)] of a role, e.g. ("cohorts", "add_attendanceday")."""
    return [
        (label.split(".")[0], f"{action}_{label.split('.')[1]}")
        for label, actions in ROLES[role].items()
        for action in actions.split()
    ]


def roles_sync(*, group_model, permission_model, strict=True):
    """Make each role's group hold exactly its permissions (created if missing).

    Returns the permissions that do not exist (yet): during a migration an app above may not
    be migrated; after migrate (`strict`) a missing one is a typo here and raises.
    """
    missing = []
    for role in ROLES:
        wanted = role_codenames(role)
        found = {
            (p.content_type.app_label, p.codename): p
            for p in permission_model.objects.filter(
                content_type__app_label__in={app for app, _ in wanted}, codename__in={c for _, c in wanted}
            ).select_related("content_type")
        }
        missing += [f"{app}.{codename}" for app, codename in wanted if (app, codename) not in found]
        group, _ = group_model.objects.get_or_create(name=role)
        group.permissions.set([found[key] for key in wanted if key in found])
    if missing and strict:
        raise LookupError(f"programs.roles names permissions that do not exist: {', '.join(sorted(missing))}")
    return missing


def _after_migrate(sender, **kwargs):
    from django.apps import apps
    from django.contrib.auth.models import Group, Permission

    # post_migrate is sent once per app; the permissions of every app exist after the last one.
    with_models = [config for config in apps.get_app_configs() if config.models_module is not None]
    if not with_models or sender is not with_models[-1]:
        return
    roles_sync(group_model=Group, permission_model=Permission)


def connect():
    post_migrate.connect(_after_migrate, dispatch_uid="programs.roles.sync")
