"""Pages that only depend on the journal are kept rendered until the journal changes.

The key is the journal's revision (moved by every write, from any process: the web app, the CLI),
the day (today's page changes at midnight), the address, and anything else a page follows (the
progress page: the reminders' outbox, which its break statistics count). A page is kept without
what belongs to one request: the visitor's CSRF token is cut out of it after it is built, and a
value the page gets new on every visit (the session player's play token) is rendered as a slot;
both are put in when it is served. A browser that takes gzip gets the page compressed once
(web.packed), not on every visit. Visitors asking for a page that is being built wait for that
build instead of starting their own.
"""

from __future__ import annotations

import asyncio
import secrets
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping

from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from unknot.web.packed import Packed
from unknot.web.render import context_of

LIMIT = 64
GZIP_FROM = 4096  # bytes: smaller answers are sent as they are
GZIPPED = {"content-encoding": "gzip", "vary": "Accept-Encoding"}
Key = tuple[object, ...]
CSRF_SLOT = f"csrf-{secrets.token_hex(16)}".encode()


def slot(name: str) -> str:
    """A placeholder for a value filled in on every visit (unguessable, so no journal text holds it)."""
    return f"{name}-{secrets.token_hex(16)}"


class PageCache:
    def __init__(self, limit: int = LIMIT) -> None:
        self.limit = limit
        self.pages: OrderedDict[Key, bytes] = OrderedDict()
        self.building: dict[Key, asyncio.Future[bytes | None]] = {}
        self.packed: OrderedDict[Key, Packed] = OrderedDict()  # the pages compressed, once asked for

    async def serve(
        self,
        request: Request,
        build: Callable[[], Response],
        fills: Mapping[str, Callable[[], str]] | None = None,
        also: Hashable = None,
    ) -> Response:
        """The page from the cache when the journal has not changed; otherwise built in a worker thread
        (once, however many visitors ask for it meanwhile). `fills`: each slot in the page, and what
        makes its value for one visit; `also`: what else the page shows changes with.

        The check runs on the event loop: one indexed read of a single row, far cheaper than a hop
        to the thread pool, which is what makes a cached page nearly as fast as a static one.
        """
        ctx = context_of(request)
        key = (ctx.revision(), ctx.today(), request.url.path, request.url.query, also)
        body = self.pages.get(key)
        csrf = getattr(request.state, "csrf", "").encode()
        if body is None:
            body, response = await self._build(key, build, csrf)
            if response is not None:
                return response
            if body is None:  # another visitor's build was not kept: build this visitor's own
                return await run_in_threadpool(build)
        values = {CSRF_SLOT: csrf} if csrf else {}
        values |= {name.encode(): fill().encode() for name, fill in (fills or {}).items()}
        if len(body) >= GZIP_FROM and "gzip" in request.headers.get("accept-encoding", ""):
            return HTMLResponse(self._packed(key, body, values).gzip(values), headers=GZIPPED)
        for name, value in values.items():
            body = body.replace(name, value)
        return HTMLResponse(body)

    def _packed(self, key: Key, body: bytes, values: Mapping[bytes, bytes]) -> Packed:
        packed = self.packed.get(key)
        if packed is None:
            packed = Packed.of(body, [name for name in values if name in body])
            self.packed[key] = packed
            if len(self.packed) > self.limit:
                self.packed.popitem(last=False)
        return packed

    async def _build(
        self, key: Key, build: Callable[[], Response], csrf: bytes
    ) -> tuple[bytes | None, Response | None]:
        """The page's body as kept (None when it is not kept), or the response this visitor built
        when it is not kept. A visitor who waits for another's build gets that build's body or error."""
        waiting = self.building.get(key)
        if waiting is not None:
            return await asyncio.shield(waiting), None
        future: asyncio.Future[bytes | None] = asyncio.get_running_loop().create_future()
        self.building[key] = future
        try:
            response = await run_in_threadpool(build)
        except Exception as exc:
            future.set_exception(exc)
            future.exception()  # retrieved: no warning when nobody waited
            raise
        except BaseException:
            future.set_result(None)  # cancelled: whoever waited builds their own
            raise
        finally:
            del self.building[key]
        body = self._keep(key, response, csrf)
        future.set_result(body)
        return body, None if body is not None else response

    def _keep(self, key: Key, response: Response, csrf: bytes) -> bytes | None:
        """The body kept for the page (without the visitor's CSRF token); None when it is not kept."""
        if response.status_code != 200 or response.headers.get("cache-control") == "no-store":
            return None
        body = bytes(response.body).replace(csrf, CSRF_SLOT) if csrf else bytes(response.body)
        self.pages[key] = body
        if len(self.pages) > self.limit:
            self.pages.popitem(last=False)
        return body


class Uncached(PageCache):
    """Server mode's "cache": every visitor's page built for them alone, in a worker thread, with its
    slots filled. Nothing is kept or shared: pages of different patients' journals may have the same
    revision, address and day, which is all a kept page is known by."""

    def __init__(self) -> None:
        super().__init__(limit=0)

    async def serve(
        self,
        request: Request,
        build: Callable[[], Response],
        fills: Mapping[str, Callable[[], str]] | None = None,
        also: Hashable = None,
    ) -> Response:
        response = await run_in_threadpool(build)
        if not fills or response.status_code != 200:
            return response
        body = bytes(response.body)
        for name, fill in fills.items():
            body = body.replace(name.encode(), fill().encode())
        return HTMLResponse(body, status_code=response.status_code)


def page_cache(request: Request) -> PageCache:
    cache: PageCache = request.app.state.page_cache
    return cache
