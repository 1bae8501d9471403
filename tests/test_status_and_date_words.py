"""A status and a date column that share an English word ("Requested", "Submitted") are different words in the
other languages: a meeting's status must not read "request date" (요청 일시), nor an application's date "submitted"."""

import pytest
from django.utils import translation
from django.utils.translation import gettext, pgettext

from applications.models import OrganizationApplication
from meetings.models import Meeting

pytestmark = pytest.mark.unit

STATUS_WORDS = {"ko": "요청됨", "ja": "依頼中", "zh-hans": "已请求", "zh-hant": "已請求"}
DATE_WORDS = {"ko": "제출일", "ja": "提出日", "zh-hans": "提交日期", "zh-hant": "提交日期"}


@pytest.mark.parametrize("language", STATUS_WORDS)
def test_a_requested_meeting_reads_as_a_status_and_the_bureaus_column_as_a_time(language):
    with translation.override(language):
        status = str(Meeting.Status.REQUESTED.label)
        column = pgettext("date column", "Requested")
    assert status == STATUS_WORDS[language]
    assert column != status


@pytest.mark.parametrize("language", DATE_WORDS)
def test_the_applications_date_column_is_a_date_not_the_status(language):
    with translation.override(language):
        column = pgettext("date column", "Submitted")
        status = str(OrganizationApplication.Status.SUBMITTED.label)
        assert status == gettext("Submitted")
    assert column == DATE_WORDS[language] and column != status
