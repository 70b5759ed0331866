"""The readers moved to :mod:`pactwatch.sources`; these names stay for existing callers."""

from pactwatch.sources import READERS, Item, Reader, Rejection, read, register_reader

__all__ = ["READERS", "Item", "Reader", "Rejection", "read", "register_reader"]
