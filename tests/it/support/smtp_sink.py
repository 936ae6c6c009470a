#!/usr/bin/env python3
"""A mail server for tests, built on aiosmtpd.

Listens on 127.0.0.1 (the port given with --port, or a free one) and prints
the port on the first line of its output. Writes every message it accepts,
whole and as received, to the folder given with --dir as NNNN.eml, after an
`X-Envelope-To:` line naming the recipients the client gave. Refuses
recipients whose address starts with "bounce" for good (550: the sender
must give up) and those starting with "later" for now (451: try again).
Stops when its standard input closes, so it never outlives the test that
started it.
"""

import argparse
import asyncio
import os
import sys
import threading

from aiosmtpd.smtp import SMTP


class Sink:
    def __init__(self, folder):
        self.folder = folder
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@")[0].lower()
        if local.startswith("bounce"):
            return "550 5.1.1 No such mailbox here"
        if local.startswith("later"):
            return "451 4.3.0 Mailbox busy, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        path = os.path.join(self.folder, f"{self.count:04d}.eml")
        with open(path + ".part", "wb") as f:
            f.write(b"X-Envelope-To: " + ",".join(envelope.rcpt_tos).encode() + b"\r\n")
            f.write(envelope.original_content)
        os.rename(path + ".part", path)
        return "250 2.0.0 Accepted"


def stop_when_stdin_closes(loop):
    def watch():
        sys.stdin.buffer.read()
        loop.call_soon_threadsafe(loop.stop)

    threading.Thread(target=watch, daemon=True).start()


async def serve(folder, port):
    loop = asyncio.get_running_loop()
    sink = Sink(folder)
    server = await loop.create_server(
        lambda: SMTP(sink, hostname="sink.test", decode_data=False),
        host="127.0.0.1",
        port=port,
    )
    print(server.sockets[0].getsockname()[1], flush=True)
    stop_when_stdin_closes(loop)
    await server.serve_forever()


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--dir", required=True)
    p.add_argument("--port", type=int, default=0)
    args = p.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    try:
        asyncio.run(serve(args.dir, args.port))
    except RuntimeError:
        # The loop was stopped because the parent went away.
        pass


if __name__ == "__main__":
    main()
