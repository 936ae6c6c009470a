"""Two PostgreSQL-backed instances behind nginx: nothing that matters lives in one.

    python3 tests/scale/cluster.py      (tests/scale/run.sh installs nginx and builds first)
"""

import os
import re
import ssl
import subprocess
import sys
import tempfile
import time
import uuid

from portal import (
    ADMIN,
    Client,
    Portal,
    application_fields,
    check,
    create_pg_database,
    drop_pg_database,
    first_host_post,
    free_port,
    pdf,
    png,
    psql,
)

PG = os.environ.get("CI_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")

# deploy/nginx.conf is the file an operator copies; it is run here as it is,
# with only what names the operator's machine replaced: the instances'
# addresses, the ports, the certificate, the log and web-root directories.
# Each replacement must match exactly as often as said, so an edit of the
# deploy file that these no longer fit fails here instead of being skipped.
DEPLOY_CONF = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "deploy", "nginx.conf")

MAIN_CONF = """
worker_processes 1;
pid {dir}/nginx.pid;
error_log {dir}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
  client_body_temp_path {dir}/body;
  proxy_temp_path {dir}/proxy;
  fastcgi_temp_path {dir}/fastcgi;
  uwsgi_temp_path {dir}/uwsgi;
  scgi_temp_path {dir}/scgi;
  include {dir}/site.conf;
}}
"""


def site_conf(work, a_port, b_port, http_port, https_port):
    with open(DEPLOY_CONF) as f:
        conf = f.read()
    replacements = [
        (r"server 10\.0\.0\.11:8080 ", f"server 127.0.0.1:{a_port} ", 1),
        (r"server 10\.0\.0\.12:8080 ", f"server 127.0.0.1:{b_port} ", 1),
        (r"listen 80;", f"listen 127.0.0.1:{http_port};", 1),
        (r"listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;", 1),
        # This machine may have no IPv6.
        (r"\n\s*listen \[::\]:(80|443)[^;]*;", "", 2),
        (r"/etc/ssl/techbridge/", f"{work}/tls/", 2),
        (r"/var/log/nginx/", f"{work}/", 2),
        (r"/var/www/letsencrypt", f"{work}/letsencrypt", 2),
    ]
    misfits = []
    for pattern, replacement, times in replacements:
        conf, n = re.subn(pattern, replacement, conf)
        if n != times:
            misfits.append(f"{pattern} found {n} times, expected {times}")
    check(not misfits, f"deploy/nginx.conf has the lines this test replaces {misfits or ''}")
    return conf


def self_signed(work):
    """A certificate for 127.0.0.1 and portal.example.org, and a context that trusts it."""
    tls = os.path.join(work, "tls")
    os.makedirs(tls)
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
            "-nodes", "-days", "1", "-subj", "/CN=portal.example.org",
            "-addext", "subjectAltName=DNS:portal.example.org,IP:127.0.0.1",
            "-keyout", os.path.join(tls, "privkey.pem"), "-out", os.path.join(tls, "fullchain.pem"),
        ],
        check=True,
        capture_output=True,
    )
    return ssl.create_default_context(cafile=os.path.join(tls, "fullchain.pem"))


