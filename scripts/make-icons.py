"""Draws the Teams app icons (a shield with a check mark) as PNGs with only the standard library.
color.png: 192x192, full colour on a solid background. outline.png: 32x32, white on transparent,
as the Teams manifest requires. Run: python3 scripts/make-icons.py"""
import struct, zlib, os

def png(path, size, pixel):
    rows = []
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            row += bytes(pixel(x / size, y / size))
        rows.append(bytes(row))
    raw = zlib.compress(b''.join(rows), 9)
    def chunk(tag, data):
        return struct.pack('>I', len(data)) + tag + data + struct.pack('>I', zlib.crc32(tag + data) & 0xffffffff)
    ihdr = struct.pack('>IIBBBBB', size, size, 8, 6, 0, 0, 0)
    with open(path, 'wb') as f:
        f.write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', ihdr) + chunk(b'IDAT', raw) + chunk(b'IEND', b''))

def in_shield(u, v):
    # A shield: straight top part, then narrowing to a point at the bottom.
    if v < 0.18 or v > 0.86: return False
    half = 0.30 if v < 0.55 else 0.30 * (0.86 - v) / 0.31
    return abs(u - 0.5) <= half

def on_check(u, v, w=0.045):
    def seg(ax, ay, bx, by):
        dx, dy = bx - ax, by - ay
        t = max(0, min(1, ((u - ax) * dx + (v - ay) * dy) / (dx * dx + dy * dy)))
        return ((u - ax - t * dx) ** 2 + (v - ay - t * dy) ** 2) ** 0.5 <= w
    return seg(0.37, 0.50, 0.47, 0.61) or seg(0.47, 0.61, 0.65, 0.38)

def color(u, v):
    if in_shield(u, v):
        return (255, 255, 255, 255) if on_check(u, v) else (16, 124, 16, 255)
    return (70, 71, 117, 255)

def outline(u, v):
    if in_shield(u, v) and not on_check(u, v, 0.06):
        return (255, 255, 255, 255)
    return (0, 0, 0, 0)

here = os.path.join(os.path.dirname(__file__), '..', 'appPackage')
png(os.path.join(here, 'color.png'), 192, color)
png(os.path.join(here, 'outline.png'), 32, outline)
