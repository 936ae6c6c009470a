"""Two PostgreSQL-backed instances behind nginx: nothing that matters lives in one.

    python3 tests/scale/cluster.py      (tests/scale/run.sh installs nginx and builds first)
"""

import os
import re
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

NGINX_CONF = """
worker_processes 1;
pid {dir}/nginx.pid;
error_log {dir}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  client_body_temp_path {dir}/body;
  proxy_temp_path {dir}/proxy;
  fastcgi_temp_path {dir}/fastcgi;
  uwsgi_temp_path {dir}/uwsgi;
  scgi_temp_path {dir}/scgi;
  client_max_body_size 32m;
  upstream portal {{ server 127.0.0.1:{a}; server 127.0.0.1:{b}; }}
  server {{
    listen 127.0.0.1:{port};
    location / {{
      proxy_pass http://portal;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_next_upstream error timeout;
    }}
  }}
}}
"""


def main():
    work = tempfile.mkdtemp(prefix="techbridge-cluster-")
    name = f"techbridge_cluster_{os.getpid()}"
    url = create_pg_database(PG, name)
    a = Portal(url, os.path.join(work, "a"))
    b = Portal(url, os.path.join(work, "b"))
    nginx_port = free_port()
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

        conf = os.path.join(work, "nginx.conf")
        with open(conf, "w") as f:
            f.write(NGINX_CONF.format(dir=work, a=a.port, b=b.port, port=nginx_port))
        nginx = subprocess.Popen(["nginx", "-c", conf, "-g", "daemon off;"], stderr=subprocess.DEVNULL)
        time.sleep(0.5)
        check(Client(nginx_port).get("/en/").status == 200, "nginx serves the portal from both instances")

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
        check(Client(nginx_port).login().status == 303, "signing in through nginx works once the window is over")
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
