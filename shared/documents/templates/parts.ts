/** Pieces several forms share: the title block, the parties, officers, signatures, approvals. */
import { blank, cell, dateOrBlank, esc, fill, lines } from '../html';
import type {
  ApprovalView,
  HeaderView,
  OfficerView,
  PartyView,
  SignatureSlotView,
  SignatureView,
} from '../view';

/** What a template needs besides its view model: the signature images to place. */
export interface TemplateContext {
  /** sha256 → data: URI of the PNG; a signature whose image is missing gets a line to sign. */
  images: Readonly<Record<string, string>>;
}

/**
 * Agency, title, and the 文书字号 (a blank for it when the form has none yet); a table form
 * writes its number as 编号 in the table's type size.
 */
export function titleBlock(
  h: HeaderView,
  opts: { number: boolean; agency?: boolean; table?: boolean },
): string {
  const agency = opts.agency === false ? '' : `<p class="agency">${esc(h.agency)}</p>`;
  const number = !opts.number
    ? ''
    : opts.table
      ? `<p class="doc-number small">编号：${fill(h.documentNumber, 12)}</p>`
      : `<p class="doc-number">${fill(h.documentNumber, 12)}</p>`;
  return `${agency}<h1 class="title">${esc(h.title)}</h1>${number}`;
}

/** 张三（执法证号：LN-0001）、李四（执法证号：LN-0002）; a blank line when none is named. */
export function officerList(officers: readonly OfficerView[], em = 24): string {
  if (officers.length === 0) return blank(em);
  return officers
    .map(
      (o) =>
        `<span class="filled">${esc(o.name)}</span>（执法证号：${fill(o.credentialNumber, 8)}）`,
    )
    .join('、');
}

export const officerNames = (officers: readonly OfficerView[]): string =>
  officers.map((o) => o.name).join('、');

/** The party's identifying number: the credit code for a unit, the ID number for a person. */
export function partyCode(p: PartyView): { label: string; value: string } {
  if (p.kind === 'person') return { label: '身份证号码', value: p.idNumber };
  return { label: '统一社会信用代码', value: p.creditCode || p.idNumber };
}

/** The 当事人 lines at the head of a notice or decision, one block per party. */
export function partyLetterBlock(parties: readonly PartyView[]): string {
  return parties
    .map((p) => {
      const code = partyCode(p);
      const rep =
        p.kind === 'person' ? '' : `<p>法定代表人（负责人）：${fill(p.legalRepresentative, 6)}</p>`;
      return (
        `<div class="party"><p>当事人：${fill(p.name, 16)}</p>` +
        `<p>${code.label}：${fill(code.value, 14)}</p>` +
        `<p>住所（住址）：${fill(p.address, 20)}</p>${rep}` +
        `<p>联系电话：${fill(p.phone, 10)}</p></div>`
      );
    })
    .join('');
}

/** Several parties in one table cell: their names joined. */
export const partyNames = (parties: readonly PartyView[]): string =>
  parties
    .map((p) => p.name)
    .filter((n) => n !== '')
    .join('、');

function refusalWho(slot: SignatureSlotView): string {
  return slot.role === 'party' || slot.role === 'recipient' ? '当事人' : slot.who;
}

function oneSignature(slot: SignatureSlotView, s: SignatureView, ctx: TemplateContext): string {
  if (s.refused) {
    return (
      `<span class="refusal">${esc(refusalWho(slot))}拒绝签字，理由：${fill(s.refusalReason, 8)}，` +
      `见证人：${fill(s.witness, 4)}</span>`
    );
  }
  const image = s.sha256 ? ctx.images[s.sha256] : undefined;
  if (image) return `<img class="sig" src="${esc(image)}" alt="${esc(s.name)}">`;
  // Known signer, no image on this device: the name printed, a line to sign beside it.
  return `${s.name ? `<span class="filled">${esc(s.name)}</span>` : ''}${blank(6)}`;
}

/**
 * Where a role signs: each signature given for it (image, or the refusal in words) with its
 * date; no signature yet → a blank line and 年 月 日 to fill by hand.
 */
export function signatureLine(slot: SignatureSlotView, ctx: TemplateContext, label = ''): string {
  const who = `<span class="sign-who">${esc(label || `${slot.who}（签名）`)}：</span>`;
  if (slot.signatures.length === 0) {
    return `<div class="sign-row">${who}${blank(8)}${dateOrBlank('')}</div>`;
  }
  const items = slot.signatures
    .map((s) => `${oneSignature(slot, s, ctx)} ${s.refused ? '' : dateOrBlank(s.date)}`)
    .join('<span class="gap"></span>');
  return `<div class="sign-row">${who}${items}</div>`;
}

/** Signatures inside a table cell (no date line of its own when the cell has one). */
export function signatureCell(slot: SignatureSlotView, ctx: TemplateContext): string {
  if (slot.signatures.length === 0) return '';
  return slot.signatures.map((s) => oneSignature(slot, s, ctx)).join(' ');
}

/** The agency's name and the date, right-aligned at the foot of a letter, where the seal goes. */
export function sealBlock(agency: string, date: string): string {
  return `<div class="seal-block"><p>${fill(agency, 12)}</p><p>${dateOrBlank(date)}</p></div>`;
}

/** An approval cell: the opinion, then who signed and when (blank lines when not signed). */
export function approvalCell(a: ApprovalView, signerLabel: string, signer = a.signer): string {
  return (
    `<div>${cell(a.opinion) ? lines(a.opinion) : ''}</div>` +
    `<div class="opinion-sign">${esc(signerLabel)}：${fill(signer, 6)}` +
    `<span class="opinion-date">${dateOrBlank(a.date)}</span></div>`
  );
}

/** `n` ruled lines for text to be written by hand. */
export function blankLines(n: number): string {
  return `<span class="blank-lines">${'<span class="line"></span>'.repeat(n)}</span>`;
}

/**
 * Blocks of running text followed by the signatures: the last block goes into the same
 * unbreakable box as the signatures, so a page never begins with signatures alone.
 */
export function keepLastWith(blocks: readonly string[], closing: string): string {
  const head = blocks.slice(0, -1).join('');
  const last = blocks[blocks.length - 1] ?? '';
  return `${head}<div class="keep">${last}${closing}</div>`;
}
