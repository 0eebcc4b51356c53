"""The matcher's two reads at registry scale, each one SQL statement with plain parameters
(the ORM spent more time building an 800-value IN list than the database spent answering it):

1. `tag_hits`: the newest `per_tag` profiles under each wanted index tag (one `UNION ALL` of
   per-tag `LIMIT`s, each an index range scan on `(tag, profile)` or `(tag, country, profile)`);
2. `approved_vectors`: the stored text vectors of the reviewed profiles among the candidates,
   as one float32 matrix (a profile whose vector is not computed yet gets zeros).

The text is scored only over these few hundred candidates: no query ever scans the vectors of
the whole registry."""

import numpy as np
from django.db import connection

from .choices import ReviewStatus

VECTOR_SIZE = 384


def _marks(values) -> str:
    return ", ".join(["%s"] * len(values))


def tag_hits(tags: list[str], *, countries: tuple[str, ...], per_tag: int) -> list[tuple[int, str]]:
    """(profile id, tag) for the newest `per_tag` profiles of each tag, in the order of `tags`."""
    if not tags:
        return []
    # only placeholders and an int are formatted into the statements below
    where = "tag = %s" + (f" AND country IN ({_marks(countries)})" if countries else "")
    inner = f"SELECT profile_id, tag FROM network_profiletag WHERE {where}"  # noqa: S608
    limit = f"ORDER BY profile_id DESC LIMIT {int(per_tag)}"
    branch = f"SELECT * FROM ({inner} {limit}) AS t"  # noqa: S608
    sql = " UNION ALL ".join(f"{branch}{i}" for i in range(len(tags)))
    params: list = []
    for tag in tags:
        params += [tag, *countries]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [(int(pid), tag) for pid, tag in cursor.fetchall()]


def approved_vectors(profile_ids: list[int]) -> tuple[list[int], np.ndarray]:
    """The approved profiles among `profile_ids` (in that order) and their vectors."""
    if not profile_ids:
        return [], np.zeros((0, VECTOR_SIZE), dtype=np.float32)
    joined = "network_profile p LEFT JOIN network_profilevector v ON v.profile_id = p.id"
    where = f"p.review_status = %s AND p.id IN ({_marks(profile_ids)})"
    sql = f"SELECT p.id, v.vector FROM {joined} WHERE {where}"  # noqa: S608 (placeholders only)
    with connection.cursor() as cursor:
        cursor.execute(sql, [ReviewStatus.APPROVED.value, *profile_ids])
        found = {int(pid): blob for pid, blob in cursor.fetchall()}
    ids = [pid for pid in profile_ids if pid in found]
    zeros = bytes(2 * VECTOR_SIZE)
    blob = b"".join(bytes(found[pid]) if found[pid] is not None else zeros for pid in ids)
    matrix = np.frombuffer(blob, dtype=np.float16).reshape(len(ids), VECTOR_SIZE)
    return ids, matrix.astype(np.float32)
