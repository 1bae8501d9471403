"""The community pages for bench/screenshots.py (`--community`): after the event (materials and
photos, the survey and its results, a speaker's page, the library), the alumni network, bilateral
meetings, the check-in desk, judging, document verification and exhibitions.

`prepare()` runs inside the screenshot server's database (`manage.py shell`) after the demo is
loaded: it makes what some pages need (a meeting, survey answers, an alumni message, a speaker's
invitation) and prints, as JSON, each page's name, the demo account that reads it (None for a
visitor; "admin:" before an address signs in on the admin's login page) and its address."""

import json


def _meeting():
    from django.db.models import F

    from delegations.models import Nomination
    from meetings.services import meeting_request
    from workshops.models import CountryQuota

    china, japan = (
        CountryQuota.objects.get(occurrence__slug="sample-cjk-delegations", country=country) for country in ("CN", "JP")
    )
    head = Nomination.objects.create(
        allocation=china, family_name="Wang", given_name="Fang", email="wang@gov.example.cn"
    )
    # The nomination takes a seat of the allocation, as delegations.services.nominations_create counts it.
    CountryQuota.objects.filter(pk=china.pk).update(seats_nominated=F("seats_nominated") + 1)
    meeting = meeting_request(
        requester=china, counterpart=japan, topic="Sister-city cooperation", head_id=head.pk, by=None
    )
    return china, meeting


def _surveys():
    """Every attendee answers (the results show figures from 3 answers on); then the official's own
    invitation is reopened, so that its answer form can be shot too."""
    from aftercare.models import SurveyInvitation
    from aftercare.surveys import survey_answer, surveys_send_due

    surveys_send_due()
    mine = SurveyInvitation.objects.select_related("survey").get(
        registration__participant__email="official@example.org"
    )
    rating, choice, *_rest = mine.survey.questions.order_by("order")
    for invitation in SurveyInvitation.objects.filter(survey=mine.survey):
        survey_answer(token=invitation.token, answers={rating.pk: 4, choice.pk: 0}, language="en")
    SurveyInvitation.objects.filter(pk=mine.pk).update(answered_at=None)
    return mine


def _photo(occurrence):
    """A photo on the past sample workshop, drawn from the demo's group photo, for the removal request."""
    from aftercare.models import Photo

    group = Photo.objects.get(caption_en="Commemorative Group Photo of 2019 Workshop")
    return Photo.objects.create(
        occurrence=occurrence,
        caption_en="Closing ceremony (sample)",
        image=group.image.name,
        thumbnail=group.thumbnail.name,
    )


def _verification(registration):
    """An invitation letter's verification row, as issuing one leaves it (its PDF is not needed here)."""
    from django.utils import timezone

    from cohorts.models import InvitationLetter, Verification

    letter = InvitationLetter.objects.create(
        registration=registration,
        reference="SAMPLE-2028-001",
        issued_on=timezone.localdate(),
        verification=Verification.objects.create(kind=Verification.Kind.INVITATION_LETTER),
    )
    return letter.verification


def _alumni_message():
    from accounts.models import User
    from aftercare.alumni import alumni_message_send
    from aftercare.models import AlumniEntry

    return alumni_message_send(
        user=User.objects.get(email="official@example.org"),
        recipient_entry=AlumniEntry.objects.get(participant__email="sato.yuki@example.org"),
        body="Hello, could we meet during my visit to Kyoto?",
    )


def prepare():
    from aftercare.models import AlumniEntry, SpeakerInvitation
    from cohorts.models import SpeechRound
    from exhibitions.models import Exhibit
    from participants.checkin_code import registration_checkin_token
    from participants.models import Registration
    from workshops.models import Occurrence

    china, meeting = _meeting()
    invitation = _surveys()
    message = _alumni_message()
    past = Occurrence.objects.get(slug="sample-cjk-workshop-past")
    speaker = SpeakerInvitation.objects.create(occurrence=past, name="Sample Speaker", email="speaker@example.jp")
    exhibit = Exhibit.objects.filter(exhibition__slug="asean-rok-exhibition-2019").order_by("pk").first()
    entry = AlumniEntry.objects.get(participant__email="sato.yuki@example.org")
    official_entry = AlumniEntry.objects.get(participant__email="official@example.org")
    k2h = Occurrence.objects.get(slug="sample-k2h-cohort")
    arrival = Registration.objects.filter(occurrence=k2h).order_by("pk").first()
    judged = SpeechRound.objects.get(
        occurrence__slug="sample-speech-contest", language="ja", kind=SpeechRound.Kind.PRELIMINARY
    )
    pages = {
        "meetings": ("focal.china@example.org", "/meetings/"),
        "meeting-request": ("focal.china@example.org", f"/meetings/request/{china.pk}/"),
        "meetings-occurrence": ("staff@example.org", f"/meetings/occurrence/{meeting.occurrence_id}/"),
        "meeting": ("staff@example.org", f"/meetings/{meeting.pk}/"),
        "exhibition": (None, "/exhibitions/asean-rok-exhibition-2019/"),
        "exhibit": (None, f"/exhibitions/asean-rok-exhibition-2019/exhibits/{exhibit.pk}/"),
        "alumni": ("sato.yuki@example.org", "/alumni/"),
        "alumni-directory": ("sato.yuki@example.org", "/alumni/programs/cjk-trilateral-workshop/"),
        "alumni-entry": ("sato.yuki@example.org", f"/alumni/entries/{entry.pk}/"),
        "alumni-write": (
            "sato.yuki@example.org",
            f"/alumni/programs/cjk-trilateral-workshop/write/{official_entry.pk}/",
        ),
        "alumni-message": ("sato.yuki@example.org", f"/alumni/messages/{message.pk}/"),
        "alumni-leave": ("sato.yuki@example.org", f"/alumni/entries/{entry.pk}/leave/"),
        "materials-photos": ("official@example.org", "/occurrences/sample-cjk-workshop-past/"),
        "survey": (None, f"/aftercare/surveys/{invitation.token}/"),
        "survey-results": ("staff@example.org", f"/aftercare/surveys/{invitation.survey_id}/results/"),
        "library": (None, "/library/"),
        "speaker": (None, f"/aftercare/speakers/{speaker.token}/"),
        "judging": ("judge.japanese@example.org", "/staff/judging/"),
        "judging-round": ("judge.japanese@example.org", f"/staff/judging/rounds/{judged.pk}/"),
        "checkin": ("admin:checkin@example.org", f"/staff/occurrences/{k2h.pk}/checkin/?q=a"),
        "checkin-token": ("admin:checkin@example.org", f"/staff/checkin/t/{registration_checkin_token(arrival)}/"),
    }
    closed = SpeechRound.objects.get(
        occurrence__slug="sample-speech-contest", language="zh", kind=SpeechRound.Kind.PRELIMINARY
    )
    pages["judging-closed"] = ("judge.chinese@example.org", f"/staff/judging/rounds/{closed.pk}/")
    pages["photo-removal"] = ("official@example.org", f"/aftercare/photos/{_photo(past).pk}/removal/")
    pages["verify"] = (None, f"/verify/{_verification(arrival).token}/")
    print(json.dumps(pages))
