"""A small HTTP client and process helpers for the scale and fault tests.

Standard library only, so the tests need nothing from PyPI: a browser-like
client with a cookie jar (for the back office), form and multipart posts,
and a portal process that can be started, killed and restarted.
"""

import hashlib
import http.client
import os
import random
import re
import signal
import socket
import string
import struct
import subprocess
import time
import urllib.parse
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.environ.get("TECHBRIDGE_BIN", os.path.join(ROOT, "target", "debug", "techbridge"))
ADMIN = ("admin@centre.example.org", "violet-harbour-kettle-42")
SECRET = "scale-test-secret-key-0123456789abcdef0123456789"


class Failure(AssertionError):
    pass


def check(ok, what):
    if not ok:
        raise Failure(what)
    print(f"  ok  {what}", flush=True)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Response:
    def __init__(self, status, headers, body, elapsed):
        self.status = status
        self.headers = headers
        self.body = body
        self.elapsed = elapsed

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")

    def header(self, name):
        for k, v in self.headers:
            if k.lower() == name.lower():
                return v
        return None


class Client:
    """One visitor: a cookie jar and the CSRF token of the last admin page."""

    def __init__(self, port, forwarded_for=None, tls=None):
        self.port = port
        self.cookies = {}
        self.csrf = ""
        self.forwarded_for = forwarded_for
        # An ssl.SSLContext: speak HTTPS (to nginx, in cluster.py).
        self.tls = tls

    def request(self, method, path, body=None, content_type=None, headers=None, timeout=15):
        if self.tls:
            conn = http.client.HTTPSConnection("127.0.0.1", self.port, timeout=timeout, context=self.tls)
        else:
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        h = {"Accept-Language": "en"}
        if self.cookies:
            h["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if method != "GET":
            h["Sec-Fetch-Site"] = "same-origin"
        if content_type:
            h["Content-Type"] = content_type
        if self.forwarded_for:
            h["X-Forwarded-For"] = self.forwarded_for
        h.update(headers or {})
        started = time.monotonic()
        try:
            conn.request(method, path, body=body, headers=h)
            r = conn.getresponse()
            data = r.read()
        finally:
            conn.close()
        resp = Response(r.status, r.getheaders(), data, time.monotonic() - started)
        for k, v in resp.headers:
            if k.lower() == "set-cookie":
                pair = v.split(";", 1)[0]
                name, _, value = pair.partition("=")
                if "Max-Age=0" in v or not value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = value
        m = re.search(r'name="csrf" value="([^"]+)"', resp.text)
        if m:
            self.csrf = m.group(1)
        return resp

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, fields, csrf=False, **kw):
        if csrf:
            fields = [("csrf", self.csrf)] + list(fields)
        body = urllib.parse.urlencode(fields).encode()
        return self.request("POST", path, body, "application/x-www-form-urlencoded", **kw)

    def post_multipart(self, path, fields, files, csrf=False, **kw):
        if csrf:
            fields = [("csrf", self.csrf)] + list(fields)
        ctype, body = multipart(fields, files)
        return self.request("POST", path, body, ctype, **kw)

    def login(self, who=ADMIN):
        form = self.get("/admin/login")
        token = re.search(r'name="token" value="([^"]+)"', form.text).group(1)
        return self.post(
            "/admin/login",
            [("email", who[0]), ("password", who[1]), ("token", token), ("next", "/admin/")],
        )


def multipart(fields, files):
    boundary = "----techbridge" + "".join(random.choices(string.ascii_letters, k=16))
    out = bytearray()
    for k, v in fields:
        out += f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
    for name, filename, ctype, data in files:
        out += (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
            f"Content-Type: {ctype}\r\n\r\n"
        ).encode()
        out += data + b"\r\n"
    out += f"--{boundary}--\r\n".encode()
    return f"multipart/form-data; boundary={boundary}", bytes(out)


