/** Enforcement cases on the server (in progress). */
import { reject, type EntityHandler } from './types';

export const caseHandler: EntityHandler = {
  entity: 'case',
  async create() {
    return reject('unsupportedOp', { op: 'create' });
  },
  async change(_ctx, m) {
    return reject('unsupportedOp', { op: m.op });
  },
};
