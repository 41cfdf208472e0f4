#!/usr/bin/env python3
"""Writes the app icon: an amber crescent moon on the night-blue of the dark theme, 1024x1024,
opaque RGB PNG (the App Store refuses icons with alpha), with only the Python standard library.

usage: ios/tools/make-app-icon.py [OUT.png]
       default: ios/RLSJournalApp/Assets.xcassets/AppIcon.appiconset/AppIcon.png

The image is deterministic: running the script again rewrites the same bytes.
"""
import os
import struct
import sys
import zlib

SIZE = 1024
BACKGROUND = (0x12, 0x16, 0x2B)  # night blue
MOON = (0xFF, 0xB7, 0x4D)  # the dark theme's accent (AccentColor, dark appearance)
SAMPLES = 3  # per axis: 9 samples per pixel smooth the edges


def coverage(x, y):
    """Share of the pixel (x, y) inside the crescent: a disc minus an offset disc."""
    inside = 0
    for i in range(SAMPLES):
        for j in range(SAMPLES):
            px = x + (i + 0.5) / SAMPLES
            py = y + (j + 0.5) / SAMPLES
            in_moon = (px - 512) ** 2 + (py - 512) ** 2 <= 330 ** 2
            in_shadow = (px - 650) ** 2 + (py - 410) ** 2 <= 280 ** 2
            if in_moon and not in_shadow:
                inside += 1
    return inside / (SAMPLES * SAMPLES)


def pixel_row(y):
    row = bytearray([0])  # filter type 0 (None)
    for x in range(SIZE):
        # Only pixels near the moon need sampling.
        if (x - 512) ** 2 + (y - 512) ** 2 > 335 ** 2:
            share = 0.0
        else:
            share = coverage(x, y)
        row.extend(round(b + (m - b) * share) for b, m in zip(BACKGROUND, MOON))
    return bytes(row)


def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.join(here, "..", "RLSJournalApp", "Assets.xcassets", "AppIcon.appiconset", "AppIcon.png")
    out = sys.argv[1] if len(sys.argv) > 1 else default
    raw = b"".join(pixel_row(y) for y in range(SIZE))
    header = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 2, 0, 0, 0)  # 8-bit RGB, no alpha
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "wb") as f:
        f.write(png)
    print(f"{out}: {SIZE}x{SIZE} RGB, {len(png)} bytes")


if __name__ == "__main__":
    main()
