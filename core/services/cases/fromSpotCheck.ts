/**
 * case.openFromSpotCheck: one action from a failed spot check to a case in 受理, with the
 * parties, the product, the officers, the test result and the photos carried over so the
 * inspector does not type them again. The spot check stays as it is and is linked.
 */
import { fail, ok, type Result } from '../../../shared/api/result';
import type { CaseRecord } from '../../../shared/domain/case/record';
import { chinaDate } from '../../../shared/domain/deadlines/today';
import { translate } from '../../../shared/i18n/translate';
import {
  CaseDataSchema,
  emptyCaseData,
  emptyParty,
  type CaseData,
  type EvidenceItem,
  type Party,
} from '../../../shared/schemas/case';
import type { SpotCheckRecord } from '../../../shared/schemas/spotCheck';
import { setPath, type Doc } from '../../../shared/sync/paths';
import { inTransaction, isFailure, newId, type ServiceContext } from '../context';
import { currentActor, notFound, permissionFailure } from './actor';
import { insertNewCase } from './create';

const party = (over: Partial<Party>): Party => ({ ...emptyParty('enterprise'), ...over });

function partiesOf(sc: SpotCheckRecord): Party[] {
  const u = sc.data.sampledUnit;
  const out = [
    party({
      enterpriseId: u.enterpriseId,
      name: u.name,
      creditCode: u.creditCode,
      legalRepresentative: u.legalRepresentative,
      address: u.address,
      phone: u.contactPhone,
    }),
  ];
  const p = sc.data.producer;
  if (!p.sameAsSampledUnit && p.name.trim() !== '' && p.name.trim() !== u.name.trim()) {
    out.push(party({ name: p.name, address: p.address, phone: p.contactPhone }));
  }
  return out;
}

function evidenceOf(ctx: ServiceContext, sc: SpotCheckRecord, today: string): EvidenceItem[] {
  const item = (over: Partial<EvidenceItem>): EvidenceItem => ({
    id: newId(),
    kind: 'document',
    title: '',
    description: '',
    attachmentSha256: '',
    collectedAt: '',
    ...over,
  });
  const record = item({
    kind: 'sample',
    title: translate({
      key: 'caseRule.evidenceSamplingRecord',
      params: { number: sc.data.basic.recordNumber },
    }),
    collectedAt: sc.data.sample.samplingDate || today,
  });
  const photos = ctx.store.attachments.list('spotCheck', sc.id).map((a) =>
    item({
      kind: 'photo',
      title: a.fileName,
      attachmentSha256: a.sha256,
      collectedAt: a.createdAt.slice(0, 10),
    }),
  );
  return [record, ...photos];
}

function factsOf(sc: SpotCheckRecord): string {
  const d = sc.data;
  return translate({
    key: 'caseRule.factsFromSpotCheck',
    params: {
      samplingDate: d.sample.samplingDate,
      unit: d.sampledUnit.name,
      sample: d.sample.name,
      spec: d.sample.specification,
      batch: d.sample.batchNumber,
      lab: d.basic.testingInstitution,
      report: d.result.reportNumber,
      items: d.result.failedItems,
    },
  });
}

/**
 * Content taken from a spot check is checked against the case schema; a value the case form
 * would refuse (text too long, a malformed number) is left blank there rather than stored
 * invalid. The spot check keeps it, and the inspector sees the field empty.
 */
function conforming(data: CaseData): CaseData {
  const parsed = CaseDataSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const doc = structuredClone(data) as unknown as Doc;
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.');
    if (path !== '') setPath(doc, path, typeof issue.input === 'string' ? '' : issue.input);
  }
  const again = CaseDataSchema.safeParse(doc);
  return again.success ? again.data : emptyCaseData();
}

export function caseDataFromSpotCheck(ctx: ServiceContext, sc: SpotCheckRecord): CaseData {
  const d = sc.data;
  const today = chinaDate(ctx.now());
  const product = {
    name: d.sample.name,
    brand: d.sample.trademark,
    model: d.sample.specification,
    batchNumber: d.sample.batchNumber,
    quantity: '',
    unit: d.sample.quantityUnit,
  };
  const officers = d.samplers
    .filter((s) => s.name.trim() !== '' || s.credentialNumber.trim() !== '')
    .map((s) => ({ userId: '', name: s.name, credentialNumber: s.credentialNumber }));
  const sourceRef = [d.basic.recordNumber, d.result.reportNumber].filter((v) => v).join(' / ');
  const data: CaseData = {
    ...emptyCaseData(),
    source: 'failedSpotCheck',
    sourceRef,
    discoveredAt: d.result.reportDate || today,
    parties: partiesOf(sc),
    facts: factsOf(sc),
    product,
    officers,
    linkedSpotCheckIds: [sc.id],
    evidence: evidenceOf(ctx, sc, today).slice(0, 500),
  };
  return conforming(data);
}

export function openFromSpotCheck(
  ctx: ServiceContext,
  input: { spotCheckId: string },
): Result<CaseRecord> {
  return inTransaction(ctx, () => {
    const actor = currentActor(ctx);
    if (isFailure(actor)) return actor;
    const refused = permissionFailure(actor, 'record.create');
    if (refused) return refused;
    const sc = ctx.store.spotChecks.get(input.spotCheckId);
    if (!sc) return notFound();
    if (sc.data.result.conclusion !== 'fail') return fail('RULE', 'caseRule.spotCheckNotFailed');
    const existing = ctx.store.cases.linkedTo(sc.id);
    if (existing) return fail('DUPLICATE', 'caseRule.alreadyOpened', { id: existing });
    return ok(insertNewCase(ctx, actor, caseDataFromSpotCheck(ctx, sc)));
  });
}
