"""A real SMTP server (aiosmtpd) on a free local port that keeps what it receives."""

import email
import email.policy
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
