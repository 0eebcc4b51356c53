"""A CPGRAMS stand-in for tests and the demo: the contract of docs/CPGRAMS.md over HTTP.

Records live in a SQLite file, so they survive a restart. A repeated Idempotency-Key is
answered with the first response and writes nothing. Control endpoints under /sandbox/ (no
token) lodge citizen grievances "on CPGRAMS", inject faults (5xx, 429, hangs, slow answers)
and list what the sandbox holds.
"""

import json
import re
import sqlite3
import threading
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

API = "/api/v1"
SCHEMA = """
CREATE TABLE IF NOT EXISTS records (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    number TEXT NOT NULL UNIQUE,
    org TEXT NOT NULL,
    source_system TEXT NOT NULL DEFAULT '',
    source_reference TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS status_updates (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    number TEXT NOT NULL,
    body TEXT NOT NULL,
    received_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS remote_events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    number TEXT NOT NULL,
    body TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS idempotency (
    key TEXT PRIMARY KEY,
    status INTEGER NOT NULL,
    body TEXT NOT NULL
);
"""

Answer = tuple[int, dict]


def _now() -> str:
    return datetime.now(UTC).isoformat()


class SandboxStore:
    """The sandbox's records; one lock serialises writes so a key is answered once."""

    def __init__(self, path: Path | str) -> None:
        self.path = str(path)
        self.lock = threading.Lock()
        with self._connect() as db:
            db.executescript(SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30)
        db.row_factory = sqlite3.Row
        return db

    def _once(self, key: str, write) -> Answer:
        """Run `write(db)` unless `key` was seen; store its answer with it, atomically."""
        with self.lock, closing(self._connect()) as db, db:
            if key:
                seen = db.execute(
                    "SELECT status, body FROM idempotency WHERE key = ?", (key,)
                ).fetchone()
                if seen:
                    return seen["status"], json.loads(seen["body"])
            status, body = write(db)
            if key and status < 500:
                db.execute(
                    "INSERT INTO idempotency (key, status, body) VALUES (?, ?, ?)",
                    (key, status, json.dumps(body)),
                )
            return status, body

    def grievance_create(self, body: dict, *, key: str, source: str = "") -> Answer:
        def write(db: sqlite3.Connection) -> Answer:
            missing = [f for f in ("org", "description") if not body.get(f)]
            if missing:
                return HTTPStatus.BAD_REQUEST, {"detail": f"missing: {', '.join(missing)}"}
            now = _now()
            cursor = db.execute(
                "INSERT INTO records (number, org, source_system, source_reference, status,"
                " body, created_at, updated_at) VALUES ('', ?, ?, ?, 'received', ?, ?, ?)",
                (
                    body["org"],
                    source or body.get("source_system", ""),
                    body.get("source_reference", ""),
                    json.dumps(body),
                    now,
                    now,
                ),
            )
            number = f"{body['org']}/E/{now[:4]}/{cursor.lastrowid:07d}"
            db.execute("UPDATE records SET number = ? WHERE seq = ?", (number, cursor.lastrowid))
            return HTTPStatus.CREATED, {"registration_number": number, "status": "received"}

        return self._once(key, write)

    def status_update(self, number: str, body: dict, *, key: str) -> Answer:
        def write(db: sqlite3.Connection) -> Answer:
            if not body.get("status"):
                return HTTPStatus.BAD_REQUEST, {"detail": "missing: status"}
            found = db.execute("SELECT seq FROM records WHERE number = ?", (number,)).fetchone()
            if not found:
                return HTTPStatus.NOT_FOUND, {"detail": f"no grievance {number}"}
            now = _now()
            db.execute(
                "UPDATE records SET status = ?, updated_at = ? WHERE number = ?",
                (body["status"], now, number),
            )
            db.execute(
                "INSERT INTO status_updates (number, body, received_at) VALUES (?, ?, ?)",
                (number, json.dumps(body), now),
            )
            return HTTPStatus.OK, {"registration_number": number, "status": body["status"]}

        return self._once(key, write)

    def routed(self, *, org: str, since: str, limit: int) -> Answer:
        """Grievances routed to `org` after the cursor (the sequence number of the last one)."""
        after = int(since) if since.isdigit() else 0
        with closing(self._connect()) as db:
            rows = db.execute(
                "SELECT * FROM records WHERE org = ? AND seq > ? ORDER BY seq LIMIT ?",
                (org, after, limit + 1),
            ).fetchall()
        page = [self._record(row) for row in rows[:limit]]
        next_since = str(rows[:limit][-1]["seq"]) if page else str(after)
        return HTTPStatus.OK, {
            "results": page,
            "next_since": next_since,
            "has_more": len(rows) > limit,
        }

    def remote_update(self, body: dict) -> Answer:
        """A CPGRAMS officer changes a grievance's status or adds a remark (on their side).
        `changed_at` may be given, to replay updates that reach the feed out of order."""
        number = str(body.get("registration_number") or "")
        with self.lock, closing(self._connect()) as db, db:
            row = db.execute("SELECT * FROM records WHERE number = ?", (number,)).fetchone()
            if row is None:
                return HTTPStatus.NOT_FOUND, {"detail": f"no grievance {number}"}
            status = str(body.get("status") or row["status"])
            event = {
                "registration_number": number,
                "source_reference": row["source_reference"],
                "status": status,
                "remarks": str(body.get("remarks") or ""),
                "changed_at": str(body.get("changed_at") or _now()),
            }
            cursor = db.execute(
                "INSERT INTO remote_events (number, body) VALUES (?, ?)",
                (number, json.dumps(event)),
            )
            db.execute(
                "UPDATE records SET status = ?, updated_at = ? WHERE number = ?",
                (status, _now(), number),
            )
        return HTTPStatus.CREATED, {"event_id": f"E{cursor.lastrowid}", **event}

    def updates(self, *, org: str, since: str, limit: int) -> Answer:
        """The remote events of `org`'s grievances after the cursor (the last event's seq)."""
        after = int(since) if since.isdigit() else 0
        with closing(self._connect()) as db:
            rows = db.execute(
                "SELECT e.seq, e.body FROM remote_events e JOIN records r ON r.number = e.number"
                " WHERE r.org = ? AND e.seq > ? ORDER BY e.seq LIMIT ?",
                (org, after, limit + 1),
            ).fetchall()
        page = [{"event_id": f"E{r['seq']}", **json.loads(r["body"])} for r in rows[:limit]]
        return HTTPStatus.OK, {
            "results": page,
            "next_since": str(rows[:limit][-1]["seq"]) if page else str(after),
            "has_more": len(rows) > limit,
        }

    def get(self, number: str) -> Answer:
        with closing(self._connect()) as db:
            row = db.execute("SELECT * FROM records WHERE number = ?", (number,)).fetchone()
        if row is None:
            return HTTPStatus.NOT_FOUND, {"detail": f"no grievance {number}"}
        return HTTPStatus.OK, self._record(row)

    def dump(self) -> dict:
        with closing(self._connect()) as db:
            records = [self._record(r) for r in db.execute("SELECT * FROM records ORDER BY seq")]
            updates = [
                {"registration_number": r["number"], **json.loads(r["body"])}
                for r in db.execute("SELECT * FROM status_updates ORDER BY id")
            ]
        return {"records": records, "status_updates": updates}

    @staticmethod
    def _record(row: sqlite3.Row) -> dict:
        return {
            **json.loads(row["body"]),
            "registration_number": row["number"],
            "org": row["org"],
            "source_system": row["source_system"],
            "source_reference": row["source_reference"],
            "status": row["status"],
            "created_at": row["created_at"],
            "updated_at": row["updated_at"],
        }


