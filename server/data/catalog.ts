// The seeded catalog: every product with stock per size/colour, a regular price, a promotion price and price history.
import { createRng } from '../../sim/util/rng.ts';
import { cst } from './clock.ts';
import { APPAREL_SIZES, type Category, PRODUCT_SPECS, type ProductSpec, SHOE_SIZES } from './products.ts';

export interface PricePoint {
  /** From this instant (ms since epoch) on. */
  from: number;
  price: number;
}

export interface Presale {
  deposit: number;
  /** What the deposit is worth against the final price (膨胀). */
  depositValue: number;
}

export interface Product extends ProductSpec {
  sizes: readonly string[];
  /** Units in stock by `${size}|${colour}` ('' for none). */
  stock: Readonly<Record<string, number>>;
  /** Ascending by `from`; the last point at or before a time is the price then. */
  priceHistory: readonly PricePoint[];
  presale?: Presale;
}

export type Catalog = ReadonlyMap<string, Product>;

export const stockKey = (size: string, colour: string): string => `${size}|${colour}`;

const PRESALE_CATEGORIES: readonly Category[] = ['electronics', 'beauty', 'home'];

/** Price in force at `at`. */
export function priceAt(product: Product, at: number): number {
  let price = (product.priceHistory[0] as PricePoint).price;
  for (const p of product.priceHistory) if (p.from <= at) price = p.price;
  return price;
}

function sizesOf(spec: ProductSpec): string[] {
  if (spec.sizeKind === 'apparel') return [...APPAREL_SIZES];
  if (spec.sizeKind === 'shoes') return SHOE_SIZES.map(String);
  return [''];
}

/** The same seed gives the same catalog. */
export function createCatalog(seed: number): Catalog {
  const rng = createRng(seed).fork('catalog');
  const out = new Map<string, Product>();
  for (const spec of PRODUCT_SPECS) {
    const sizes = sizesOf(spec);
    const colours = spec.colours.length > 0 ? spec.colours : [''];
    const stock: Record<string, number> = {};
    for (const size of sizes)
      for (const colour of colours) stock[stockKey(size, colour)] = rng.next() < 0.2 ? 0 : 1 + rng.int(60);
    const base = spec.basePrice;
    const round = (x: number): number => Math.max(1, Math.round(x / 10) * 10 - 1);
    const early = round(base * (0.9 + rng.int(6) / 100));
    const peak = round(base * (0.7 + rng.int(15) / 100));
    const after = round(base * (0.8 + rng.int(15) / 100));
    const priceHistory: PricePoint[] = [
      { from: cst(2026, 10, 1), price: base },
      { from: cst(2026, 10, 24, 20), price: early },
      { from: cst(2026, 11, 11), price: peak },
      { from: cst(2026, 11, 12), price: after },
      { from: cst(2026, 11, 25), price: base },
    ];
    const product: Product = { ...spec, sizes, stock, priceHistory };
    if (PRESALE_CATEGORIES.includes(spec.category) && rng.next() < 0.5) {
      const deposit = Math.max(10, Math.round(base / 100) * 10);
      product.presale = { deposit, depositValue: Math.round(deposit * 1.5) };
    }
    out.set(spec.sku, product);
  }
  return out;
}
