import type Database from 'better-sqlite3';
import type { CatalogCategory } from '../../shared/api/contract';

interface Row {
  c_code: string;
  c_zh: string;
  c_en: string;
  p_code: string | null;
  p_zh: string | null;
  p_en: string | null;
  standard: string | null;
}

export class CatalogRepository {
  constructor(private readonly db: Database.Database) {}

  categories(): CatalogCategory[] {
    const rows = this.db
      .prepare(
        `SELECT c.code AS c_code, c.zh AS c_zh, c.en AS c_en,
                p.code AS p_code, p.zh AS p_zh, p.en AS p_en, p.standard
         FROM product_categories c LEFT JOIN products p ON p.category_code = c.code
         ORDER BY c.sort_order, c.code, p.sort_order, p.code`,
      )
      .all() as Row[];
    const out: CatalogCategory[] = [];
    const byCode = new Map<string, CatalogCategory>();
    for (const r of rows) {
      let cat = byCode.get(r.c_code);
      if (!cat) {
        cat = { code: r.c_code, zh: r.c_zh, en: r.c_en, products: [] };
        byCode.set(r.c_code, cat);
        out.push(cat);
      }
      if (r.p_code !== null) {
        cat.products.push({
          code: r.p_code,
          zh: r.p_zh ?? '',
          en: r.p_en ?? '',
          standard: r.standard ?? '',
        });
      }
    }
    return out;
  }
}
