"""A scripted HTTP server on the loopback, for the client tests that need no stack."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Dict, List, NamedTuple, Optional
from urllib.parse import parse_qs, urlsplit


class Answer(NamedTuple):
    status: int = 200
    body: Any = None
    headers: Dict[str, str] = {}
    #: Seconds to wait before answering (a slow API).
    delay: float = 0.0


class Seen(NamedTuple):
    method: str
    path: str
    query: Dict[str, List[str]]
    headers: Dict[str, str]
    body: Optional[Any]


class StubServer:
    """Answers each request with the next scripted Answer (or ``{}`` once they run out) and records it."""

    def __init__(self) -> None:
        self.answers: List[Answer] = []
        self.seen: List[Seen] = []
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                url = urlsplit(self.path)
                stub.seen.append(
                    Seen(
                        self.command,
                        url.path,
                        parse_qs(url.query),
                        {k.lower(): v for k, v in self.headers.items()},
                        json.loads(raw) if raw else None,
                    )
                )
                answer = stub.answers.pop(0) if stub.answers else Answer(body={})
                if answer.delay:
                    time.sleep(answer.delay)
                # Bytes are a file's body (a CSV), sent as they are; anything else is JSON.
                if isinstance(answer.body, bytes):
                    payload = answer.body
                else:
                    payload = json.dumps(answer.body).encode() if answer.body is not None else b""
                self.send_response(answer.status)
                self.send_header("Content-Type", answer.headers.get("Content-Type", "application/json"))
                self.send_header("Content-Length", str(len(payload)))
                self.send_header("X-Request-Id", f"req_stub{len(stub.seen):04d}")
                for name, value in answer.headers.items():
                    if name != "Content-Type":
                        self.send_header(name, value)
                self.end_headers()
                try:
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up first (the timeout test)

            do_GET = do_POST = do_PATCH = do_DELETE = _handle

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the stdlib's name
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def script(self, *answers: Answer) -> None:
        self.answers = list(answers)
        self.seen = []

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
