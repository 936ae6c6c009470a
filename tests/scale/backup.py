"""The PostgreSQL backup and restore of the README, run as written: pg_dump
of a serving portal while inquiries arrive, pg_restore into a fresh
database, the same binary serving it with nothing lost that was answered.

    python3 tests/scale/backup.py      (tests/scale/run.sh builds first)
"""

import os
import subprocess
import sys
import tempfile
import threading

from portal import (
    Client,
    Portal,
    check,
    create_pg_database,
    drop_pg_database,
    first_technology,
    inquiry_fields,
    psql,
)

PG = os.environ.get("CI_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")


def main():
    work = tempfile.mkdtemp(prefix="techbridge-backup-")
    live_name = f"techbridge_backup_{os.getpid()}"
    restored_name = f"techbridge_restored_{os.getpid()}"
    live = create_pg_database(PG, live_name)
    restored = None
    portal = Portal(live, os.path.join(work, "live"))
    served = None
    try:
        os.makedirs(portal.data_dir)
        portal.start()
        slug = first_technology(Client(portal.port))
        answered = []

        def send(i):
            c = Client(portal.port, forwarded_for=f"198.51.100.{i % 250 + 1}")
            r = c.post(
                f"/en/technologies/{slug}/inquiry",
                inquiry_fields(f"buyer{i}@example.org", f"Backup burst inquiry number {i}, please call us."),
            )
            if r.status == 303:
                answered.append(i)

        # Answered before the dump starts, then more while it runs.
        for i in range(10):
            send(i)
        check(len(answered) == 10, "ten inquiries answered before the backup")
        before = list(answered)
        burst = [threading.Thread(target=send, args=(i,)) for i in range(10, 40)]
        for t in burst:
            t.start()
        dump = os.path.join(work, "techbridge.dump")
        subprocess.run(["pg_dump", "--format=custom", f"--file={dump}", live], check=True)
        for t in burst:
            t.join()
        check(os.path.getsize(dump) > 0, "pg_dump wrote the backup while the portal served")
        restored = create_pg_database(PG, restored_name)
        subprocess.run(["pg_restore", "--no-owner", f"--dbname={restored}", dump], check=True)
        kept = {row[0] for row in psql(restored, "SELECT email FROM inquiries")}
        missing = [i for i in before if f"buyer{i}@example.org" not in kept]
        check(not missing, f"every inquiry answered before the backup is in the restored database ({missing})")
        whole = psql(restored, "SELECT count(*) FROM inquiries WHERE email LIKE 'buyer%' AND message NOT LIKE 'Backup burst inquiry number %, please call us.'")
        check(whole[0][0] == "0", "each restored inquiry is whole")
        portal.stop()
        served = Portal(restored, os.path.join(work, "restored"))
        os.makedirs(served.data_dir)
        served.start()
        r = Client(served.port).get(f"/en/technologies/{slug}")
        check(r.status == 200, "the same binary serves the restored database")
    finally:
        portal.kill()
        if served:
            served.kill()
        drop_pg_database(PG, live_name)
        drop_pg_database(PG, restored_name)
    print("backup: all checks passed")


if __name__ == "__main__":
    try:
        main()
    except AssertionError as e:
        print(f"FAILED: {e}", file=sys.stderr)
        sys.exit(1)
