"""The export tests use the web tests' stores: the bundled samples, really extracted."""

from tests.web.conftest import extracted, sample_db, web_store

__all__ = ["extracted", "sample_db", "web_store"]
