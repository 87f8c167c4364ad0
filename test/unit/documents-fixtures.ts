/**
 * A realistic case and spot check for the printed-form tests: a cable maker in Shenyang whose
 * wires failed a spot check, investigated, sealed, penalised and closed, with approvals at
 * each level and signatures (one refused).
 */
import { deflateSync } from 'node:zlib';
import { CaseDataSchema, type CaseData } from '../../shared/schemas/case';
import { creditCodeCheckChar } from '../../shared/domain/creditCode';
import { initialWorkflow, type CaseRecord } from '../../shared/domain/case/record';
import { emptySpotCheckData, type SpotCheckRecord } from '../../shared/schemas/spotCheck';
import type { Signature } from '../../shared/schemas/signature';

export const IDS = {
  case: '0190f2a4-1b2c-7d3e-8f40-123456789abc',
  spotCheck: '0190f2a4-1b2c-7d3e-8f40-0000000000a1',
  inquiry: '0190f2a4-1b2c-7d3e-8f40-0000000000b1',
  inquiry2: '0190f2a4-1b2c-7d3e-8f40-0000000000b2',
  measure: '0190f2a4-1b2c-7d3e-8f40-0000000000c1',
  evidence: '0190f2a4-1b2c-7d3e-8f40-0000000000d1',
  evidence2: '0190f2a4-1b2c-7d3e-8f40-0000000000d2',
};

export const AGENCY = '沈阳市市场监督管理局';

export function creditCode(seventeen: string): string {
  const check = creditCodeCheckChar(seventeen);
  if (!check) throw new Error(`bad code body ${seventeen}`);
  return seventeen + check;
}

const PARTY_CODE = creditCode('91210100MA0P4X2K1');

let sigSeq = 0;
function sig(over: Partial<Signature> & Pick<Signature, 'documentKind' | 'role'>): Signature {
  sigSeq += 1;
  return {
    id: `0190f2a4-1b2c-7d3e-8f40-${String(sigSeq).padStart(12, 'e')}`,
    itemId: '',
    name: '',
    attachmentSha256: '',
    signedAt: '2026-11-20T10:00',
    refused: false,
    refusalReason: '',
    witness: '',
    ...over,
  };
}

