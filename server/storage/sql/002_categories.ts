import { CATEGORY_SEED } from '../../../shared/domain/categories';
import { defineMigration } from '../migrationDef';
import { allocateSeqs } from '../../sync/counter';

/** The starter product catalog as pull-only reference rows, visible to every unit. */
export const m002Categories = defineMigration(2, 'categories', '', async (tx) => {
  const seqs = await allocateSeqs(tx);
  for (const c of CATEGORY_SEED) {
    const doc = { code: c.code, zh: c.zh, en: c.en, products: c.products.map((p) => ({ ...p })) };
    await tx.query(
      `INSERT INTO entities (entity, id, unit_id, owner_user_id, doc, server_seq) VALUES ('category', $1, NULL, NULL, $2::jsonb, $3)`,
      [c.code, JSON.stringify(doc), seqs.next()],
    );
  }
  await seqs.save();
});
