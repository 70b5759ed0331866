"""Resolution: one canonical event per real event, across documents.

```
claims ──keys──► candidate events ──match──► link ──► best values, conflicts
                  (event_keys)     (match.py)  (link.py)  (best.py, conflicts.py)
corrections (append-only) ──► applied at once, and again after every rebuild
```

- :func:`link_new_claims` runs inside the write path's transaction for every
  batch of new documents (incremental: index lookups only);
- :func:`rebuild` is ``pactwatch resolve --all``: every link made again from
  the claims, in storage order, with the same result;
- :mod:`pactwatch.resolve.corrections` holds correct, merge, split, reject, undo.
"""

from __future__ import annotations

from pactwatch.resolve.link import link_new_claims
from pactwatch.resolve.rebuild import RebuildResult, rebuild

__all__ = ["RebuildResult", "link_new_claims", "rebuild"]
