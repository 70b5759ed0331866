"""The FastAPI app: API routers, HTML pages, local static assets, errors, security headers."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint

from pactwatch import __version__
from pactwatch.api import Store
from pactwatch.errors import PactwatchError
from pactwatch.web import api_read, api_write, pages
from pactwatch.web.errors import status_of
from pactwatch.web.render import render_error

STATIC_DIR = Path(str(resources.files("pactwatch.web") / "static"))

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
"""Only this server's own files run, style or load; no inline script, no other origin."""

_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def create_app(store: Store, *, editor_token: str | None = None) -> FastAPI:
    """Return the app serving ``store``; writes are allowed only with ``editor_token``."""
    app = FastAPI(
        title="pactwatch",
        version=__version__,
        summary="Sourced records of defence relations between states.",
        openapi_url="/api/v1/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    app.state.store = store
    app.state.editor_token = editor_token
    app.include_router(api_read.router, prefix="/api/v1")
    app.include_router(api_write.router, prefix="/api/v1")
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.add_middleware(BaseHTTPMiddleware, dispatch=_secure)
    _add_handlers(app)
    return app


async def _secure(request: Request, call_next: RequestResponseEndpoint) -> Response:
    response = await call_next(request)
    for name, value in _HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def _add_handlers(app: FastAPI) -> None:
    @app.exception_handler(PactwatchError)
    async def _known(request: Request, exc: PactwatchError) -> Response:
        return _error(request, status_of(exc), type(exc).__name__, str(exc))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = [_problem(item) for item in exc.errors()]
        return _error(request, 422, "BadParameter", "; ".join(problems), problems)

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException) -> Response:
        return _error(request, exc.status_code, "HTTPError", str(exc.detail))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        return _error(request, 500, "InternalError", "the server failed on this request")


def _problem(item: object) -> str:
    data = item if isinstance(item, dict) else {}
    where = ".".join(str(part) for part in data.get("loc", ()) if part not in ("query", "path"))
    return f"{where or 'request'}: {data.get('msg', 'invalid')}"


def _error(
    request: Request, status: int, kind: str, message: str, problems: list[str] | None = None
) -> Response:
    if request.url.path.startswith("/api/"):
        body: dict[str, object] = {"error": kind, "message": message}
        if problems:
            body["problems"] = problems
        return JSONResponse(body, status_code=status)
    return render_error(request, status, kind, message)
