/**
 * The people and amounts on a case's forms: parties, officers with their 执法证号, the
 * approval signatures of a step, goods lists and penalty lines, as view-model pieces.
 */
import {
  emptyParty,
  type CaseData,
  type GoodsItem,
  type Officer,
  type Party,
} from '../schemas/case';
import type { CaseWorkflow, ApprovalRound, ApprovalSignature } from '../domain/case/record';
import type { ApprovalStep } from '../domain/case/stages';
import { amountCapital } from './amountCapital';
import { yuan, yuanNumber, zhDate } from './format';
import type {
  ApprovalsView,
  ApprovalView,
  GoodsRowView,
  OfficerView,
  PartyView,
  PenaltyLinesView,
} from './view';

export function partyView(p: Party): PartyView {
  return {
    kind: p.kind,
    name: p.name,
    creditCode: p.creditCode,
    idNumber: p.idNumber,
    legalRepresentative: p.legalRepresentative,
    address: p.address,
    phone: p.phone,
  };
}

/** The named parties; one blank party when none is named yet, so the form has its lines. */
export function partyViews(parties: readonly Party[]): PartyView[] {
  const named = parties.filter((p) => p.name.trim() !== '').map(partyView);
  if (named.length > 0) return named;
  // No kind chosen yet: the blank line is neither an enterprise nor a person.
  return [{ ...partyView(emptyParty('enterprise')), kind: '' }];
}

/** Who an officer's credential number is, when the case left it empty (the people register). */
export type CredentialLookup = (userId: string) => string;

export function officerViews(
  officers: readonly Officer[],
  credentialOf: CredentialLookup = () => '',
): OfficerView[] {
  return officers
    .filter((o) => o.name.trim() !== '')
    .map((o) => ({
      name: o.name,
      credentialNumber: o.credentialNumber || (o.userId ? credentialOf(o.userId) : ''),
    }));
}

/**
 * The round an approval form shows: the latest approved one for the step, else the one still
 * pending, else none (the form's approval cells are left blank).
 */
export function roundFor(wf: CaseWorkflow, step: ApprovalStep): ApprovalRound | null {
  const approved = wf.approvals.filter((r) => r.step === step && r.outcome === 'approved');
  const last = approved[approved.length - 1];
  if (last) return last;
  return wf.pending && wf.pending.step === step ? wf.pending : null;
}

const EMPTY_APPROVAL: ApprovalView = { opinion: '', signer: '', date: '' };

function levelView(sigs: readonly ApprovalSignature[], level: ApprovalSignature['level']) {
  const mine = sigs.filter((s) => s.level === level);
  const s = mine[mine.length - 1];
  return s ? { opinion: s.opinion, signer: s.signerName, date: zhDate(s.date) } : EMPTY_APPROVAL;
}

export function approvalsView(wf: CaseWorkflow, step: ApprovalStep): ApprovalsView {
  const sigs = roundFor(wf, step)?.signatures ?? [];
  return {
    handler: levelView(sigs, 'handler'),
    review: levelView(sigs, 'review'),
    approve: levelView(sigs, 'approve'),
  };
}

export function goodsRows(items: readonly GoodsItem[]): GoodsRowView[] {
  return items
    .filter((g) => g.name.trim() !== '')
    .map((g, i) => ({
      no: String(i + 1),
      name: g.name,
      spec: g.spec,
      quantity: g.quantity,
      unit: g.unit,
      value: yuanNumber(g.value),
      note: g.note,
    }));
}

/** The sum of the lines' values in yuan (exact, in 分), e.g. 48,600.00; '' when none has one. */
export function goodsTotal(items: readonly GoodsItem[]): string {
  let fen = 0n;
  let any = false;
  for (const g of items) {
    if (g.name.trim() === '' || !/^\d+(\.\d+)?$/.test(g.value)) continue;
    const [int = '0', frac = ''] = g.value.split('.');
    fen += BigInt(int) * 100n + BigInt(Math.round(Number(`0.${frac || '0'}`) * 100));
    any = true;
  }
  if (!any) return '';
  return yuanNumber(`${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`);
}

export function penaltyLines(a: CaseData['amounts']): PenaltyLinesView {
  return {
    fine: yuan(a.fine),
    fineCapital: a.fine ? amountCapital(a.fine) : '',
    illegalGains: yuan(a.illegalGains),
    illegalGainsCapital: a.illegalGains ? amountCapital(a.illegalGains) : '',
    goodsValue: yuan(a.goodsValue),
    confiscation: a.confiscation,
  };
}

/** 产品 in one line: name, brand, model, batch. */
export function productLine(p: CaseData['product']): string {
  const parts = [
    p.name,
    p.brand ? `商标：${p.brand}` : '',
    p.model ? `规格型号：${p.model}` : '',
    p.batchNumber ? `批号：${p.batchNumber}` : '',
    p.quantity ? `数量：${p.quantity}${p.unit}` : '',
  ].filter((s) => s !== '');
  return parts.join('，');
}
