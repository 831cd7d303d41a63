"""Draw the add-in's icons (a white shield with a check mark on Fluent blue) as PNG files.

Standard library only: shapes are sampled 4×4 per pixel for anti-aliasing and written with zlib.
Run ``python addin/assets/make_icons.py`` to regenerate icon-16/32/64/80/128.png beside this file.
"""

from __future__ import annotations

import math
import struct
import zlib
from pathlib import Path

SIZES = (16, 32, 64, 80, 128)
BLUE = (15, 108, 189)
WHITE = (255, 255, 255)
SAMPLES = 4


def _shield() -> list[tuple[float, float]]:
    """The shield outline in unit coordinates: flat shoulders, sides curving into a point."""
    points = [(0.5, 0.14), (0.80, 0.25)]
    for step in range(1, 13):
        angle = step / 12 * (math.pi / 2)
        points.append((0.80 - 0.30 * (1 - math.cos(angle)), 0.25 + 0.62 * math.sin(angle) ** 1.3))
    mirrored = [(1 - x, y) for x, y in reversed(points[1:-1])]
    return points + mirrored + [(0.20, 0.25)]


SHIELD = _shield()
CHECK = [(0.35, 0.50), (0.46, 0.62), (0.67, 0.38)]
CHECK_WIDTH = 0.085


def _inside(x: float, y: float, polygon: list[tuple[float, float]]) -> bool:
    inside = False
    j = len(polygon) - 1
    for i, (xi, yi) in enumerate(polygon):
        xj, yj = polygon[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def _segment_distance(x: float, y: float, a: tuple[float, float], b: tuple[float, float]) -> float:
    (ax, ay), (bx, by) = a, b
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(x - (ax + t * dx), y - (ay + t * dy))


def _in_rounded_square(x: float, y: float, radius: float = 0.2) -> bool:
    cx = min(max(x, radius), 1 - radius)
    cy = min(max(y, radius), 1 - radius)
    return math.hypot(x - cx, y - cy) <= radius and 0 <= x <= 1 and 0 <= y <= 1


def _colour_at(x: float, y: float) -> tuple[int, int, int, int]:
    if not _in_rounded_square(x, y):
        return (0, 0, 0, 0)
    on_check = min(_segment_distance(x, y, CHECK[i], CHECK[i + 1]) for i in range(len(CHECK) - 1)) <= CHECK_WIDTH / 2
    if _inside(x, y, SHIELD) and not on_check:
        return (*WHITE, 255)
    return (*BLUE, 255)


def render(size: int) -> bytes:
    """The PNG bytes of the icon at ``size`` × ``size`` pixels."""
    rows = []
    for py in range(size):
        row = bytearray([0])  # filter type: none
        for px in range(size):
            total = [0, 0, 0, 0]
            for sy in range(SAMPLES):
                for sx in range(SAMPLES):
                    r, g, b, a = _colour_at((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size)
                    total[0] += r * a
                    total[1] += g * a
                    total[2] += b * a
                    total[3] += a
            alpha = total[3]
            colour = [round(total[i] / alpha) if alpha else 0 for i in range(3)]
            row += bytes([*colour, round(alpha / SAMPLES**2)])
        rows.append(bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")


def main() -> None:
    here = Path(__file__).resolve().parent
    for size in SIZES:
        (here / f"icon-{size}.png").write_bytes(render(size))


if __name__ == "__main__":
    main()
