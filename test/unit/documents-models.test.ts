/**
 * Each form's view model from a record: what the paper says, field by field, and blanks (never
 * stand-in words) where the record says nothing.
 */
import { buildView, documentEntries, type DocumentSource } from '../../shared/documents/build';
import { contentHash } from '../../shared/documents/hash';
import type { DocumentKind } from '../../shared/documents/kinds';
import { CaseDataSchema } from '../../shared/schemas/case';
import { initialWorkflow, type CaseRecord } from '../../shared/domain/case/record';
import type { DocumentView, ViewOf } from '../../shared/documents/view';
import { AGENCY, caseRecord, IDS, spotCheckRecord } from './documents-fixtures';

const NUMBERS: Partial<Record<DocumentKind, string>> = {
  penaltyDecision: '沈市监罚〔2026〕第128号',
  penaltyNotice: '沈市监罚告〔2026〕第96号',
  measureDecision: '沈市监强制〔2026〕第31号',
  filingApproval: '沈市监立〔2026〕第77号',
};

function caseSource(record: CaseRecord = caseRecord()): DocumentSource {
  return {
    ownerType: 'case',
    input: {
      record,
      agencyName: AGENCY,
      numberOf: (kind) => NUMBERS[kind] ?? '',
      credentialOf: (id) => (id === 'u-qian' ? 'LN-2101-0099' : ''),
    },
  };
}

function view<K extends DocumentKind>(kind: K, itemId = '', src = caseSource()): ViewOf<K> {
  const v = buildView(src, kind, itemId);
  if (!v || v.kind !== kind) throw new Error(`no ${kind}`);
  return v as ViewOf<K>;
}

/** Every string leaf of a view model. */
function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(strings);
  if (v && typeof v === 'object') return Object.values(v).flatMap(strings);
  return [];
}

