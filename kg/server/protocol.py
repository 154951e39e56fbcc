"""uvicorn's HTTP protocol with a header deadline: slow or silent clients cannot hold connections.

uvicorn closes a connection that stays idle ``IDLE_TIMEOUT`` seconds between two requests, but
waits for a request's headers for ever (a client sending one byte a second keeps its connection
open). :func:`protocol_class` adds a deadline: the headers of a request must be complete within
``HEADER_TIMEOUT`` seconds of the connection (or of the request's first byte), else the
connection is closed. The body has its own deadline, ``BODY_TIMEOUT``, kept by the application
(:func:`kg.server.app._read_body`).

>>> protocol_class().__name__
'DeadlineProtocol'
"""

from __future__ import annotations

from typing import Any

__all__ = ["BODY_TIMEOUT", "HEADER_TIMEOUT", "IDLE_TIMEOUT", "protocol_class"]

HEADER_TIMEOUT = 10.0  # seconds from the connection (or a request's first byte) to its headers
BODY_TIMEOUT = 20.0  # seconds to receive a request's whole body
IDLE_TIMEOUT = 5  # seconds a kept-alive connection may stay idle between requests


def protocol_class() -> type:
    """The uvicorn ``http=`` protocol class (httptools) with the header deadline."""
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol  # deferred: uvicorn

    class DeadlineProtocol(HttpToolsProtocol):  # type: ignore[misc]
        _deadline: Any = None

        def _arm(self) -> None:
            if self._deadline is None:
                self._deadline = self.loop.call_later(HEADER_TIMEOUT, self._expire)

        def _disarm(self) -> None:
            if self._deadline is not None:
                self._deadline.cancel()
                self._deadline = None

        def _expire(self) -> None:
            self._deadline = None
            if not self.transport.is_closing():
                self.transport.close()

        def connection_made(self, transport: Any) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._arm()

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm()
            super().connection_lost(exc)

        def on_message_begin(self) -> None:
            super().on_message_begin()
            self._arm()

        def on_headers_complete(self) -> None:
            self._disarm()
            super().on_headers_complete()

    return DeadlineProtocol
