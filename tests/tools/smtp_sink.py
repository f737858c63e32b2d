#!/usr/bin/python3
"""A real SMTP server on 127.0.0.1 for Passend's tests and benchmarks (Debian's aiosmtpd).

Prints "PORT <n>" once it listens, then serves until SIGTERM. Each accepted message is
written to DIR/<seq>.eml, with an "X-Sink-Rcpt:" line before it naming the recipients,
unless --discard (the benchmark) only counts them.

Faults, to test that mails are neither lost nor sent twice:
  --reject-rcpt ADDR   answer 550 to RCPT TO for ADDR (a refused recipient)
  --refuse-first N     answer 421 to the first N MAIL FROM commands (server busy)
  --drop-first N       close the connection after the first N messages' data, before
                       replying (dropped mid-message; the message is not kept)
  --delay-ms MS        wait before accepting each message (a slow server)

Security, to test STARTTLS and authentication:
  --tls-cert F --tls-key F   offer STARTTLS with this certificate and require it
  --implicit-tls             with the certificate: TLS from the first byte (smtps://)
  --auth USER:PASSWORD       require AUTH (PLAIN or LOGIN) with these credentials
"""
import argparse
import asyncio
import os
import signal
import socket
import ssl
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Sink:
    def __init__(self, args):
        self.args = args
        self.count = 0
        self.mail_from_seen = 0
        self.data_seen = 0
        self.lock = threading.Lock()

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        with self.lock:
            self.mail_from_seen += 1
            refuse = self.mail_from_seen <= self.args.refuse_first
        if refuse:
            return "421 4.3.2 Service not available, try again later"
        envelope.mail_from = address
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.args.reject_rcpt:
            return "550 5.1.1 <%s>: Recipient address rejected: User unknown" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.data_seen += 1
            drop = self.data_seen <= self.args.drop_first
        if drop:
            server.transport.close()
            return "421 4.4.2 Connection dropped"
        if self.args.delay_ms:
            await asyncio.sleep(self.args.delay_ms / 1000.0)  # cancelled if the client goes away
        if server.transport is None or server.transport.is_closing():
            return "421 4.4.2 Client went away"
        with self.lock:
            self.count += 1
            seq = self.count
        if not self.args.discard:
            path = os.path.join(self.args.dir, "%06d.eml" % seq)
            with open(path + ".tmp", "wb") as f:
                f.write(("X-Sink-Rcpt: %s\r\n" % ",".join(envelope.rcpt_tos)).encode())
                f.write(envelope.original_content)
            os.rename(path + ".tmp", path)
        return "250 2.0.0 OK queued as %d" % seq


def authenticator_for(expected):
    user, password = expected.split(":", 1)

    def check(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user
              and auth_data.password.decode() == password)
        return AuthResult(success=ok, handled=False)  # handled=False: the server answers 535

    return check


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--dir", default=".")
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--reject-rcpt", action="append", default=[])
    p.add_argument("--refuse-first", type=int, default=0)
    p.add_argument("--drop-first", type=int, default=0)
    p.add_argument("--delay-ms", type=int, default=0)
    p.add_argument("--discard", action="store_true")
    p.add_argument("--tls-cert")
    p.add_argument("--tls-key")
    p.add_argument("--auth")
    p.add_argument("--implicit-tls", action="store_true")
    args = p.parse_args()
    sink = Sink(args)
    port = args.port or free_port()
    extra = {}
    if args.tls_cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.tls_cert, args.tls_key)
        if args.implicit_tls:
            extra.update(ssl_context=context)
        else:
            extra.update(tls_context=context, require_starttls=True)
    if args.auth:
        extra.update(authenticator=authenticator_for(args.auth), auth_required=True)
    controller = Controller(sink, hostname="127.0.0.1", port=port, data_size_limit=10 * 1024 * 1024, **extra)
    controller.start()
    print("PORT %d" % port, flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    while not stop.wait(0.2):
        pass
    controller.stop()
    print("ACCEPTED %d" % sink.count, flush=True)


if __name__ == "__main__":
    sys.exit(main())
