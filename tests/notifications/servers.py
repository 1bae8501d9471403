"""Servers the fault tests own: a private redis-server, an SMTP server that refuses for good,
and one that accepts connections and never answers. None touches the machine's shared services."""

import asyncio
import socket
import subprocess
import threading
import time

import redis

from tests.support.smtp import CapturingSMTPServer, _Handler, free_port


class RedisServer:
    """`redis-server` on a free port, with no persistence; stop() and start() keep the port."""

    def __init__(self):
        self.port = free_port()
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self, timeout=10):
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        client = redis.Redis(port=self.port, socket_connect_timeout=0.5)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                if client.ping():
                    return self
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError(f"redis-server on port {self.port} did not start")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)

    def queue_length(self, queue):
        return redis.Redis(port=self.port).llen(queue)


class _RefusingHandler(_Handler):
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.server.refuse_for_good:
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"


class RefusingSMTPServer(CapturingSMTPServer):
    """Like CapturingSMTPServer, and answers 550 for every address in `refuse_for_good`."""

    def __init__(self):
        super().__init__()
        self.refuse_for_good = set()
        self.controller.handler = _RefusingHandler(self)


class StuckSMTPServer:
    """Accepts TCP connections and never says a word: a mail server that hangs."""

    def __init__(self):
        self.port = free_port()
        self.socket = socket.socket()
        self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.socket.bind(("127.0.0.1", self.port))
        self.socket.listen(16)
        self.connections = []
        self.thread = threading.Thread(target=self._accept, daemon=True)

    @property
    def url(self):
        return f"smtp://127.0.0.1:{self.port}"

    def _accept(self):
        while True:
            try:
                conn, _addr = self.socket.accept()
            except OSError:
                return
            self.connections.append(conn)

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.socket.close()
        for conn in self.connections:
            conn.close()


class _StallingHandler(_Handler):
    async def handle_DATA(self, smtp_server, session, envelope):
        while self.server.stalled.is_set():
            await asyncio.sleep(0.01)
        return await super().handle_DATA(smtp_server, session, envelope)


class StallingSMTPServer(CapturingSMTPServer):
    """While `stalled` is set, messages whose data has arrived get no answer (and are not kept
    if the client goes away meanwhile, as a real server that has not said "250" does not)."""

    def __init__(self):
        super().__init__()
        self.stalled = threading.Event()
        self.controller.handler = _StallingHandler(self)
