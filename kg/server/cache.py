"""The response cache of ``kg serve``: answers kept by query text and result media type.

The served store never changes while the server runs, so an answer stays right for as long as
the server runs. Entries are keyed by the query (its text, protocol dataset and row cap) and the
media type of the answer; the total size of the kept bodies and query texts is bounded in
bytes, least recently used first out. Only successful answers (200) are kept. Which media type
a request gets depends on the kind of result (SELECT/ASK or CONSTRUCT/DESCRIBE), which is known
once the query has been evaluated: a query seen before is looked up without evaluating it again.

>>> from kg.server.workers import Job, Reply
>>> JSON = "application/sparql-results+json"
>>> cache = ResponseCache(max_bytes=50)
>>> job = Job("ASK {}", accept=JSON)
>>> cache.get(job) is None
True
>>> cache.put(job, Reply(200, JSON, b'{"head":{},"boolean":true}', kind="ask"))
>>> cache.get(job).body, cache.get(Job("ASK {}", accept="text/csv")) is None
(b'{"head":{},"boolean":true}', True)
>>> other = Job("ASK { ?s ?p ?o }", accept=JSON)
>>> cache.put(other, Reply(200, JSON, b'{"head":{},"boolean":false}', kind="ask"))
>>> cache.get(job) is None, cache.get(other) is not None, cache.size  # room made for the second
(True, True, 43)
"""

from __future__ import annotations

from collections import OrderedDict

from kg.server.formats import choose_format
from kg.server.workers import Job, Reply

__all__ = ["ResponseCache"]

_QueryKey = tuple[str, tuple[str, ...], tuple[str, ...], int]


class ResponseCache:
    """A least-recently-used map from (query, media type) to a reply, at most ``max_bytes``
    of reply bodies and query texts (an entry larger than that is never kept). Not
    thread-safe: use it from the event loop only."""

    def __init__(self, max_bytes: int) -> None:
        if max_bytes < 0:
            raise ValueError(f"the cache size must not be negative, not {max_bytes}")
        self.max_bytes = max_bytes
        self.size = 0
        self.hits = 0
        self.misses = 0
        self._entries: OrderedDict[tuple[_QueryKey, str], tuple[Reply, int]] = OrderedDict()
        self._kinds: dict[_QueryKey, list] = {}  # query -> [kind of result, entries kept]

    def __len__(self) -> int:
        return len(self._entries)

    @staticmethod
    def _query_key(job: Job) -> _QueryKey:
        return job.query, job.default_graphs, job.named_graphs, job.max_rows

    def get(self, job: Job) -> Reply | None:
        """The kept reply to ``job``, or ``None``."""
        query = self._query_key(job)
        known = self._kinds.get(query)
        result_format = choose_format(known[0], job.accept, job.format) if known else None
        key = (query, result_format.media_type) if result_format is not None else None
        entry = self._entries.get(key) if key is not None else None
        if key is None or entry is None:
            self.misses += 1
            return None
        self._entries.move_to_end(key)
        self.hits += 1
        return entry[0]

    def put(self, job: Job, reply: Reply) -> None:
        """Keep ``reply`` (the answer to ``job``) if it is a success that fits."""
        cost = len(reply.body) + len(job.query)
        if reply.status != 200 or not reply.kind or cost > self.max_bytes:
            return
        query = self._query_key(job)
        key = (query, reply.media_type)
        if key in self._entries:
            self._remove(key)
        while self._entries and self.size + cost > self.max_bytes:
            self._remove(next(iter(self._entries)))
        self._entries[key] = (reply, cost)
        self.size += cost
        self._kinds.setdefault(query, [reply.kind, 0])[1] += 1

    def _remove(self, key: tuple[_QueryKey, str]) -> None:
        _, cost = self._entries.pop(key)
        self.size -= cost
        kind = self._kinds[key[0]]
        kind[1] -= 1
        if not kind[1]:
            del self._kinds[key[0]]
