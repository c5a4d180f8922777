"""Pages that only depend on the journal are kept rendered until the journal changes.

The key is the journal's revision (moved by every write, from any process: the web app, the CLI),
the day (today's page changes at midnight) and the address. Pages with forms are never cached:
they carry the visitor's CSRF token.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable

from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from unknot.web.render import context_of

LIMIT = 64


class PageCache:
    def __init__(self, limit: int = LIMIT) -> None:
        self.limit = limit
        self.pages: OrderedDict[tuple[object, ...], bytes] = OrderedDict()

    async def serve(self, request: Request, build: Callable[[], Response]) -> Response:
        """The page from the cache when the journal has not changed; otherwise built in a worker thread.

        The check runs on the event loop: one indexed read of a single row, far cheaper than a hop
        to the thread pool, which is what makes a cached page nearly as fast as a static one.
        """
        ctx = context_of(request)
        key = (ctx.revision(), ctx.today(), request.url.path, request.url.query)
        body = self.pages.get(key)
        if body is None:
            response = await run_in_threadpool(build)
            if response.status_code != 200 or response.headers.get("cache-control") == "no-store":
                return response
            body = bytes(response.body)
            self.pages[key] = body
            if len(self.pages) > self.limit:
                self.pages.popitem(last=False)
        return HTMLResponse(body)


def page_cache(request: Request) -> PageCache:
    cache: PageCache = request.app.state.page_cache
    return cache
