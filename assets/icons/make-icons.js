#!/usr/bin/env node
/**
 * Draws the add-in's PNG icons (16, 32, 64, 80 px) without any dependency:
 * shapes as distance functions, 4×4 supersampling, a minimal PNG encoder over zlib.
 *   check-N.png  一键核分: a check mark on the brand square (also the add-in icon)
 *   pane-N.png   核分助手: a list with a check, for the task pane
 * Run: node assets/icons/make-icons.js
 */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80];
const BRAND = [0x10, 0x7c, 0x41]; // Excel green
const WHITE = [255, 255, 255];

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// Shapes in a unit square (0..1), each a function (x, y) => inside?
const roundedSquare = (inset, radius) => (x, y) => {
  const qx = Math.max(Math.abs(x - 0.5) - (0.5 - inset - radius), 0);
  const qy = Math.max(Math.abs(y - 0.5) - (0.5 - inset - radius), 0);
  return Math.hypot(qx, qy) <= radius;
};

function segment(ax, ay, bx, by, width) {
  return (x, y) => {
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    return Math.hypot(x - (ax + t * dx), y - (ay + t * dy)) <= width / 2;
  };
}

const any = (...shapes) => (x, y) => shapes.some((s) => s(x, y));

function draw(size, layers) {
  const n = 4;
  const out = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          let color = null;
          for (const { shape, rgb } of layers) if (shape(x, y)) color = rgb;
          if (color) {
            acc[0] += color[0];
            acc[1] += color[1];
            acc[2] += color[2];
            acc[3] += 1;
          }
        }
      }
      const i = (py * size + px) * 4;
      const cover = acc[3] / (n * n);
      out[i] = acc[3] ? Math.round(acc[0] / acc[3]) : 0;
      out[i + 1] = acc[3] ? Math.round(acc[1] / acc[3]) : 0;
      out[i + 2] = acc[3] ? Math.round(acc[2] / acc[3]) : 0;
      out[i + 3] = Math.round(cover * 255);
    }
  }
  return out;
}

function checkIcon(size) {
  const stroke = size <= 16 ? 0.14 : 0.11;
  return draw(size, [
    { shape: roundedSquare(0.03, 0.18), rgb: BRAND },
    { shape: any(segment(0.24, 0.52, 0.43, 0.7, stroke), segment(0.43, 0.7, 0.77, 0.32, stroke)), rgb: WHITE },
  ]);
}

function paneIcon(size) {
  const stroke = size <= 16 ? 0.12 : 0.085;
  return draw(size, [
    { shape: roundedSquare(0.03, 0.18), rgb: BRAND },
    { shape: any(segment(0.22, 0.28, 0.78, 0.28, stroke), segment(0.22, 0.46, 0.78, 0.46, stroke), segment(0.22, 0.64, 0.46, 0.64, stroke)), rgb: WHITE },
    { shape: any(segment(0.54, 0.7, 0.63, 0.79, stroke), segment(0.63, 0.79, 0.8, 0.58, stroke)), rgb: WHITE },
  ]);
}

const dir = __dirname;
for (const size of SIZES) {
  fs.writeFileSync(path.join(dir, `check-${size}.png`), png(size, checkIcon(size)));
  fs.writeFileSync(path.join(dir, `pane-${size}.png`), png(size, paneIcon(size)));
}
console.log(`icons written to ${path.relative(process.cwd(), dir) || "."}`);