/** A 1-bit-looking grey PNG with a scribble: a stand-in for a signature drawn on screen. */
export function signaturePng(width = 240, height = 80): Buffer {
  const raw = Buffer.alloc((width + 1) * height, 255);
  for (let y = 0; y < height; y++) raw[y * (width + 1)] = 0;
  for (let x = 10; x < width - 10; x++) {
    const y = Math.round(height / 2 + Math.sin(x / 12) * (height / 4));
    for (let t = -1; t <= 1; t++) raw[(y + t) * (width + 1) + 1 + x] = 0;
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

/** Questions and answers of an inquiry; `n` pairs (the long-record test asks for many). */
export function qaPairs(n: number): { q: string; a: string }[] {
  const base = [
    {
      q: '请你介绍一下你的身份以及与本公司的关系。',
      a: '我叫王建国，是沈阳鑫达电线电缆有限公司的生产部经理，负责电线电缆的生产管理。',
    },
    {
      q: '你公司生产的BV 2.5平方毫米电线电缆是否由你负责组织生产？',
      a: '是的，这批产品是我安排车间在2026年9月生产的，批号20260915。',
    },
    {
      q: '这批产品一共生产了多少？销售了多少？',
      a: '一共生产了200卷，已经销售了80卷，库存还有120卷，销售单价每卷405元。',
    },
    {
      q: '省局监督抽查检验报告显示导体电阻不合格，你对检验结果有无异议？',
      a: '没有异议。原因是这批铜材供应商换了，进货检验没有做到位。',
    },
    {
      q: '你公司是否对不合格原因进行了整改？',
      a: '已经停止生产这个规格，库存的120卷全部封存，并更换了铜材供应商。',
    },
    { q: '你还有什么需要补充的吗？', a: '没有了，我们愿意配合调查，积极整改。' },
  ];
  return Array.from({ length: n }, (_, i) => {
    const b = base[i % base.length] as { q: string; a: string };
    return i < base.length ? b : { q: `（续问${i + 1}）${b.q}`, a: `${b.a}（第${i + 1}问的回答）` };
  });
}

export function caseData(over: (d: CaseData) => void = () => {}): CaseData {
  const d = CaseDataSchema.parse({
    source: 'failedSpotCheck',
    sourceRef: '辽宁省2026年电线电缆产品质量监督抽查',
    cause: '沈阳鑫达电线电缆有限公司生产不合格电线电缆案',
    discoveredAt: '2026-10-09',
    parties: [
      {
        kind: 'enterprise',
        name: '沈阳鑫达电线电缆有限公司',
        creditCode: PARTY_CODE,
        legalRepresentative: '李明',
        address: '沈阳市于洪区沙岭街道工业园区88号',
        phone: '024-86123456',
      },
    ],
    facts:
      '2026年9月，当事人生产BV 2.5平方毫米聚氯乙烯绝缘电线电缆（批号20260915）200卷，' +
      '经辽宁省产品质量监督检验院检验，导体电阻项目不符合GB/T 5023.3-2008标准要求，检验结论为不合格。\n' +
      '当事人已销售上述产品80卷，销售单价405元，违法所得6320.50元；库存120卷，货值金额48600元。',
    legalBasis: '《中华人民共和国产品质量法》第十三条第一款、第二十六条第二款第（一）项',
    penaltyBasis: '《中华人民共和国产品质量法》第四十九条',
    product: {
      name: '聚氯乙烯绝缘电线电缆',
      brand: '鑫达',
      model: 'BV 2.5mm²',
      batchNumber: '20260915',
      quantity: '200',
      unit: '卷',
    },
    amounts: {
      goodsValue: '48600',
      illegalGains: '6320.50',
      fine: '72900',
      confiscation: '不合格电线电缆120卷',
    },
    officers: [
      { userId: 'u-zhang', name: '张三', credentialNumber: 'LN-2101-0001' },
      { userId: 'u-zhao', name: '赵六', credentialNumber: 'LN-2101-0002' },
    ],
    evidence: [
      {
        id: IDS.evidence,
        kind: 'document',
        title: '辽宁省产品质量监督检验院检验报告（No. LNZJ-2026-0915）',
      },
      { id: IDS.evidence2, kind: 'inquiry', title: '对王建国的询问笔录' },
    ],
    measures: [
      {
        id: IDS.measure,
        kind: 'seal',
        place: '当事人成品仓库（沈阳市于洪区沙岭街道工业园区88号）',
        startDate: '2026-10-20',
        endDate: '2026-11-18',
        items: [
          {
            name: 'BV 2.5mm²聚氯乙烯绝缘电线电缆',
            spec: '100m/卷',
            quantity: '120',
            unit: '卷',
            value: '48600',
            note: '批号20260915',
          },
          { name: '产品合格证', spec: '', quantity: '120', unit: '张', value: '', note: '' },
        ],
      },
    ],
    inquiries: [
      {
        id: IDS.inquiry,
        intervieweeName: '王建国',
        intervieweeGender: 'male',
        intervieweeIdNumber: '210103198001011234',
        intervieweeEmployer: '沈阳鑫达电线电缆有限公司',
        intervieweePosition: '生产部经理',
        intervieweePhone: '13840001234',
        intervieweeAddress: '沈阳市皇姑区黄河南大街1号',
        place: '沈阳市市场监督管理局第三询问室',
        startedAt: '2026-10-21T09:30',
        endedAt: '2026-10-21T10:45',
        recorder: '赵六',
        qa: qaPairs(6),
      },
    ],
    onSite: {
      startedAt: '2026-10-20T09:00',
      endedAt: '2026-10-20T11:30',
      place: '沈阳鑫达电线电缆有限公司生产车间及成品仓库',
      present: '李明（法定代表人）、王建国（生产部经理）',
      findings:
        '执法人员出示执法证件后，在当事人法定代表人李明陪同下对生产车间及成品仓库进行了检查。\n' +
        '成品仓库内存放BV 2.5mm²聚氯乙烯绝缘电线电缆120卷，每卷100米，外包装标注批号20260915、商标“鑫达”，' +
        '与监督抽查不合格样品批号一致。\n现场提取了该批产品的生产记录、出库单复印件。',
    },
    notice: {
      deliveredAt: '2026-11-05',
      hearingOffered: true,
      waived: false,
      statement: '',
      statementReceivedAt: '',
    },
    decision: {
      content:
        '1. 没收不合格电线电缆120卷；\n2. 没收违法所得人民币6,320.50元；\n3. 罚款人民币72,900.00元（大写：柒万贰仟玖佰元整）。',
      deliveredAt: '2026-11-25',
      deliveryMethod: '直接送达',
    },
    execution: {
      executedAt: '2026-11-27',
      note: '当事人已于2026年11月27日缴清罚没款，没收物品已入库。',
    },
    signatures: [
      sig({
        documentKind: 'inquiryRecord',
        itemId: IDS.inquiry,
        role: 'interviewee',
        name: '王建国',
      }),
      sig({ documentKind: 'inquiryRecord', itemId: IDS.inquiry, role: 'officer', name: '张三' }),
      sig({
        documentKind: 'onSiteRecord',
        role: 'party',
        refused: true,
        refusalReason: '对检查结果有异议',
        witness: '刘强（沙岭街道工作人员）',
      }),
      sig({
        documentKind: 'deliveryReceipt',
        role: 'recipient',
        name: '李明',
        signedAt: '2026-11-25T14:00',
      }),
    ],
  });
  over(d);
  return d;
}

const SIGN = (
  level: 'handler' | 'review' | 'approve',
  decision: 'request' | 'approve',
  name: string,
  date: string,
  opinion: string,
) => ({
  level,
  decision,
  opinion,
  signerId: `u-${name}`,
  signerName: name,
  date,
  at: `${date}T02:00:00.000Z`,
});

export function caseRecord(over: (d: CaseData) => void = () => {}): CaseRecord {
  const wf = initialWorkflow();
  return {
    ...wf,
    id: IDS.case,
    ownerUserId: 'u-zhang',
    ownerName: '张三',
    unitId: 'unit-shenyang',
    createdAt: '2026-10-09T01:00:00.000Z',
    updatedAt: '2026-11-27T08:00:00.000Z',
    stage: 'closed',
    rev: 14,
    approvals: [
      {
        step: 'file',
        rev: 2,
        outcome: 'approved',
        signatures: [
          SIGN(
            'handler',
            'request',
            '张三',
            '2026-10-10',
            '当事人涉嫌生产不合格产品，建议立案调查。',
          ),
          SIGN('review', 'approve', '孙科长', '2026-10-11', '同意立案。'),
          SIGN('approve', 'approve', '周局长', '2026-10-12', '同意。'),
        ],
      },
      {
        step: 'close',
        rev: 14,
        outcome: 'approved',
        signatures: [
          SIGN('handler', 'request', '张三', '2026-11-27', '处罚决定已执行完毕，建议结案。'),
          SIGN('review', 'approve', '孙科长', '2026-11-28', '同意结案。'),
          SIGN('approve', 'approve', '周局长', '2026-11-28', '同意。'),
        ],
      },
    ],
    stageHistory: [
      {
        transition: 'notify',
        from: 'reviewing',
        to: 'notified',
        at: '2026-11-04T23:30:00.000Z',
        byId: 'u-zhang',
        byName: '张三',
      },
    ],
    filedAt: '2026-10-12',
    decidedAt: '2026-11-20',
    closedAt: '2026-11-28',
    data: caseData(over),
  };
}

export function spotCheckRecord(): SpotCheckRecord {
  const d = emptySpotCheckData();
  d.basic = {
    ...d.basic,
    recordNumber: 'LNJD-2026-000915',
    taskSource: '辽宁省市场监督管理局',
    taskNumber: 'LN2026-DXDL-03',
    organizingDepartment: '辽宁省市场监督管理局质量监督处',
    testingInstitution: '辽宁省产品质量监督检验院',
    samplingType: 'supervision',
    link: 'production',
    categoryCode: 'BUILD',
    samplingPlace: '成品仓库',
    purpose: '2026年电线电缆产品质量省级监督抽查',
  };
  d.sampledUnit = {
    ...d.sampledUnit,
    name: '沈阳鑫达电线电缆有限公司',
    creditCode: PARTY_CODE,
    regionCode: '210100',
    address: '沈阳市于洪区沙岭街道工业园区88号',
    licenceType: '工业产品生产许可证',
    licenceNumber: 'XK06-001-00123',
    annualSales: '3200',
    legalRepresentative: '李明',
    contactPerson: '王建国',
    contactPhone: '13840001234',
  };
  d.sample = {
    ...d.sample,
    name: '聚氯乙烯绝缘电线电缆',
    trademark: '鑫达',
    specification: 'BV 2.5mm²',
    batchNumber: '20260915',
    productionDate: '2026-09-15',
    sampleType: '工业产品',
    packaging: '卷装',
    unitPrice: '405',
    samplingDate: '2026-09-28',
    samplingMethod: '随机抽样',
    samplingTools: '卷尺、封条',
    storageConditions: '常温干燥',
    samplingBase: '200',
    sampleQuantity: '2',
    backupQuantity: '1',
    quantityUnit: '卷',
    executedStandard: 'GB/T 5023.3-2008',
  };
  d.seals = {
    ...d.seals,
    testSampleSealNumber: 'FT-20260928-01',
    backupSampleSealNumber: 'FT-20260928-02',
  };
  d.signatory = { ...d.signatory, name: '王建国', position: '生产部经理', phone: '13840001234' };
  d.samplers = [
    { name: '张三', credentialNumber: 'LN-2101-0001' },
    { name: '赵六', credentialNumber: 'LN-2101-0002' },
  ];
  return {
    id: IDS.spotCheck,
    status: 'submitted',
    version: 1,
    supersedesId: null,
    supersededById: null,
    revision: 5,
    data: d,
    createdBy: 'u-zhang',
    createdAt: '2026-09-28T01:00:00.000Z',
    updatedAt: '2026-09-28T03:00:00.000Z',
    submittedAt: '2026-09-28T03:00:00.000Z',
  };
}
