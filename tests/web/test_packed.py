"""A kept page compressed once: each visit's gzip decodes to exactly the page with its own values."""

from __future__ import annotations

import gzip
import zlib

from hypothesis import given, settings
from hypothesis import strategies as st

from unknot.web.packed import Packed

SLOTS = [b"csrf-0123456789abcdef", b"play-fedcba9876543210"]


@settings(max_examples=60, deadline=None)
@given(
    pieces=st.lists(st.binary(max_size=3000), min_size=1, max_size=5),
    uses=st.lists(st.sampled_from(SLOTS), max_size=4),
    values=st.tuples(st.binary(max_size=80), st.binary(max_size=80)),
)
def test_every_visit_decodes_to_its_own_page(
    pieces: list[bytes], uses: list[bytes], values: tuple[bytes, bytes]
) -> None:
    body = pieces[0] + b"".join(slot + piece for slot, piece in zip(uses, pieces[1:], strict=False))
    filled = dict(zip(SLOTS, values, strict=True))
    packed = Packed.of(body, [s for s in SLOTS if s in body])
    expected = body
    for name, value in filled.items():
        expected = expected.replace(name, value)
    assert gzip.decompress(packed.gzip(filled)) == expected
    other = {name: value + b"!" for name, value in filled.items()}
    assert zlib.decompress(packed.gzip(other), wbits=31) == body.replace(SLOTS[0], other[SLOTS[0]]).replace(
        SLOTS[1], other[SLOTS[1]]
    )


def test_a_large_page_is_about_as_small_as_compressing_it_whole() -> None:
    page = b"".join(b'<path d="M%d %d L%d %d"/>' % (i, i * 7 % 300, i * 3 % 200, i) for i in range(20000))
    page = page[:300000] + SLOTS[0] + page[300000:]
    packed = Packed.of(page, [SLOTS[0]]).gzip({SLOTS[0]: b"token"})
    assert len(packed) <= 1.02 * len(gzip.compress(page, 5))
