"""Faults: SIGKILL during submissions, SIGTERM with a request in flight, the
database going away, and abusive clients.

    python3 tests/scale/faults.py [crash-sqlite|crash-postgres|sigterm|outage|abuse ...]

With no argument every check runs. `outage` stops and restarts the machine's
PostgreSQL cluster, so it must not run beside anything else that uses it.
"""

import hashlib
import os
import random
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import uuid

from portal import (
    Client,
    Portal,
    application_fields,
    check,
    create_pg_database,
    drop_pg_database,
    first_host_post,
    first_technology,
    inquiry_fields,
    pdf,
    psql,
)

PG = os.environ.get("CI_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")
KILLS = int(os.environ.get("CRASH_KILLS", "8"))


def random_ip():
    return f"198.51.{random.randrange(256)}.{random.randrange(1, 255)}"


class Submitter(threading.Thread):
    """Submits inquiries and applications until told to stop and remembers
    every one the portal answered with success."""

    def __init__(self, port, slug, post):
        super().__init__(daemon=True)
        self.port = port
        self.slug = slug
        self.post = post
        self.stop = threading.Event()
        self.inquiries = {}  # email -> message
        self.applications = {}  # email -> (reference, {kind: sha256})
        self.attempts = 0
        self.failures = 0

    def run(self):
        n = 0
        while not self.stop.is_set():
            n += 1
            self.attempts += 1
            tag = uuid.uuid4().hex[:12]
            email = f"crash-{tag}@example.org"
            c = Client(self.port, forwarded_for=random_ip())
            try:
                if n % 2:
                    message = f"Inquiry {tag}: " + "we would like to adopt this technology. " * 20
                    r = c.post(f"/en/technologies/{self.slug}/inquiry", inquiry_fields(email, message), timeout=5)
                    if r.status == 303 and "/inquiry/sent" in (r.header("location") or ""):
                        self.inquiries[email] = message
                else:
                    cv, degree = pdf(f"cv-{tag}"), pdf(f"degree-{tag}")
                    r = c.post_multipart(
                        "/en/programme/apply",
                        application_fields(self.post, email, uuid.uuid4().hex),
                        [("cv", "cv.pdf", "application/pdf", cv), ("degree_file", "degree.pdf", "application/pdf", degree)],
                        timeout=5,
                    )
                    loc = r.header("location") or ""
                    if r.status == 303 and "/apply/done/" in loc:
                        self.applications[email] = (
                            loc.rsplit("/", 1)[1],
                            {"cv": hashlib.sha256(cv).hexdigest(), "degree": hashlib.sha256(degree).hexdigest()},
                        )
            except OSError:
                self.failures += 1
                time.sleep(0.02)


