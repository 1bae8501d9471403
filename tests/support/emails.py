"""Reading an email as the SMTP server received it."""


def whole_email(message):
    """The email as received: headers and every decoded part (plain text and HTML)."""
    parts = [message.as_string()]
    for kind in ("plain", "html"):
        parts.append(message.get_body((kind,)).get_content())
    return "\n".join(parts)