@dataclass
class Faults:
    """Misbehaviour on demand: the next `fail_next` API calls answer `fail_status`, the next
    `hang_next` hang for `hang_seconds` (then 504), and every write answers after
    `delay_seconds` (already stored: the caller may give up before it hears back)."""

    fail_next: int = 0
    fail_status: int = 500
    pass_first: int = 0  # API calls answered normally before `fail_next` starts failing
    hang_next: int = 0
    hang_seconds: float = 30.0
    delay_seconds: float = 0.0

    def take(self, lock: threading.Lock) -> tuple[int, float]:
        """The fault for this call: (status to fail with or 0, seconds to hang)."""
        with lock:
            if self.hang_next > 0:
                self.hang_next -= 1
                return HTTPStatus.GATEWAY_TIMEOUT, self.hang_seconds
            if self.fail_next > 0 and self.pass_first > 0:
                self.pass_first -= 1
            elif self.fail_next > 0:
                self.fail_next -= 1
                return self.fail_status, 0.0
        return 0, 0.0


class SandboxServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address, *, store: SandboxStore, token: str = "", verbose=False):
        super().__init__(address, SandboxHandler)
        self.store = store
        self.token = token
        self.verbose = verbose
        self.faults = Faults()
        self.faults_lock = threading.Lock()

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}{API}"


