import type { MutationEntity } from '../../../shared/sync/protocol';
import { attachmentHandler } from './attachment';
import { enterpriseHandler } from './enterprise';
import { spotCheckHandler } from './spotCheck';
import type { EntityHandler } from './types';

export const ENTITY_HANDLERS: Record<MutationEntity, EntityHandler> = {
  enterprise: enterpriseHandler,
  spotCheck: spotCheckHandler,
  attachment: attachmentHandler,
};