const PLACEHOLDERS = /undefined|null|NaN|\{\{|待填写|N\/A|\[object/;

describe('the forms a record has', () => {
  it('lists the case forms, one 询问笔录 per inquiry and one decision per measure', () => {
    const entries = documentEntries(caseSource());
    expect(entries.map((e) => e.kind)).toEqual([
      'onSiteRecord',
      'inquiryRecord',
      'filingApproval',
      'measureDecision',
      'penaltyNotice',
      'penaltyDecision',
      'deliveryReceipt',
      'closingApproval',
    ]);
    const inquiry = entries.find((e) => e.kind === 'inquiryRecord');
    expect(inquiry).toMatchObject({
      itemId: IDS.inquiry,
      itemLabel: '王建国 2026年10月21日9时30分',
    });
    expect(entries.find((e) => e.kind === 'measureDecision')?.title).toBe('查封决定书');
  });

  it('lists the sampling sheet for a spot check', () => {
    const src: DocumentSource = {
      ownerType: 'spotCheck',
      input: { record: spotCheckRecord(), agencyName: AGENCY, categoryName: '建材' },
    };
    expect(documentEntries(src).map((e) => e.kind)).toEqual(['samplingSheet']);
  });

  it('builds nothing for a form of another owner or an item that is gone', () => {
    expect(buildView(caseSource(), 'samplingSheet', '')).toBeNull();
    expect(buildView(caseSource(), 'inquiryRecord', IDS.inquiry2)).toBeNull();
    expect(buildView(caseSource(), 'inquiryRecord', '')).toBeNull();
    expect(buildView(caseSource(), 'penaltyDecision', IDS.inquiry)).toBeNull();
  });
});

describe('view models from a realistic case', () => {
  it('监督检查抽样单: unit, sample, seals, samplers, the signatory', () => {
    const src: DocumentSource = {
      ownerType: 'spotCheck',
      input: { record: spotCheckRecord(), agencyName: AGENCY, categoryName: '建材' },
    };
    const v = view('samplingSheet', '', src);
    expect(v.header).toEqual({
      agency: AGENCY,
      title: '监督检查抽样单',
      documentNumber: 'LNJD-2026-000915',
    });
    expect(v.task).toMatchObject({ samplingType: '监督抽查', link: '生产', category: '建材' });
    expect(v.sampledUnit).toMatchObject({
      name: '沈阳鑫达电线电缆有限公司',
      region: '沈阳市',
      licence: '工业产品生产许可证 XK06-001-00123',
      annualSales: '3200万元',
    });
    expect(v.producer).toMatchObject({ sameAsSampledUnit: true, name: '沈阳鑫达电线电缆有限公司' });
    expect(v.sample).toMatchObject({
      productionDate: '2026年9月15日',
      samplingDate: '2026年9月28日',
      samplingBase: '200卷',
      sampleQuantity: '2卷',
      unitPrice: '405.00元',
      imported: '否',
    });
    expect(v.seals).toMatchObject({ testSample: 'FT-20260928-01', state: '封样完好' });
    expect(v.samplers).toEqual([
      { name: '张三', credentialNumber: 'LN-2101-0001' },
      { name: '赵六', credentialNumber: 'LN-2101-0002' },
    ]);
    // No signature captured on screen: the signatory's name from the record, to sign beside.
    expect(v.signatures.party.signatures).toEqual([
      expect.objectContaining({ name: '王建国', sha256: '', refused: false }),
    ]);
  });

  it('现场检查笔录: time span, place, parties, officers, findings, a refusal to sign', () => {
    const v = view('onSiteRecord');
    expect(v.startedAt).toBe('2026年10月20日9时00分');
    expect(v.endedAt).toBe('11时30分');
    expect(v.parties[0]).toMatchObject({
      name: '沈阳鑫达电线电缆有限公司',
      legalRepresentative: '李明',
    });
    expect(v.officers).toHaveLength(2);
    expect(v.signatures.party.signatures).toEqual([
      expect.objectContaining({
        refused: true,
        refusalReason: '对检查结果有异议',
        witness: '刘强（沙岭街道工作人员）',
      }),
    ]);
    expect(v.signatures.officers.signatures).toEqual([]);
  });

  it('询问笔录: interviewee and every question and answer, signatures of that inquiry only', () => {
    const v = view('inquiryRecord', IDS.inquiry);
    expect(v.interviewee).toMatchObject({ name: '王建国', gender: '男', position: '生产部经理' });
    expect(v.qa).toHaveLength(6);
    expect(v.qa[2]?.a).toContain('120卷');
    expect(v.signatures.interviewee.signatures.map((s) => s.name)).toEqual(['王建国']);
    expect(v.signatures.officers.signatures.map((s) => s.name)).toEqual(['张三']);
  });

  it('立案审批表: source, facts, and the 承办人/审核/审批 opinions of the 立案 round', () => {
    const v = view('filingApproval');
    expect(v.header.documentNumber).toBe('沈市监立〔2026〕第77号');
    expect(v.source).toBe('监督抽查不合格');
    expect(v.discoveredAt).toBe('2026年10月9日');
    expect(v.product).toContain('批号：20260915');
    expect(v.approvals).toEqual({
      handler: {
        opinion: '当事人涉嫌生产不合格产品，建议立案调查。',
        signer: '张三',
        date: '2026年10月10日',
      },
      review: { opinion: '同意立案。', signer: '孙科长', date: '2026年10月11日' },
      approve: { opinion: '同意。', signer: '周局长', date: '2026年10月12日' },
    });
  });

  it('立案审批表 while the 立案 round is still pending shows what is signed so far', () => {
    const record = caseRecord();
    const fileRound = record.approvals[0];
    if (!fileRound) throw new Error('fixture');
    record.approvals = [];
    record.pending = {
      ...fileRound,
      outcome: 'pending',
      signatures: fileRound.signatures.slice(0, 1),
    };
    const v = view('filingApproval', '', caseSource(record));
    expect(v.approvals.handler.signer).toBe('张三');
    expect(v.approvals.review).toEqual({ opinion: '', signer: '', date: '' });
  });

  it('查封决定书: period, place, goods list with total, the measure as title', () => {
    const v = view('measureDecision', IDS.measure);
    expect(v.header.title).toBe('查封决定书');
    expect(v.header.documentNumber).toBe('沈市监强制〔2026〕第31号');
    expect(v).toMatchObject({
      measure: '查封',
      startDate: '2026年10月20日',
      endDate: '2026年11月18日',
    });
    expect(v.items).toEqual([
      expect.objectContaining({ no: '1', quantity: '120', unit: '卷', value: '48,600.00' }),
      expect.objectContaining({ no: '2', name: '产品合格证', value: '' }),
    ]);
    expect(v.totalValue).toBe('48,600.00');
  });

  it('行政处罚告知书: proposed penalty in capitals, the window from the rules in force, the date sent', () => {
    const v = view('penaltyNotice');
    expect(v.penalty).toEqual({
      fine: '72,900.00元',
      fineCapital: '柒万贰仟玖佰元整',
      illegalGains: '6,320.50元',
      illegalGainsCapital: '陆仟叁佰贰拾元伍角',
      goodsValue: '48,600.00元',
      confiscation: '不合格电线电缆120卷',
    });
    expect(v.statementPeriod).toBe('五个工作日');
    expect(v.hearingOffered).toBe(true);
    // Moved to 告知 at 07:30 Beijing time on 5 November (23:30 UTC the day before).
    expect(v.date).toBe('2026年11月5日');
  });

  it('行政处罚决定书: facts, evidence, the notice answered, the decided penalty and date', () => {
    const v = view('penaltyDecision');
    expect(v.header.documentNumber).toBe('沈市监罚〔2026〕第128号');
    expect(v.filedAt).toBe('2026年10月12日');
    expect(v.evidence).toEqual([
      '辽宁省产品质量监督检验院检验报告（No. LNZJ-2026-0915）',
      '对王建国的询问笔录',
    ]);
    expect(v.notice).toMatchObject({
      documentNumber: '沈市监罚告〔2026〕第96号',
      deliveredAt: '2026年11月5日',
      waived: false,
    });
    expect(v.content).toContain('罚款人民币72,900.00元');
    expect(v.date).toBe('2026年11月20日');
  });

  it('送达回证: the decision served, with its number, how and when, and the recipient', () => {
    const v = view('deliveryReceipt');
    expect(v.served).toEqual({
      title: '行政处罚决定书',
      documentNumber: '沈市监罚〔2026〕第128号',
    });
    expect(v).toMatchObject({
      recipient: '沈阳鑫达电线电缆有限公司',
      method: '直接送达',
      deliveredAt: '2026年11月25日',
    });
    expect(v.signatures.recipient.signatures).toEqual([
      expect.objectContaining({ name: '李明', date: '2026年11月25日' }),
    ]);
  });

  it('dates a signature stored as a UTC instant by its Beijing day', () => {
    const record = caseRecord((d) => {
      const s = d.signatures.find((x) => x.role === 'recipient');
      if (s) s.signedAt = '2026-11-24T17:30:00.000Z';
    });
    const v = view('deliveryReceipt', '', caseSource(record));
    expect(v.signatures.recipient.signatures[0]?.date).toBe('2026年11月25日');
  });

  it('结案审批表: dates, the decision number, execution, and the 结案 round', () => {
    const v = view('closingApproval');
    expect(v).toMatchObject({
      filedAt: '2026年10月12日',
      decidedAt: '2026年11月20日',
      decisionNumber: '沈市监罚〔2026〕第128号',
      executedAt: '2026年11月27日',
    });
    expect(v.approvals.approve).toEqual({
      opinion: '同意。',
      signer: '周局长',
      date: '2026年11月28日',
    });
  });

  it('fills an officer credential from the people register when the case left it empty', () => {
    const record = caseRecord((d) => {
      d.officers.push({ userId: 'u-qian', name: '钱七', credentialNumber: '' });
    });
    expect(view('onSiteRecord', '', caseSource(record)).officers[2]).toEqual({
      name: '钱七',
      credentialNumber: 'LN-2101-0099',
    });
  });
});

describe('an empty case', () => {
  const blank: CaseRecord = {
    ...initialWorkflow(),
    id: IDS.case,
    ownerUserId: 'u',
    ownerName: '张三',
    unitId: null,
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    data: CaseDataSchema.parse({
      inquiries: [{ id: IDS.inquiry, intervieweeName: '' }],
      measures: [{ id: IDS.measure, kind: 'seize' }],
    }),
  };
  const src: DocumentSource = {
    ownerType: 'case',
    input: { record: blank, agencyName: AGENCY, numberOf: () => '' },
  };

  it.each(documentEntries(src).map((e) => [e.kind, e.itemId] as const))(
    '%s leaves blanks, never stand-in words',
    (kind, itemId) => {
      const v = buildView(src, kind, itemId) as DocumentView;
      for (const s of strings(v)) expect(s).not.toMatch(PLACEHOLDERS);
    },
  );

  it('has every form, per-item ones included', () => {
    expect(documentEntries(src)).toHaveLength(8);
  });

  it('gives every form one blank party, so its lines are drawn', () => {
    expect(view('penaltyDecision', '', src).parties).toHaveLength(1);
    expect(view('penaltyNotice', '', src).statementPeriod).toBe('五个工作日');
  });
});

describe('content hash', () => {
  it('is the same for the same record and changes with anything the paper says', () => {
    const a = contentHash(view('penaltyDecision'));
    expect(contentHash(view('penaltyDecision'))).toBe(a);
    const changed = caseRecord((d) => {
      d.amounts.fine = '73900';
    });
    expect(contentHash(view('penaltyDecision', '', caseSource(changed)))).not.toBe(a);
  });

  it('ignores what the paper does not say (a later edit elsewhere in the case)', () => {
    const a = contentHash(view('deliveryReceipt'));
    const other = caseRecord((d) => {
      d.onSite.findings = '另一段检查情况';
    });
    expect(contentHash(view('deliveryReceipt', '', caseSource(other)))).toBe(a);
  });
});
