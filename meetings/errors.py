class MeetingError(Exception):
    """A request or a change that cannot be made; `messages` says why, in the reader's language."""

    def __init__(self, *messages):
        super().__init__(*messages)
        self.messages = list(messages)