class SandboxHandler(BaseHTTPRequestHandler):
    server: SandboxServer
    status_path = re.compile(rf"^{API}/grievances/([^/]+)/status$")
    record_path = re.compile(rf"^{API}/grievances/([^/]+)$")

    def do_GET(self) -> None:
        path, query = self._split()
        if path == "/sandbox/records":
            return self._send(HTTPStatus.OK, self.server.store.dump())
        if not self._api_allowed():
            return None
        if path in {f"{API}/grievances", f"{API}/grievances/updates"}:
            limit = min(int((query.get("limit") or ["100"])[0]), 500)
            org = (query.get("org") or [""])[0]
            since = (query.get("since") or [""])[0]
            store = self.server.store
            feed = store.updates if path.endswith("/updates") else store.routed
            return self._send(*feed(org=org, since=since, limit=limit))
        if match := self.record_path.match(path):
            return self._send(*self.server.store.get(urllib.parse.unquote(match[1])))
        return self._send(HTTPStatus.NOT_FOUND, {"detail": "no such endpoint"})

    def do_POST(self) -> None:
        path, _query = self._split()
        try:
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)))
        except ValueError:
            return self._send(HTTPStatus.BAD_REQUEST, {"detail": "the body is not JSON"})
        if path.startswith("/sandbox/"):
            return self._control(path, body)
        if not self._api_allowed():
            return None
        key = self.headers.get("Idempotency-Key", "")
        store = self.server.store
        if path == f"{API}/grievances":
            answer = store.grievance_create(body, key=key)
        elif match := self.status_path.match(path):
            answer = store.status_update(urllib.parse.unquote(match[1]), body, key=key)
        else:
            return self._send(HTTPStatus.NOT_FOUND, {"detail": "no such endpoint"})
        time.sleep(self.server.faults.delay_seconds)  # stored already: a slow answer
        return self._send(*answer)

    def _control(self, path: str, body: dict) -> None:
        if path == "/sandbox/faults":
            with self.server.faults_lock:
                for name, value in body.items():
                    if hasattr(self.server.faults, name):
                        setattr(self.server.faults, name, type(getattr(Faults, name))(value))
            return self._send(HTTPStatus.OK, vars(self.server.faults))
        if path == "/sandbox/lodge":  # a citizen lodges on CPGRAMS; it is routed to `org`
            return self._send(*self.server.store.grievance_create(body, key="", source="cpgrams"))
        if path == "/sandbox/remote-update":  # a CPGRAMS officer acts on a grievance
            return self._send(*self.server.store.remote_update(body))
        return self._send(HTTPStatus.NOT_FOUND, {"detail": "no such endpoint"})

    def _api_allowed(self) -> bool:
        """Check the token, then play any fault that is due; False when already answered."""
        if self.server.token and self.headers.get("Authorization") != (
            f"Bearer {self.server.token}"
        ):
            self._send(HTTPStatus.UNAUTHORIZED, {"detail": "bad or missing token"})
            return False
        status, hang = self.server.faults.take(self.server.faults_lock)
        if not status:
            return True
        time.sleep(hang)
        self._send(status, {"detail": "injected fault"}, retry_after=1 if status == 429 else 0)
        return False

    def _split(self) -> tuple[str, dict[str, list[str]]]:
        parts = urllib.parse.urlsplit(self.path)
        return parts.path, urllib.parse.parse_qs(parts.query)

    def _send(self, status: int, body: dict, *, retry_after: int = 0) -> None:
        data = json.dumps(body).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            if retry_after:
                self.send_header("Retry-After", str(retry_after))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the caller gave up (timed out or was killed); the write stands

    def log_message(self, format: str, *args) -> None:
        if self.server.verbose:
            super().log_message(format, *args)


@contextmanager
def sandbox_running(
    path: Path | str, *, token: str = "", host: str = "127.0.0.1", port: int = 0
) -> Iterator[SandboxServer]:
    """Serve a sandbox in a background thread (port 0: any free port) for tests."""
    server = SandboxServer((host, port), store=SandboxStore(path), token=token)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
