/**
 * Entities a push batch takes to be new (BatchEntities.assumeAbsent, sync/push.ts) cannot
 * outlive a cache that is thrown away: looked up again, they could give answers that disagree
 * with the ones already given, so the batch must start over with every entity looked up.
 */
import type { SeqAllocator } from '../../server/sync/counter';
import { BatchEntities, LookUpEverything } from '../../server/sync/entities/batchEntities';
import type { Queryable } from '../../server/storage/types';

const noDatabase: Queryable = {
  query: () => Promise.reject(new Error('no query expected')),
};
const noSeqs = {} as SeqAllocator;
const key = { entity: 'spotCheck', id: '01a24e23-e51f-73ba-a2ae-cc8fa711b3d5' };

describe('entities assumed absent', () => {
  it('are served without a query, as absent', async () => {
    const entities = new BatchEntities(noDatabase, noSeqs);
    entities.assumeAbsent([key]);
    await entities.prefetch([key]);
    await expect(entities.load(key.entity, key.id)).resolves.toBeNull();
  });

  it('make a cache invalidation ask for the batch again with every entity looked up', () => {
    const entities = new BatchEntities(noDatabase, noSeqs);
    entities.invalidate();
    entities.assumeAbsent([key]);
    expect(() => entities.invalidate()).toThrow(LookUpEverything);
  });
});
