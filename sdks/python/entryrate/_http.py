"""One HTTP exchange over urllib: an answer (whatever its status), or APIConnectionError."""

from __future__ import annotations

import http.client
import socket
from email.message import Message
import urllib.error
import urllib.request
from typing import Dict, NamedTuple, Optional

from .error import APIConnectionError

__all__ = ["RawResponse", "send"]


class RawResponse(NamedTuple):
    status: int
    #: Header names in lower case.
    headers: Dict[str, str]
    body: bytes


# Redirects are not followed: the API answers none, and urllib would turn a POST into a GET.
class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        return None


_opener = urllib.request.build_opener(_NoRedirect)


def _headers_of(message: Optional[Message]) -> Dict[str, str]:
    return {name.lower(): value for name, value in (message.items() if message else [])}


def send(method: str, url: str, headers: Dict[str, str], body: Optional[bytes], timeout: float) -> RawResponse:
    """Sends one request and reads the whole answer, within ``timeout`` seconds per socket operation."""
    request = urllib.request.Request(url, data=body, headers=headers, method=method)
    try:
        with _opener.open(request, timeout=timeout) as answer:
            return RawResponse(answer.status, _headers_of(answer.headers), answer.read())
    except urllib.error.HTTPError as answer:
        # urllib raises for every status it does not call success; it is still the API's answer.
        try:
            raw = answer.read()
        except (OSError, http.client.HTTPException) as error:
            raise _connection_error(method, url, error) from error
        finally:
            answer.close()
        return RawResponse(answer.code, _headers_of(answer.headers), raw)
    except (OSError, http.client.HTTPException) as error:
        raise _connection_error(method, url, error) from error


def _connection_error(method: str, url: str, error: BaseException) -> APIConnectionError:
    reason = getattr(error, "reason", None) or error
    timed_out = isinstance(reason, (socket.timeout, TimeoutError))
    what = "timed out" if timed_out else f"failed ({type(reason).__name__}: {reason})"
    return APIConnectionError(f"{method} {url} {what}: the API did not answer.")