def main():
    work = tempfile.mkdtemp(prefix="techbridge-cluster-")
    name = f"techbridge_cluster_{os.getpid()}"
    url = create_pg_database(PG, name)
    a = Portal(url, os.path.join(work, "a"))
    b = Portal(url, os.path.join(work, "b"))
    nginx_port = free_port()
    http_port = free_port()
    nginx = None
    try:
        os.makedirs(a.data_dir)
        os.makedirs(b.data_dir)
        # Both start at once: migrations and the demo load take an advisory lock.
        a.start(wait=False)
        b.start(wait=False)
        a.wait_healthy()
        b.wait_healthy()
        a.cli("create-admin", "--email", ADMIN[0], "--name", "Ada Admin", env={"ADMIN_PASSWORD": ADMIN[1]})
        counts = psql(url, "SELECT count(*) FROM technologies")
        check(counts[0][0] == "32", f"two instances starting together loaded the demo once ({counts[0][0]} technologies)")

        tls = self_signed(work)
        os.makedirs(os.path.join(work, "letsencrypt"))
        with open(os.path.join(work, "site.conf"), "w") as f:
            f.write(site_conf(work, a.port, b.port, http_port, nginx_port))
        conf = os.path.join(work, "nginx.conf")
        with open(conf, "w") as f:
            f.write(MAIN_CONF.format(dir=work))
        tested = subprocess.run(["nginx", "-t", "-c", conf], capture_output=True, text=True)
        check(tested.returncode == 0, f"nginx -t accepts deploy/nginx.conf {'' if tested.returncode == 0 else tested.stderr}")
        nginx = subprocess.Popen(["nginx", "-c", conf, "-g", "daemon off;"], stderr=subprocess.DEVNULL)
        proxied = Client(nginx_port, tls=tls)
        deadline = time.monotonic() + 5
        while True:
            try:
                r = proxied.get("/en/")
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        check(r.status == 200, "nginx serves the portal over TLS from deploy/nginx.conf")
        r = Client(http_port).get("/en/news?x=1")
        check(
            r.status == 301 and r.header("location") == "https://portal.example.org/en/news?x=1",
            f"plain HTTP is redirected to HTTPS ({r.status} {r.header('location')})",
        )
        # Requests spread over both instances: the deploy file's request log
        # names the instance that answered each.
        statuses = {proxied.get("/healthz").status for _ in range(6)}
        with open(os.path.join(work, "techbridge.access.log")) as f:
            upstreams = {line.split()[6] for line in f if " /healthz " in line}
        check(
            statuses == {200} and upstreams == {f"127.0.0.1:{a.port}", f"127.0.0.1:{b.port}"},
            f"both instances answer through nginx ({statuses}, {sorted(upstreams)})",
        )

        # Sessions: signed in through A, recognised by B; logout on B ends it on A.
        ca = Client(a.port)
        r = ca.login()
        check(r.status == 303, "signed in through instance A")
        cb = Client(b.port)
        cb.cookies = dict(ca.cookies)
        check(cb.get("/admin/").status == 200, "the session made on A works on B")
        cb.get("/admin/")
        r = cb.post("/admin/logout", [], csrf=True)
        check(r.status in (302, 303), "logged out through B")
        check(ca.get("/admin/").status == 303, "the logout on B ended the session on A")

        # Uploads: an image through A is served by B.
        ca = Client(a.port)
        ca.login()
        ca.get("/admin/media")
        image = png(seed=7)
        r = ca.post_multipart(
            "/admin/media",
            [("alt.en", "Solar panels in a rice field"), ("alt.zh-CN", "稻田里的太阳能板"), ("alt.id", "Panel surya di sawah")],
            [("file", "field.png", "image/png", image)],
            csrf=True,
        )
        check(r.status == 303, f"an image uploaded through A ({r.status})")
        src = re.search(r'<img src="(/media/[^"]+)"', ca.get("/admin/media").text).group(1)
        served = Client(b.port).get(src)
        check(served.status == 200 and served.header("content-type").startswith("image/"), f"B serves the image uploaded on A ({src})")

        # A CV uploaded through A is downloadable from B.
        visitor = Client(a.port, forwarded_for="203.0.113.9")
        post = first_host_post(visitor)
        email = f"mai.{uuid.uuid4().hex[:8]}@hus.example.edu.vn"
        cv = pdf("cluster-cv")
        r = visitor.post_multipart(
            "/en/programme/apply",
            application_fields(post, email, uuid.uuid4().hex),
            [("cv", "cv.pdf", "application/pdf", cv), ("degree_file", "degree.pdf", "application/pdf", pdf("degree"))],
        )
        check(r.status == 303, f"an application with a CV submitted through A ({r.status})")
        app_id, doc_id = psql(
            url,
            "SELECT a.id, d.id FROM applications a JOIN application_documents d ON d.application_id = a.id "
            f"WHERE a.email = '{email}' AND d.kind = 'cv'",
        )[0]
        cb = Client(b.port)
        cb.login()
        doc = cb.get(f"/admin/applications/{app_id}/documents/{doc_id}")
        check(doc.status == 200 and doc.body == cv, "B hands out the CV uploaded through A, byte for byte")

        # Between writes B serves its pages from memory; a write to nothing
        # public (a failed sign-in on A) does not change that.
        Client(b.port).get("/en/news")
        check(Client(b.port).get("/en/news").header("x-cache") == "hit", "B serves its news page from memory")
        Client(a.port).login((ADMIN[0], "not-the-password"))
        psql(url, "DELETE FROM rate_events")
        time.sleep(0.3)
        check(Client(b.port).get("/en/news").header("x-cache") == "hit", "still from memory after a write to nothing public")

        def publish_through_a(title):
            ca.get("/admin/news/new")
            r = ca.post(
                "/admin/news/new",
                [
                    ("source_lang", "en"),
                    ("status", "published"),
                    ("publish_at", ""),
                    ("en.title", title),
                    ("en.summary", "Published through one instance, seen on the other."),
                    ("en.body", "Both instances read the same database."),
                    ("action", "save"),
                ],
                csrf=True,
            )
            check(r.status == 303, f"news published through A ({r.status})")
            published = time.monotonic()
            while time.monotonic() - published < 2.0:
                if title in Client(b.port).get("/en/news").text and title in Client(b.port).get("/en/").text:
                    return time.monotonic() - published
                time.sleep(0.01)
            return None

        # News published through A is on B within 0.2 s: B is told (LISTEN/NOTIFY).
        took = publish_through_a(f"Cluster news {uuid.uuid4().hex[:6]}")
        check(took is not None and took < 0.2, f"B lists it on its news and home pages within 0.2 s ({took})")
        check(Client(b.port).get("/en/news").header("x-cache") == "hit", "and serves it from memory again")

        # With its notification channel cut, B still learns of a write: it
        # reads the data version until the channel is back.
        psql(url, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query ILIKE 'LISTEN%' AND pid <> pg_backend_pid()")
        took = publish_through_a(f"Cluster news while cut {uuid.uuid4().hex[:6]}")
        check(took is not None and took < 0.5, f"B lists news published while its channel was cut ({took})")
        time.sleep(0.5)
        listening = psql(url, "SELECT count(*) FROM pg_stat_activity WHERE query ILIKE 'LISTEN%'")[0][0]
        check(int(listening) >= 2, f"both instances listen again ({listening} listening connections)")

        # Scheduled publishing: a news item due in two seconds appears on both, and
        # nothing runs per instance to make it so (visibility is a query).
        ca.get("/admin/news/new")
        due = psql(url, "SELECT to_char(now() AT TIME ZONE 'Asia/Shanghai' + interval '3 seconds', 'YYYY-MM-DD\"T\"HH24:MI:SS')")[0][0]
        title2 = f"Scheduled news {uuid.uuid4().hex[:6]}"
        r = ca.post(
            "/admin/news/new",
            [
                ("source_lang", "en"),
                ("status", "published"),
                ("publish_at", due),
                ("en.title", title2),
                ("en.summary", "Appears by itself when its time comes."),
                ("en.body", "Scheduled."),
                ("action", "save"),
            ],
            csrf=True,
        )
        check(r.status == 303, "news scheduled three seconds ahead through A")
        check(title2 not in Client(b.port).get("/en/news").text, "not visible before its time")
        time.sleep(4.5)
        check(
            title2 in Client(a.port).get("/en/news").text and title2 in Client(b.port).get("/en/news").text,
            "visible on both instances after its time",
        )
        rows = psql(url, f"SELECT count(*) FROM news_translations WHERE title = '{title2}'")
        check(rows[0][0] == "1", "stored once")

        # Rate limits live in the database: failed sign-ins counted across instances.
        for i in range(10):
            Client([a.port, b.port][i % 2]).login((ADMIN[0], "wrong-password"))
        ok_a = Client(a.port).login().status
        ok_b = Client(b.port).login().status
        check(ok_a != 303 and ok_b != 303, "ten failures split over A and B lock the account on both")
        psql(url, "DELETE FROM rate_events")
        check(Client(nginx_port, tls=tls).login().status == 303, "signing in through nginx works once the window is over")

        # Failover: with A gone, every request through nginx is answered by B.
        a.stop()
        statuses = [Client(nginx_port, tls=tls).get("/en/").status for _ in range(4)]
        check(statuses == [200] * 4, f"with A stopped, nginx sends everything to B ({statuses})")
        print("cluster: all checks passed")
    finally:
        if nginx:
            nginx.terminate()
            nginx.wait()
        a.stop()
        b.stop()
        drop_pg_database(PG, name)
        subprocess.run(["rm", "-rf", work])


if __name__ == "__main__":
    try:
        main()
    except AssertionError as e:
        print(f"FAILED: {e}", file=sys.stderr)
        sys.exit(1)
