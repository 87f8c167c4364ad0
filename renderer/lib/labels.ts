/** Display names for catalog entries and regions in the current language. */
import type { CatalogCategory } from '../../shared/api/contract';
import { findRegion } from '../../shared/domain/regions';

export type Named = { zh: string; en: string };

export const nameIn = (lng: string, item: Named): string => (lng === 'en' ? item.en : item.zh);

export function regionName(lng: string, code: string): string {
  const region = findRegion(code);
  return region ? nameIn(lng, region) : code;
}

/** A categoryCode may name a category or one of its products. */
export function categoryName(
  lng: string,
  catalog: readonly CatalogCategory[],
  code: string,
): string {
  for (const cat of catalog) {
    if (cat.code === code) return nameIn(lng, cat);
    const product = cat.products.find((p) => p.code === code);
    if (product) return nameIn(lng, product);
  }
  return code;
}

export function findProduct(catalog: readonly CatalogCategory[], code: string) {
  for (const cat of catalog) {
    const product = cat.products.find((p) => p.code === code);
    if (product) return product;
  }
  return undefined;
}