def crash(backend):
    print(f"crash test on {backend}: SIGKILL at random moments during submissions", flush=True)
    work = tempfile.mkdtemp(prefix="techbridge-crash-")
    name = f"techbridge_crash_{os.getpid()}"
    if backend == "sqlite":
        db_path = os.path.join(work, "portal.db")
        url = f"sqlite://{db_path}?mode=rwc"
    else:
        url = create_pg_database(PG, name)
    portal = Portal(url, work)
    try:
        portal.start()
        visitor = Client(portal.port)
        sub = Submitter(portal.port, first_technology(visitor), first_host_post(visitor))
        sub.start()
        rnd = random.Random(os.getpid())
        for _ in range(KILLS):
            time.sleep(rnd.uniform(0.3, 1.5))
            portal.kill()
            portal.start()
        time.sleep(0.5)
        sub.stop.set()
        sub.join()
        portal.stop()
        check(portal.proc.returncode == 0, "the last instance stopped cleanly on SIGTERM")
        print(
            f"  ..  {KILLS} kills; {sub.attempts} attempts, {len(sub.inquiries)} inquiries and "
            f"{len(sub.applications)} applications answered with success, {sub.failures} refused while down",
            flush=True,
        )
        check(len(sub.inquiries) > 0 and len(sub.applications) > 0, "submissions succeeded between the kills")

        if backend == "sqlite":
            db = sqlite3.connect(db_path)
            q = lambda sql: [tuple(str(c) for c in row) for row in db.execute(sql).fetchall()]  # noqa: E731
        else:
            q = lambda sql: [tuple(r) for r in psql(url, sql)]  # noqa: E731

        stored_inquiries = dict(q("SELECT email, message FROM inquiries WHERE email LIKE 'crash-%'"))
        missing = [e for e in sub.inquiries if e not in stored_inquiries]
        check(not missing, f"every acknowledged inquiry is stored ({len(sub.inquiries)}; missing {missing[:3]})")
        check(all(stored_inquiries[e] == m.strip() for e, m in sub.inquiries.items()), "each whole, message intact")

        apps = {e: r for e, r in q("SELECT email, reference FROM applications WHERE email LIKE 'crash-%'")}
        missing = [e for e in sub.applications if e not in apps]
        check(not missing, f"every acknowledged application is stored ({len(sub.applications)}; missing {missing[:3]})")
        check(all(apps[e] == ref for e, (ref, _) in sub.applications.items()), "under the reference the applicant was given")
        docs = {}
        for email, kind, sha in q(
            "SELECT a.email, d.kind, d.sha256 FROM application_documents d JOIN applications a ON a.id = d.application_id "
            "WHERE a.email LIKE 'crash-%'"
        ):
            docs.setdefault(email, {})[kind] = sha
        bad = [e for e, (_, want) in sub.applications.items() if docs.get(e, {}).get("cv") != want["cv"]]
        check(not bad, "with their CV, byte for byte (sha256)")
        incomplete = q(
            "SELECT a.reference FROM applications a WHERE a.email LIKE 'crash-%' AND "
            "(SELECT count(*) FROM application_documents d WHERE d.application_id = a.id) < 2"
        )
        check(not incomplete, f"no application stored without its documents (stored: {len(apps)})")

        if backend == "sqlite":
            result = q("PRAGMA integrity_check")
            check(result == [("ok",)], f"PRAGMA integrity_check: {result[0][0]}")
            fk = q("PRAGMA foreign_key_check")
            check(not fk, "PRAGMA foreign_key_check: no dangling reference")
            db.close()
        else:
            dbname = url.rsplit("/", 1)[1]
            out = subprocess.run(
                [pg_bin("pg_amcheck"), "-h", "127.0.0.1", "-U", "postgres", "--install-missing", "--heapallindexed", dbname],
                capture_output=True,
                text=True,
            )
            check(out.returncode == 0, f"pg_amcheck finds no corruption {out.stdout.strip()[:200]}")
    finally:
        portal.kill()
        if backend != "sqlite":
            drop_pg_database(PG, name)
        subprocess.run(["rm", "-rf", work])


def pg_bin(name):
    versions = sorted(os.listdir("/usr/lib/postgresql"), key=int)
    return f"/usr/lib/postgresql/{versions[-1]}/bin/{name}"


