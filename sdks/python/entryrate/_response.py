"""What a call answers: the API's JSON as a dict, with the response it came in."""

from __future__ import annotations

from typing import Any, Callable, Dict, Generic, Iterator, List, Optional, TypeVar

from .types import Pagination

__all__ = ["LastResponse", "ApiObject", "Page"]

T = TypeVar("T")


class LastResponse:
    """The status, headers (names in lower case), request id and replay flag of an answer."""

    __slots__ = ("status", "headers", "request_id", "idempotent_replayed")

    def __init__(self, status: int, headers: Dict[str, str]) -> None:
        self.status = status
        self.headers = headers
        self.request_id: Optional[str] = headers.get("x-request-id")
        self.idempotent_replayed: bool = headers.get("idempotent-replayed", "").lower() == "true"

    def __repr__(self) -> str:
        return (
            f"LastResponse(status={self.status!r}, request_id={self.request_id!r}, "
            f"idempotent_replayed={self.idempotent_replayed!r})"
        )


class ApiObject(dict):  # type: ignore[type-arg]
    """An API object, its keys as the API names them (``evt["lowestPrice"]``), plus ``.last_response``."""

    last_response: Optional[LastResponse]

    def __init__(self, data: Any = (), last_response: Optional[LastResponse] = None) -> None:
        super().__init__(data)
        self.last_response = last_response


class Page(Generic[T]):
    """One page of a list: ``data``, ``pagination`` and ``last_response``; ``auto_paging_iter()`` walks them all."""

    def __init__(
        self,
        data: List[T],
        pagination: Pagination,
        last_response: Optional[LastResponse],
        fetch: Callable[[int], "Page[T]"],
    ) -> None:
        self.data = data
        self.pagination = pagination
        self.last_response = last_response
        self._fetch = fetch

    def has_more(self) -> bool:
        return self.pagination["page"] < self.pagination["pages"]

    def next_page(self) -> "Optional[Page[T]]":
        """The following page, asked for with the same filters and limit; None after the last."""
        return self._fetch(self.pagination["page"] + 1) if self.has_more() else None

    def auto_paging_iter(self) -> Iterator[T]:
        """Every item of this page and of the pages after it, fetching each page as it is reached."""
        page: Optional[Page[T]] = self
        while page is not None:
            yield from page.data
            page = page.next_page()

    def __repr__(self) -> str:
        return f"Page(data=<{len(self.data)} items>, pagination={self.pagination!r})"
