"""A real SMTP server (aiosmtpd) on a free local port that keeps what it receives."""

import email
import email.policy
import os
import re
import socket
import threading

from aiosmtpd.controller import Controller


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _Handler:
    def __init__(self, server):
        self.server = server

    async def handle_DATA(self, smtp_server, session, envelope):
        with self.server.lock:
            if self.server.refuse_next > 0:
                self.server.refuse_next -= 1
                self.server.refused += 1
                return "451 4.3.0 Try again later"
            message = email.message_from_bytes(envelope.content, policy=email.policy.default)
            self.server.messages.append(message)
            self.server.peers.append(session.peer)  # the client's (address, port): one per connection
        return "250 OK"


class CapturingSMTPServer:
    """`messages` holds every accepted email (`peers`, the connection each came over); set
    `refuse_next` to answer 451 that many times."""

    def __init__(self):
        self.port = free_port()
        self.messages = []
        self.peers = []  # per accepted email, the connection it came over
        self.lock = threading.Lock()
        self.refuse_next = 0
        self.refused = 0
        self.controller = Controller(_Handler(self), hostname="127.0.0.1", port=self.port)

    @property
    def url(self):
        return f"smtp://127.0.0.1:{self.port}"

    def start(self):
        self.controller.start()
        return self

    def stop(self):
        self.controller.stop()

    def received_by(self, address):
        with self.lock:
            return [m for m in self.messages if address in str(m["To"])]


class _KeyCountingHandler:
    def __init__(self, server):
        self.server = server

    async def handle_DATA(self, smtp_server, session, envelope):
        found = _NOTIFICATION_KEY.search(envelope.content)
        with self.server.lock:
            self.server.keys.append(found.group(1).decode() if found else "")
        return "250 OK"


_NOTIFICATION_KEY = re.compile(rb"^X-Notification-Key: *([^\r\n]*)", re.MULTILINE)


class KeyCountingSMTPServer(CapturingSMTPServer):
    """A real SMTP server (the same aiosmtpd) that keeps only each accepted email's
    X-Notification-Key, in `keys`: for benchmarks, where parsing every message into an
    EmailMessage (about 1 ms of CPU each) would take the machine's time from the sender
    being measured."""

    def __init__(self):
        super().__init__()
        self.keys = []
        self.controller.handler = _KeyCountingHandler(self)

    def cpu_seconds(self):
        """CPU time the server's thread has used (Linux)."""
        tid = self.controller._thread.native_id
        with open(f"/proc/self/task/{tid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