def sigterm():
    print("graceful stop: SIGTERM with an upload in flight", flush=True)
    work = tempfile.mkdtemp(prefix="techbridge-term-")
    db_path = os.path.join(work, "portal.db")
    portal = Portal(f"sqlite://{db_path}?mode=rwc", work, extra_env={"SHUTDOWN_TIMEOUT": "5"})
    try:
        portal.start()
        post = first_host_post(Client(portal.port))
        email = f"term-{uuid.uuid4().hex[:8]}@example.org"
        ctype, body = __import__("portal").multipart(
            application_fields(post, email, uuid.uuid4().hex),
            [("cv", "cv.pdf", "application/pdf", pdf("term-cv")), ("degree_file", "degree.pdf", "application/pdf", pdf("term-degree"))],
        )
        s = socket.create_connection(("127.0.0.1", portal.port))
        s.sendall(
            (
                f"POST /en/programme/apply HTTP/1.1\r\nHost: 127.0.0.1:{portal.port}\r\nContent-Type: {ctype}\r\n"
                f"Content-Length: {len(body)}\r\nSec-Fetch-Site: same-origin\r\nX-Forwarded-For: 192.0.2.7\r\nConnection: close\r\n\r\n"
            ).encode()
            + body[: len(body) // 2]
        )
        time.sleep(0.3)
        sent_term = time.monotonic()
        portal.proc.send_signal(15)
        time.sleep(0.5)
        refused = False
        try:
            c = socket.create_connection(("127.0.0.1", portal.port), timeout=2)
            c.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            refused = c.recv(100) == b""
            c.close()
        except OSError:
            refused = True
        check(refused, "new connections are refused once SIGTERM arrived")
        s.sendall(body[len(body) // 2 :])
        s.settimeout(10)
        reply = b""
        while chunk := s.recv(65536):
            reply += chunk
        s.close()
        status_line = reply.split(b"\r\n", 1)[0].decode()
        check(" 303 " in status_line, f"the upload in flight finished: {status_line}")
        portal.proc.wait(10)
        took = time.monotonic() - sent_term
        check(portal.proc.returncode == 0 and took < 5 + 1, f"exited with 0 within the 5 s timeout ({took:.1f} s)")
        wal = db_path + "-wal"
        check(not os.path.exists(wal) or os.path.getsize(wal) == 0, "SQLite closed cleanly (WAL checkpointed)")
        db = sqlite3.connect(db_path)
        n = db.execute("SELECT count(*) FROM applications WHERE email = ?", (email,)).fetchone()[0]
        check(n == 1, "the application is stored")
        db.close()
    finally:
        portal.kill()
        subprocess.run(["rm", "-rf", work])


def pg_cluster(action):
    versions = sorted(os.listdir("/etc/postgresql"), key=int)
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", versions[-1], "main", action, *(["-m", "fast"] if action == "stop" else [])],
        check=True,
    )


def outage():
    print("database outage: PostgreSQL stopped under a running portal", flush=True)
    work = tempfile.mkdtemp(prefix="techbridge-outage-")
    name = f"techbridge_outage_{os.getpid()}"
    url = create_pg_database(PG, name)
    cache_s = 0.5
    portal = Portal(url, work, extra_env={"PAGE_CACHE_MS": str(int(cache_s * 1000))})
    stopped = False
    try:
        portal.start()
        c = Client(portal.port)
        slug = first_technology(c)
        pages = ["/en/", "/zh-CN/technologies", f"/id/technologies/{slug}", "/en/news"]
        check(all(c.get(p).status == 200 for p in pages), "pages answer while the database is up")
        pg_cluster("stop")
        stopped = True
        # A page rendered in the last half second is still served from
        # memory (no database needed); past that, each one asks again.
        time.sleep(cache_s + 0.1)
        for p in pages:
            r = Client(portal.port).get(p, headers={"Accept-Language": "id"})
            check(
                r.status == 503 and r.header("retry-after") and r.elapsed < 3,
                f"{p}: {r.status} with Retry-After {r.header('retry-after')} in {r.elapsed:.2f} s",
            )
        r = Client(portal.port).get("/id/")
        check('lang="id"' in r.text and "<html" in r.text, "the 503 page is a page in the visitor's language")
        r = Client(portal.port).get("/healthz")
        check(r.status == 503 and b"unhealthy" in r.body, f"/healthz reports unhealthy ({r.elapsed:.2f} s)")
        check(portal.proc.poll() is None, "the portal is still running")
        pg_cluster("start")
        stopped = False
        back = time.monotonic()
        ok = False
        while time.monotonic() - back < 30:
            try:
                if all(Client(portal.port).get(p).status == 200 for p in pages):
                    ok = True
                    break
            except OSError:
                pass
            time.sleep(0.25)
        check(ok, f"recovered by itself {time.monotonic() - back:.1f} s after PostgreSQL came back")
        check(Client(portal.port).get("/healthz").status == 200, "/healthz healthy again")
    finally:
        if stopped:
            pg_cluster("start")
        for _ in range(30):
            if subprocess.run(["pg_isready", "-h", "127.0.0.1", "-q"]).returncode == 0:
                break
            time.sleep(0.5)
        portal.kill()
        drop_pg_database(PG, name)
        subprocess.run(["rm", "-rf", work])


def raw(port, data, timeout=5):
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    s.sendall(data)
    out = b""
    try:
        while chunk := s.recv(65536):
            out += chunk
    except (ConnectionResetError, socket.timeout):
        pass
    s.close()
    return out


def closed_within(port, head, trickle, limit):
    """Sends `head`, then one byte of `trickle` a second; how long until the server hangs up."""
    s = socket.create_connection(("127.0.0.1", port), timeout=2)
    s.sendall(head)
    started = time.monotonic()
    i = 0
    while time.monotonic() - started < limit:
        try:
            s.sendall(trickle[i % len(trickle) : i % len(trickle) + 1])
            i += 1
            data = s.recv(4096)
            if data == b"" or data.startswith(b"HTTP/1.1 4"):
                s.close()
                return time.monotonic() - started, data.split(b"\r\n", 1)[0].decode()
        except socket.timeout:
            continue
        except OSError:
            return time.monotonic() - started, "connection reset"
    s.close()
    return None, "still open"


def abuse():
    print("abuse: body limits, slow clients, 1,000 connections", flush=True)
    work = tempfile.mkdtemp(prefix="techbridge-abuse-")
    portal = Portal(f"sqlite://{work}/portal.db?mode=rwc", work, extra_env={"REQUEST_TIMEOUT": "15"})
    try:
        portal.start()
        c = Client(portal.port)
        slug = first_technology(c)
        big = inquiry_fields("big@example.org", "x" * 100_000)
        r = Client(portal.port).post(f"/en/technologies/{slug}/inquiry", big)
        check(r.status == 413, f"a 100 KB inquiry form is refused with 413 ({r.status})")
        head = (
            f"POST /en/programme/apply HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=zz\r\n"
            f"Content-Length: {40 * 1024 * 1024}\r\nSec-Fetch-Site: same-origin\r\n\r\n"
        ).encode()
        reply = raw(portal.port, head + b"--zz\r\n" + b"a" * 65536)
        check(reply.startswith(b"HTTP/1.1 413"), f"a 40 MB upload is refused from its Content-Length: {reply[:20]!r}")

        took, how = closed_within(portal.port, b"GET /en/ HTTP/1.1\r\nHost: x\r\n", b"X-Slow: yes\r\n", 30)
        check(took is not None and took < 15, f"slow headers: hung up after {took and round(took, 1)} s ({how})")
        took, how = closed_within(
            portal.port,
            f"POST /en/technologies/{slug}/inquiry HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            "Content-Length: 5000\r\nSec-Fetch-Site: same-origin\r\n\r\n".encode(),
            b"name=slow&",
            60,
        )
        check(took is not None and took < 20, f"slow body, with REQUEST_TIMEOUT=15: hung up after {took and round(took, 1)} s ({how})")

        results = {"ok": 0, "busy": 0, "err": 0, "open": 0}
        lock = threading.Lock()
        barrier = threading.Barrier(1000, timeout=60)

        def one():
            # All 1,000 connections are open at once before any sends a request.
            key = "err"
            try:
                s = socket.create_connection(("127.0.0.1", portal.port), timeout=30)
                with lock:
                    results["open"] += 1
                barrier.wait()
                s.sendall(b"GET /en/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                out = b""
                while chunk := s.recv(65536):
                    out += chunk
                s.close()
                if out.startswith(b"HTTP/1.1 200"):
                    key = "ok"
                elif out.startswith(b"HTTP/1.1 503") and b"retry-after" in out.lower():
                    key = "busy"
            except (OSError, threading.BrokenBarrierError):
                pass
            with lock:
                results[key] += 1

        threads = [threading.Thread(target=one) for _ in range(1000)]
        started = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        print(f"  ..  1,000 concurrent connections ({results['open']} open at once): {results['ok']} home pages answered 200, {results['busy']} 503 with Retry-After (database pool busy), {results['err']} failed, {time.monotonic() - started:.1f} s", flush=True)
        check(portal.proc.poll() is None and Client(portal.port).get("/en/").status == 200, "the portal still serves after 1,000 connections")
        check(results["err"] == 0, "every one of them got an answer: the page, or 503 with Retry-After")
    finally:
        portal.kill()
        subprocess.run(["rm", "-rf", work])


CHECKS = {
    "crash-sqlite": lambda: crash("sqlite"),
    "crash-postgres": lambda: crash("postgres"),
    "sigterm": sigterm,
    "outage": outage,
    "abuse": abuse,
}

if __name__ == "__main__":
    wanted = sys.argv[1:] or list(CHECKS)
    try:
        for name in wanted:
            CHECKS[name]()
        print("faults: all checks passed")
    except AssertionError as e:
        print(f"FAILED: {e}", file=sys.stderr)
        sys.exit(1)
