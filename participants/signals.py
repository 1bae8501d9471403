"""Signals of participants for the apps above it."""

from django.dispatch import Signal

# Sent inside the retention purge's transaction when a participant's personal data are erased
# (participant_id=...): apps above participants erase what they keep about that person too.
participant_anonymised = Signal()
