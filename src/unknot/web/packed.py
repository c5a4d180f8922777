"""A kept page gzip-compressed once, though each visit puts its own values in it.

A page is split at its slots (the CSRF token, the play token); each fixed part is deflated once, on
its own, and ends on a full flush, so it refers to nothing before it. A visit deflates only its own
small values the same way and joins the parts into one gzip member. The checksum is still taken
over the whole page on every visit, which costs a fraction of a millisecond; compressing a page of
figures each time cost about 20.
"""

from __future__ import annotations

import re
import struct
import zlib
from collections.abc import Mapping
from dataclasses import dataclass

LEVEL = 5
HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"  # gzip, deflate, no name or time, unknown OS
_END = zlib.compressobj(LEVEL, zlib.DEFLATED, -15).flush(zlib.Z_FINISH)  # an empty final block


def _deflated(data: bytes) -> bytes:
    packer = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush(zlib.Z_FULL_FLUSH)


@dataclass(frozen=True)
class Packed:
    """A page's fixed parts, each as it is and deflated, and the slots between them."""

    fixed: tuple[bytes, ...]
    deflated: tuple[bytes, ...]
    slots: tuple[bytes, ...]  # slots[i] comes after fixed[i]

    @classmethod
    def of(cls, body: bytes, slots: list[bytes]) -> Packed:
        if not slots:
            return cls((body,), (_deflated(body),), ())
        pieces = re.split(b"(" + b"|".join(re.escape(s) for s in slots) + b")", body)
        fixed, found = tuple(pieces[0::2]), tuple(pieces[1::2])
        return cls(fixed, tuple(_deflated(p) for p in fixed), found)

    def gzip(self, values: Mapping[bytes, bytes]) -> bytes:
        """The whole page, its slots filled with `values`, as one gzip member."""
        out, crc, size = [HEADER], 0, 0
        for i, part in enumerate(self.fixed):
            out.append(self.deflated[i])
            crc, size = zlib.crc32(part, crc), size + len(part)
            if i < len(self.slots):
                value = values[self.slots[i]]
                out.append(_deflated(value))
                crc, size = zlib.crc32(value, crc), size + len(value)
        out += [_END, struct.pack("<II", crc, size & 0xFFFFFFFF)]
        return b"".join(out)
