import type { MutationEntity } from '../../../shared/sync/protocol';
import { attachmentHandler } from './attachment';
import { caseHandler } from './case';
import { enterpriseHandler } from './enterprise';
import { reviewHandler } from './review';
import { spotCheckHandler } from './spotCheck';
import type { EntityHandler } from './types';

export const ENTITY_HANDLERS: Record<MutationEntity, EntityHandler> = {
  enterprise: enterpriseHandler,
  spotCheck: spotCheckHandler,
  attachment: attachmentHandler,
  case: caseHandler,
  review: reviewHandler,
};