def pdf(marker):
    """A small valid PDF whose bytes are unique to `marker`."""
    pad = hashlib.sha256(marker.encode()).hexdigest() * 40
    return (
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% "
        + pad.encode()
        + b"\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    )


def png(width=64, height=48, seed=0):
    rnd = random.Random(seed)
    raw = b"".join(
        b"\x00" + bytes(rnd.randrange(256) for _ in range(width * 3)) for _ in range(height)
    )

    def chunk(kind, data):
        c = struct.pack(">I", len(data)) + kind + data
        return c + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def application_fields(host_post, email, token):
    return [
        ("submission_token", token),
        ("name", "Nguyen Thi Mai"),
        ("email", email),
        ("nationality", "VN"),
        ("date_of_birth", "1991-06-15"),
        ("degree", "phd"),
        ("research_years", "6"),
        ("field", "agriculture"),
        ("institution", "Hanoi University of Science"),
        ("host_post", host_post),
        ("english_level", "fluent"),
        ("chinese_level", "basic"),
        ("proposal_title", "Salt-tolerant rice for the Mekong Delta"),
        (
            "proposal",
            "I propose to screen Guangxi rice germplasm for salinity tolerance genes and to cross "
            "the best lines with Vietnamese varieties grown in the Mekong Delta, where sea water "
            "intrudes further every dry season. The work combines field trials with marker-assisted "
            "selection in the host laboratory.",
        ),
        # The two referees the form asks for (issue 16).
        ("referee1_name", "Le Van Hoa"),
        ("referee1_email", "le.hoa@referee.example.edu.vn"),
        ("referee1_institution", "Vietnam Academy of Agricultural Sciences"),
        ("referee1_lang", "en"),
        ("referee2_name", "Wei Lan"),
        ("referee2_email", "wei.lan@referee.example.cn"),
        ("referee2_institution", "Guangxi University"),
        ("referee2_lang", "zh-CN"),
        ("consent", "yes"),
        ("website", ""),
    ]


def inquiry_fields(email, message):
    return [
        ("name", "Siti Rahmawati"),
        ("organisation", "Koperasi Tani Makmur"),
        ("country", "ID"),
        ("email", email),
        ("message", message),
        ("consent", "yes"),
        ("website", ""),
    ]


def first_host_post(client):
    page = client.get("/en/programme/apply").text
    m = re.search(r'<select id="host_post".*?<option value="(\d+)"', page, re.S)
    if not m:
        raise Failure("no host post on the application form")
    return m.group(1)


def first_technology(client):
    page = client.get("/en/technologies").text
    return re.search(r'href="/en/technologies/([a-z0-9-]+)"', page).group(1)


class Portal:
    """One instance of the portal binary."""

    def __init__(self, database_url, data_dir, port=None, extra_env=None, log=None):
        self.database_url = database_url
        self.data_dir = data_dir
        self.port = port or free_port()
        self.extra_env = extra_env or {}
        self.log = log or os.path.join(data_dir, f"portal-{self.port}.log")
        self.proc = None

    def env(self):
        env = dict(os.environ)
        env.update(
            {
                "DATABASE_URL": self.database_url,
                "SECRET_KEY": SECRET,
                "TRUST_PROXY": "true",
                "LOG_LEVEL": "warn",
                "PUBLIC_URL": f"http://127.0.0.1:{self.port}",
            }
        )
        env.update(self.extra_env)
        return env

    def start(self, wait=True):
        logf = open(self.log, "ab")
        self.proc = subprocess.Popen(
            [BIN, "--data-dir", self.data_dir, "--port", str(self.port), "--workers", "2"],
            env=self.env(),
            stdout=logf,
            stderr=subprocess.STDOUT,
        )
        if wait:
            self.wait_healthy()
        return self

    def wait_healthy(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise Failure(f"portal exited with {self.proc.returncode}; see {self.log}")
            try:
                if Client(self.port).get("/healthz", timeout=2).status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.1)
        raise Failure(f"portal on {self.port} not healthy after {timeout} s")

    def kill(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()

    def stop(self, timeout=20):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.kill()

    def cli(self, *args, env=None):
        e = self.env()
        e.update(env or {})
        return subprocess.run(
            [BIN, "--data-dir", self.data_dir, *args], env=e, check=True, capture_output=True
        )

    def rss_kib(self):
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0


def psql(url, sql):
    out = subprocess.run(
        ["psql", url, "-At", "-F", "\t", "-c", sql], check=True, capture_output=True, text=True
    )
    return [line.split("\t") for line in out.stdout.splitlines() if line]


def create_pg_database(admin_url, name):
    psql(admin_url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    psql(admin_url, f"CREATE DATABASE {name}")
    base = admin_url.rsplit("/", 1)[0]
    return f"{base}/{name}"


def drop_pg_database(admin_url, name):
    try:
        psql(admin_url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    except subprocess.CalledProcessError:
        pass
