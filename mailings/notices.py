from notifications.registry import notice_kinds

notice_kinds("cohort_message", app="mailings")
