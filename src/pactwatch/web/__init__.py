"""The HTTP API (``/api/v1/``) and the offline web UI, one FastAPI app over a store.

:func:`create_app` returns the app; ``pactwatch serve`` runs it with uvicorn.
"""

from pactwatch.web.app import create_app

__all__ = ["create_app"]
