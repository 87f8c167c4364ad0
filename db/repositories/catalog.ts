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

  /**
   * A category received from the server (reference data is pull-only): replaces its products;
   * a new category goes last in the list.
   */
  upsertCategory(c: CatalogCategory): void {
    this.db
      .prepare(
        `INSERT INTO product_categories (code, zh, en, sort_order)
         VALUES (?, ?, ?, (SELECT coalesce(max(sort_order), -1) + 1 FROM product_categories))
         ON CONFLICT (code) DO UPDATE SET zh = excluded.zh, en = excluded.en`,
      )
      .run(c.code, c.zh, c.en);
    this.db.prepare('DELETE FROM products WHERE category_code = ?').run(c.code);
    const insert = this.db.prepare(
      `INSERT INTO products (code, category_code, zh, en, standard, sort_order) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (code) DO UPDATE SET category_code = excluded.category_code, zh = excluded.zh,
         en = excluded.en, standard = excluded.standard, sort_order = excluded.sort_order`,
    );
    c.products.forEach((p, i) => insert.run(p.code, c.code, p.zh, p.en, p.standard, i));
  }
}
