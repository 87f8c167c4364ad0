/**
 * Every form printed to PDF by Chromium from a realistic case and spot check: A4, numbered
 * pages (第 N 页 共 M 页), the record's key values in the text, nothing unfilled; a long
 * 询问笔录 over several pages; reprints as copies in the print log; QR verification. Each
 * form's first page is also written as a PNG to test-output/forms/ for people to look at.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore, type Store } from '../../db/store';
import type { DocumentRef } from '../../shared/api/documentContract';
import type { ApiHandlers } from '../../shared/api/contract';
import type { DocumentKind } from '../../shared/documents/kinds';
import { findChromium } from '../../core/documents/chromium';
import { LocalFileStore, sha256Of } from '../../core/attachments/fileStore';
import { documentNumberKey, formatDocumentNumber } from '../../shared/documents/numbers';
import { createDocumentHandlers } from '../../core/services/documents/handlers';
import type { ServiceContext } from '../../core/services/context';
import {
  AGENCY,
  caseRecord,
  IDS,
  qaPairs,
  signaturePng,
  spotCheckRecord,
} from '../unit/documents-fixtures';

// Each PDF is a Chromium run (a few seconds, more on a busy machine).
jest.setTimeout(120_000);

const OUT = path.resolve(__dirname, '../../test-output/forms');
const chromium = findChromium();
if (!chromium) console.log('documents-pdf: no Chromium found; set FIELDCHECK_CHROMIUM');

let dir: string;
let store: Store;
let ctx: ServiceContext;
let docs: Pick<ApiHandlers, `documents.${string}` & keyof ApiHandlers>;
let tick = 0;

const NUMBERED = [
  ['filingApproval', '沈市监立'],
  ['measureDecision', '沈市监强制'],
  ['penaltyNotice', '沈市监罚告'],
  ['penaltyDecision', '沈市监罚'],
] as const;

const LONG_INQUIRY = '0190f2a4-1b2c-7d3e-8f40-0000000000b9';

function pdfText(file: string, page?: number): string {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  return execFileSync('pdftotext', [...range, '-layout', file, '-']).toString('utf8');
}

function pdfPages(file: string): { pages: number; size: string } {
  const info = execFileSync('pdfinfo', [file]).toString('utf8');
  return {
    pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]),
    size: /Page size:\s+([^\n]+)/.exec(info)?.[1] ?? '',
  };
}

async function pdfOf(ref: DocumentRef, name: string) {
  const r = await docs['documents.pdf'](ref);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const file = path.join(OUT, `${name}.pdf`);
  fs.writeFileSync(file, Buffer.from(r.value.pdfBase64, 'base64'));
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '60',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    file,
    path.join(OUT, name),
  ]);
  return { file, result: r.value };
}

const caseRef = (kind: DocumentKind, itemId = ''): DocumentRef => ({
  ownerType: 'case',
  ownerId: IDS.case,
  kind,
  itemId,
});

beforeAll(() => {
  fs.mkdirSync(OUT, { recursive: true });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldcheck-docs-'));
  const now = () => new Date(Date.UTC(2026, 10, 28, 2, 0, tick++));
  store = openStore({ dataDir: dir, now });
  ctx = { store, now };
  store.profile.insert({
    id: 'u-zhang',
    name: '张三',
    credentialNumber: 'LN-2101-0001',
    unitName: AGENCY,
    regionCode: '210100',
    createdAt: '2026-01-01T00:00:00.000Z',
  });
  // A signature drawn on screen, kept as an attachment file.
  const png = signaturePng();
  const sha = sha256Of(png);
  new LocalFileStore(dir).write(sha, png);
  const record = caseRecord((d) => {
    const s = d.signatures.find((x) => x.role === 'interviewee');
    if (s) s.attachmentSha256 = sha;
    d.inquiries.push({
      ...(d.inquiries[0] as (typeof d.inquiries)[number]),
      id: LONG_INQUIRY,
      qa: qaPairs(60),
    });
  });
  // The forms that carry a number were numbered while the case was open (the fixture case has
  // ended since): each number is in the case data, as every device reads it.
  for (const [docType, prefix] of NUMBERED) {
    const itemId = docType === 'measureDecision' ? IDS.measure : '';
    record.data.documentNumbers[documentNumberKey(docType, itemId)] = formatDocumentNumber(
      prefix,
      2026,
      128,
    );
  }
  store.cases.insert(record);
  store.spotChecks.insert(spotCheckRecord());
  docs = createDocumentHandlers(ctx, chromium ? { chromium: () => chromium } : {});
});

afterAll(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const PLACEHOLDER = /undefined|null|NaN|\{\{|\}\}|待填写|待编号|N\/A|\[object/;

const FORMS: { ref: DocumentRef; title: string; values: string[] }[] = [
  {
    ref: { ownerType: 'spotCheck', ownerId: IDS.spotCheck, kind: 'samplingSheet', itemId: '' },
    title: '监督检查抽样单',
    values: [
      'LNJD-2026-000915',
      '沈阳鑫达电线电缆有限公司',
      'FT-20260928-01',
      'GB/T 5023.3-2008',
      'LN-2101-0002',
    ],
  },
  {
    ref: caseRef('onSiteRecord'),
    title: '现场检查笔录',
    values: [
      '2026年10月20日9时00分',
      '11时30分',
      '当事人拒绝签字，理由：对检查结果有异议',
      'LN-2101-0001',
    ],
  },
  {
    ref: caseRef('inquiryRecord', IDS.inquiry),
    title: '询问笔录',
    values: ['王建国', '210103198001011234', '导体电阻不合格', '以上笔录我已看过'],
  },
  {
    ref: caseRef('filingApproval'),
    title: '立案审批表',
    values: ['沈市监立〔2026〕第128号', '监督抽查不合格', '同意立案。', '周局长', '2026年10月12日'],
  },
  {
    ref: caseRef('measureDecision', IDS.measure),
    title: '查封决定书',
    values: ['沈市监强制〔2026〕第128号', '涉案物品清单', '48,600.00', '2026年11月18日'],
  },
  {
    ref: caseRef('penaltyNotice'),
    title: '行政处罚告知书',
    values: ['沈市监罚告〔2026〕第128号', '柒万贰仟玖佰元整', '五个工作日', '听证'],
  },
  {
    ref: caseRef('penaltyDecision'),
    title: '行政处罚决定书',
    values: [
      '沈市监罚〔2026〕第128号',
      '沈市监罚告〔2026〕第128号',
      '91210100MA0P4X2K1B',
      '72,900.00',
      '2026年11月20日',
      '2026年11月5日',
    ],
  },
  {
    ref: caseRef('deliveryReceipt'),
    title: '送达回证',
    values: ['沈市监罚〔2026〕第128号', '直接送达', '2026年11月25日', '李明'],
  },
  {
    ref: caseRef('closingApproval'),
    title: '结案审批表',
    values: ['沈市监罚〔2026〕第128号', '同意结案。', '2026年11月27日'],
  },
];

const squeeze = (s: string) => s.replace(/\s+/g, '');

(chromium ? describe : describe.skip)('forms printed to PDF', () => {
  it.each(FORMS.map((f) => [f.title, f] as const))(
    '%s: A4, numbered pages, its values, no placeholder',
    async (_t, form) => {
      const { file, result } = await pdfOf(form.ref, form.ref.kind);
      expect(result.copy).toBe(false);
      const { pages, size } = pdfPages(file);
      expect(size).toMatch(/^59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
      expect(pages).toBeGreaterThanOrEqual(1);
      for (let i = 1; i <= pages; i++) {
        expect(squeeze(pdfText(file, i))).toContain(`第${i}页共${pages}页`);
      }
      const text = squeeze(pdfText(file));
      expect(text).toContain(form.title);
      for (const v of form.values) expect(text).toContain(squeeze(v));
      if (form.ref.ownerType === 'case') expect(text).toContain(AGENCY);
      expect(text).not.toMatch(PLACEHOLDER);
      expect(text).not.toContain('副本');
      expect(fs.existsSync(path.join(OUT, `${form.ref.kind}.png`))).toBe(true);
    },
  );

  it('a long 询问笔录 runs over pages, each numbered and headed with the interviewee', async () => {
    const { file } = await pdfOf(caseRef('inquiryRecord', LONG_INQUIRY), 'inquiryRecord-long');
    const { pages } = pdfPages(file);
    expect(pages).toBeGreaterThanOrEqual(3);
    for (let i = 1; i <= pages; i++) {
      const text = squeeze(pdfText(file, i));
      expect(text).toContain(`第${i}页共${pages}页`);
      if (i > 1) expect(text).toContain('询问笔录（续）被询问人：王建国');
      else expect(text).not.toContain('询问笔录（续）');
    }
    const last = squeeze(pdfText(file, pages));
    // The last answer stays on the page of the signatures.
    expect(last).toContain('第60问的回答');
    expect(last).toContain('以上笔录我已看过');
    expect(last).toContain('被询问人（签名）');
  });

  it('a reprint of the same content is a copy, marked 副本, and both are logged', async () => {
    const ref = caseRef('penaltyDecision');
    const { file, result } = await pdfOf(ref, 'penaltyDecision-copy');
    expect(result.copy).toBe(true);
    const { pages } = pdfPages(file);
    for (let i = 1; i <= pages; i++) expect(pdfText(file, i)).toContain('副');
    expect(squeeze(pdfText(file))).toContain('副本');
    const log = await docs['documents.printLog']({ ownerType: 'case', ownerId: IDS.case });
    if (!log.ok) throw new Error('log');
    const prints = log.value.filter((e) => e.kind === 'penaltyDecision');
    expect(prints.map((e) => [e.copy, e.output, e.printedByName])).toEqual([
      [false, 'pdf', '张三'],
      [true, 'pdf', '张三'],
    ]);
    expect(prints[0]?.documentNumber).toBe('沈市监罚〔2026〕第128号');
    const audit = store.audit
      .list('case', IDS.case)
      .filter((a) => a.changes[0]?.path.startsWith('prints.'));
    expect(audit.length).toBeGreaterThanOrEqual(2);
  });
});

describe('printing without a browser', () => {
  it('says in Chinese that Chromium is missing and logs nothing', async () => {
    const none = createDocumentHandlers(ctx, { chromium: () => null });
    const before = await none['documents.printLog']({ ownerType: 'case', ownerId: IDS.case });
    const r = await none['documents.pdf'](caseRef('deliveryReceipt'));
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'INTERNAL',
        message: { key: 'documents.chromiumMissing', params: { env: 'FIELDCHECK_CHROMIUM' } },
      },
    });
    const after = await none['documents.printLog']({ ownerType: 'case', ownerId: IDS.case });
    expect(after).toEqual(before);
  });
});

describe('print for the printer dialog', () => {
  it('logs the print and hands back the HTML, a copy the second time', async () => {
    const ref = caseRef('onSiteRecord');
    const first = await docs['documents.issue']({ ...ref, output: 'print' });
    const second = await docs['documents.issue']({ ...ref, output: 'print' });
    if (!first.ok || !second.ok) throw new Error('issue');
    const original = await docs['documents.printLog']({ ownerType: 'case', ownerId: IDS.case });
    if (!original.ok) throw new Error('log');
    const mine = original.value.filter((e) => e.kind === 'onSiteRecord' && e.output === 'print');
    expect(mine).toHaveLength(2);
    // The PDF test may have printed this form before: only the order matters here.
    expect(second.value.copy).toBe(true);
    expect(second.value.html).toContain('class="copy-mark"');
    expect(first.value.contentHash).toBe(second.value.contentHash);
  });

  it('lists the forms with what was printed', async () => {
    const r = await docs['documents.list']({ ownerType: 'case', ownerId: IDS.case });
    if (!r.ok) throw new Error('list');
    const onSite = r.value.find((d) => d.kind === 'onSiteRecord');
    expect(onSite).toMatchObject({ currentPrinted: true });
    expect(onSite?.printCount).toBeGreaterThanOrEqual(2);
    expect(r.value.filter((d) => d.kind === 'inquiryRecord')).toHaveLength(2);
  });
});

describe('checking a printed form against the record', () => {
  it('matches the record it was printed from, then says the record changed', async () => {
    const ref = caseRef('penaltyNotice');
    const printed = await docs['documents.issue']({ ...ref, output: 'print' });
    if (!printed.ok) throw new Error('issue');
    const ok1 = await docs['documents.verify']({ payload: printed.value.payload });
    expect(ok1).toMatchObject({
      ok: true,
      value: {
        verdict: 'match',
        kind: 'penaltyNotice',
        title: '行政处罚告知书',
        paperVersion: 14,
        currentVersion: 14,
        printedByName: '张三',
      },
    });

    const prev = store.cases.get(IDS.case);
    if (!prev) throw new Error('case');
    const next = {
      ...prev,
      rev: prev.rev + 1,
      data: { ...prev.data, amounts: { ...prev.data.amounts, fine: '80000' } },
    };
    store.db.transaction(() => store.cases.update(next, prev))();
    const changed = await docs['documents.verify']({ payload: printed.value.payload });
    expect(changed).toMatchObject({
      ok: true,
      value: { verdict: 'changed', paperVersion: 14, currentVersion: 15 },
    });

    // Put back as it was: the same paper matches again (the hash is of the content).
    store.db.transaction(() => store.cases.update({ ...prev, rev: prev.rev + 2 }, next))();
    const again = await docs['documents.verify']({ payload: printed.value.payload });
    expect(again).toMatchObject({ ok: true, value: { verdict: 'match' } });
  });

  it('says an altered payload does not match, an unknown record is unknown, and junk is malformed', async () => {
    const p = await docs['documents.preview'](caseRef('deliveryReceipt'));
    if (!p.ok) throw new Error('preview');
    const altered = p.value.payload.replace(
      /[0-9a-f]{64}$/,
      (h) => (h[0] === 'a' ? 'b' : 'a') + h.slice(1),
    );
    expect(await docs['documents.verify']({ payload: altered })).toMatchObject({
      value: { verdict: 'changed' },
    });
    const unknown = p.value.payload.replace(IDS.case, '0190f2a4-1b2c-7d3e-8f40-ffffffffffff');
    expect(await docs['documents.verify']({ payload: unknown })).toMatchObject({
      value: { verdict: 'unknownRecord' },
    });
    expect(await docs['documents.verify']({ payload: 'hello' })).toEqual({
      ok: true,
      value: { verdict: 'malformed' },
    });
  });
});
