"""A local fake of a remote JSON service, for the adapters' contract tests.

`fake_service` (a fixture in tests/fixtures.py) starts a real HTTP server on 127.0.0.1 on a
free port; a test says what each path answers (`answer(method, path, status, body, delay)`)
and reads back what the client sent (`requests`). It is the standard library's
ThreadingHTTPServer, so the adapters are exercised over real sockets: status codes, headers,
bodies and a reply slower than the client's timeout.
"""

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: dict | None


@dataclass
class FakeService:
    base_url: str = ""
    answers: dict[tuple[str, str], tuple[int, object, float]] = field(default_factory=dict)
    requests: list[Seen] = field(default_factory=list)

    def answer(self, method: str, path: str, status: int, body=None, *, delay: float = 0) -> None:
        self.answers[(method, path)] = (status, body if body is not None else {}, delay)


def _handler(service: FakeService):
    class Handler(BaseHTTPRequestHandler):
        def _reply(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            service.requests.append(
                Seen(self.command, self.path, dict(self.headers), json.loads(raw) if raw else None)
            )
            status, body, delay = service.answers.get((self.command, self.path), (404, {}, 0))
            time.sleep(delay)
            data = body.encode() if isinstance(body, str) else json.dumps(body).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except OSError:  # the client gave up (its timeout) before the slow reply
                pass

        do_GET = do_POST = _reply  # the names http.server calls

        def log_message(self, *args) -> None:  # keep the test output quiet
            pass

    return Handler


def fake_service_start() -> tuple[FakeService, ThreadingHTTPServer]:
    service = FakeService()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(service))
    server.daemon_threads = True
    service.base_url = f"http://127.0.0.1:{server.server_address[1]}/api"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return service, server
