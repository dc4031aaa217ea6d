/** An image's size in pixels. */
export interface ImageSize {
  readonly width: number;
  readonly height: number;
}

const dataUrl = /^data:image\/[a-z+.-]+;base64,/i;

/**
 * The size of a base64 data-URL image, read from its header (PNG, JPEG, GIF, WebP); `undefined` for
 * a remote URL or a format not read here. Only the first kilobytes are decoded.
 */
export function dataUrlImageSize(url: string): ImageSize | undefined {
  const match = dataUrl.exec(url);
  if (match === null) return undefined;
  // JPEG keeps its size after the metadata segments: 64 KiB of header covers nearly every file.
  // `atob`, not Buffer: the entry also runs in browsers. A multiple of 4 characters decodes cleanly.
  let binary: string;
  try {
    binary = atob(url.slice(match[0].length, match[0].length + 87_380).replace(/=+$/, ''));
  } catch {
    return undefined;
  }
  const bytes = new Bytes(binary);
  return png(bytes) ?? gif(bytes) ?? webp(bytes) ?? jpeg(bytes);
}

/** Little reads over a binary string (one char a byte), as atob gives it. */
class Bytes {
  constructor(readonly text: string) {}
  get length(): number {
    return this.text.length;
  }
  at(offset: number): number {
    return this.text.charCodeAt(offset);
  }
  ascii(start: number, end: number): string {
    return this.text.slice(start, end);
  }
  u16be(offset: number): number {
    return (this.at(offset) << 8) | this.at(offset + 1);
  }
  u16le(offset: number): number {
    return this.at(offset) | (this.at(offset + 1) << 8);
  }
  u24le(offset: number): number {
    return this.u16le(offset) | (this.at(offset + 2) << 16);
  }
  u32be(offset: number): number {
    return this.u16be(offset) * 65_536 + this.u16be(offset + 2);
  }
  u32le(offset: number): number {
    return this.u16le(offset) + this.u16le(offset + 2) * 65_536;
  }
}

function png(b: Bytes): ImageSize | undefined {
  if (b.length < 24 || b.u32be(0) !== 0x89504e47) return undefined;
  return { width: b.u32be(16), height: b.u32be(20) };
}

function gif(b: Bytes): ImageSize | undefined {
  if (b.length < 10 || b.ascii(0, 4) !== 'GIF8') return undefined;
  return { width: b.u16le(6), height: b.u16le(8) };
}

function webp(b: Bytes): ImageSize | undefined {
  if (b.length < 30 || b.ascii(0, 4) !== 'RIFF' || b.ascii(8, 12) !== 'WEBP') {
    return undefined;
  }
  const chunk = b.ascii(12, 16);
  if (chunk === 'VP8X') return { width: 1 + b.u24le(24), height: 1 + b.u24le(27) };
  if (chunk === 'VP8L') {
    const bits = b.u32le(21);
    return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >> 14) & 0x3fff) };
  }
  if (chunk === 'VP8 ') return { width: b.u16le(26) & 0x3fff, height: b.u16le(28) & 0x3fff };
  return undefined;
}

function jpeg(b: Bytes): ImageSize | undefined {
  if (b.length < 4 || b.at(0) !== 0xff || b.at(1) !== 0xd8) return undefined;
  let offset = 2;
  while (offset + 9 < b.length) {
    if (b.at(offset) !== 0xff) return undefined;
    const marker = b.at(offset + 1);
    // Start-of-frame markers (C0-CF, except DHT C4, JPG C8 and DAC CC) carry the size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { width: b.u16be(offset + 7), height: b.u16be(offset + 5) };
    }
    offset += 2 + b.u16be(offset + 2);
  }
  return undefined;
}
