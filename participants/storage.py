"""Uploaded answers live in the project's one private storage (jobs/storage.py), which no URL
serves: an answer is read only through a permission-checked view (participants.views.answer_file
for its owner, the registration's admin page for the occurrence's staff)."""

from jobs import storage


def private_storage():
    # Migration 0011_registration_forms names this function.
    return storage.private_storage()
