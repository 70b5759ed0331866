"""Jinja2 templates (autoescaped: every string from a document is untrusted) and helpers."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

TEMPLATE_DIR = Path(str(resources.files("pactwatch.web") / "templates"))

templates = Jinja2Templates(directory=TEMPLATE_DIR)
templates.env.autoescape = True


def render(request: Request, name: str, *, code: int = 200, **context: Any) -> HTMLResponse:
    """Return the page ``name`` rendered with ``context``, with HTTP status ``code``."""
    return templates.TemplateResponse(request, name, context, status_code=code)


def render_error(request: Request, status: int, kind: str, message: str) -> HTMLResponse:
    """Return the error page: the status, the error's class and its one-line message."""
    return render(request, "error.html", code=status, status=status, kind=kind, message=message)
