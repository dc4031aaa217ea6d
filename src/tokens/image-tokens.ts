import type { ImageSize } from './image-size.js';

/*
 * Image input tokens, by the formulas of OpenAI's images and vision guide ("Calculating costs").
 * Tile models: `low` costs the base; `high` (and `auto`) scale the image to fit 2048x2048, then its
 * shortest side to 768, and add the tile price for each 512px tile. Patch models (gpt-4.1-mini,
 * gpt-4.1-nano, o4-mini, gpt-5-mini, gpt-5-nano) count 32px patches, at most 1536, times a multiplier.
 */

interface TileRate {
  readonly kind: 'tiles';
  readonly base: number;
  readonly tile: number;
}
interface PatchRate {
  readonly kind: 'patches';
  readonly multiplier: number;
}
type ImageRate = TileRate | PatchRate;

/** Most specific prefix first: `gpt-4o-mini` before `gpt-4o`. */
const rates: ReadonlyArray<readonly [prefix: string, rate: ImageRate]> = [
  ['gpt-4.1-mini', { kind: 'patches', multiplier: 1.62 }],
  ['gpt-4.1-nano', { kind: 'patches', multiplier: 2.46 }],
  ['gpt-5-mini', { kind: 'patches', multiplier: 1.62 }],
  ['gpt-5-nano', { kind: 'patches', multiplier: 2.46 }],
  ['o4-mini', { kind: 'patches', multiplier: 1.72 }],
  ['gpt-4o-mini', { kind: 'tiles', base: 2833, tile: 5667 }],
  ['gpt-5', { kind: 'tiles', base: 70, tile: 140 }],
  ['o1', { kind: 'tiles', base: 75, tile: 150 }],
  ['o3', { kind: 'tiles', base: 75, tile: 150 }],
];
/** gpt-4o, gpt-4.1, gpt-4-turbo and vision previews; also the guess for models not listed. */
const defaultRate: TileRate = { kind: 'tiles', base: 85, tile: 170 };

const MAX_PATCHES = 1536;
/** The most tiles an image can take: 768x2048 after scaling is 2 x 4 tiles. */
const MAX_TILES = 8;

function rateOf(model: string | undefined): ImageRate {
  if (model !== undefined) for (const [prefix, rate] of rates) if (model.startsWith(prefix)) return rate;
  return defaultRate;
}

function tiles({ width, height }: ImageSize): number {
  const fit = Math.min(1, 2048 / Math.max(width, height));
  let w = width * fit;
  let h = height * fit;
  const shortest = Math.min(w, h);
  if (shortest > 768) {
    w = (w * 768) / shortest;
    h = (h * 768) / shortest;
  }
  return Math.ceil(w / 512) * Math.ceil(h / 512);
}

function patches({ width, height }: ImageSize): number {
  let count = Math.ceil(width / 32) * Math.ceil(height / 32);
  if (count <= MAX_PATCHES) return count;
  // Shrunk to fit the patch budget, whole patches across the width, as the guide describes.
  const shrink = Math.sqrt((MAX_PATCHES * 32 * 32) / (width * height));
  const scaledWidth = width * shrink;
  const fit = Math.floor(scaledWidth / 32) / (scaledWidth / 32);
  count = Math.ceil((scaledWidth * fit) / 32) * Math.ceil((height * shrink * fit) / 32);
  return Math.min(count, MAX_PATCHES);
}

/** The tokens of one image, and whether it is an upper bound (size unknown). */
export interface ImageCount {
  readonly tokens: number;
  readonly upperBound: boolean;
}

/** An image's tokens for `model` at `detail`; without a size, the most the image can cost. */
export function imageTokens(
  model: string | undefined,
  detail: string | undefined,
  size: ImageSize | undefined,
): ImageCount {
  const rate = rateOf(model);
  if (rate.kind === 'patches') {
    const count = size === undefined ? MAX_PATCHES : patches(size);
    return { tokens: Math.ceil(count * rate.multiplier), upperBound: size === undefined };
  }
  if (detail === 'low') return { tokens: rate.base, upperBound: false };
  const count = size === undefined ? MAX_TILES : tiles(size);
  return { tokens: rate.base + rate.tile * count, upperBound: size === undefined };
}
