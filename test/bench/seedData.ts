/** Deterministic, realistic-looking Chinese fixture data for the store benchmark. */
import { v7 as uuidv7 } from 'uuid';
import { creditCodeCheckChar } from '../../shared/domain/creditCode';
import { LIAONING_REGIONS } from '../../shared/domain/regions';
import type { Enterprise } from '../../shared/schemas/enterprise';
import { emptySpotCheckData, type SpotCheckRecord } from '../../shared/schemas/spotCheck';

/** Narrows away undefined/null, failing loudly (the lint forbids non-null assertions). */
export function def<T>(v: T | null | undefined): T {
  if (v === undefined || v === null) throw new Error('expected a value');
  return v;
}

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

const BRANDS = [
  '华龙',
  '辽河',
  '北方',
  '金鼎',
  '恒信',
  '鑫达',
  '东盛',
  '宏远',
  '瑞丰',
  '海天',
  '飞鹤',
  '伊佳',
  '万和',
  '兴旺',
  '长城',
  '盛京',
  '渤海',
  '天润',
  '新雅',
  '嘉禾',
];
const TRADES = [
  '乳业',
  '水泥',
  '钢铁',
  '建材',
  '电缆',
  '陶瓷',
  '石化',
  '化肥',
  '塑料',
  '玩具',
  '汽配',
  '通讯',
  '食品',
  '机械',
  '能源',
];
const FORMS = ['有限公司', '股份有限公司', '有限责任公司', '制品厂', '商贸有限公司'];
const STREETS = [
  '中山路',
  '人民路',
  '解放街',
  '建设大街',
  '工业园区',
  '经济开发区',
  '滨海路',
  '和平大街',
];

/** Products by category code; several contain the words the benchmark searches for. */
const PRODUCTS: Record<string, readonly string[]> = {
  CHILD: ['塑胶玩具', '毛绒玩具', '婴儿推车', '儿童自行车'],
  BUILD: [
    '普通硅酸盐水泥',
    '复合硅酸盐水泥',
    '热轧带肋钢筋',
    '钢筋混凝土用钢',
    '聚氯乙烯绝缘电缆',
    '陶瓷砖',
  ],
  FUEL: ['车用汽油(VI)', '车用柴油(VI)'],
  AGRI: ['复混肥料', '农用地膜', '有机肥料'],
  AUTO: ['汽车轮胎', '制动软管', '刹车片'],
  FOODREL: ['食品用塑料包装容器', '一次性塑料餐具'],
  PHONE: ['移动电话', '智能手机'],
  FOOD: ['婴幼儿配方奶粉', '较大婴儿配方奶粉', '全脂奶粉', '调制乳粉', '火腿肠', '酱卤肉制品'],
  SPECEQ: ['乘客电梯', '客运索道'],
  ENERGY: ['燃煤工业锅炉', '家用电冰箱', '房间空调器'],
};
const CATEGORY_CODES = Object.keys(PRODUCTS);
const STANDARDS: Record<string, string> = {
  CHILD: 'GB 6675.1-2014',
  BUILD: 'GB 175-2007',
  FUEL: 'GB 17930-2016',
  AGRI: 'GB 15063-2020',
  AUTO: 'GB 9743-2015',
  FOODREL: 'GB 4806.7-2016',
  PHONE: 'GB 4943.1-2011',
  FOOD: 'GB 10765-2010',
  SPECEQ: 'GB 7588-2003',
  ENERGY: 'GB 24500-2020',
};

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

export function creditCodeFor(n: number, regionCode: string): string {
  let org = '';
  for (let x = n, i = 0; i < 9; i++, x = Math.floor(x / 31))
    org = (ALPHABET[x % 31] as string) + org;
  const first17 = `91${regionCode}${org}`;
  return first17 + creditCodeCheckChar(first17);
}

export function makeEnterprise(r: () => number, n: number, at: string): Enterprise {
  const region = pick(r, LIAONING_REGIONS.slice(1));
  const city = region.zh.replace('市', '');
  return {
    id: uuidv7(),
    name: `${city}${pick(r, BRANDS)}${pick(r, TRADES)}${pick(r, FORMS)}${n}`,
    creditCode: creditCodeFor(n, region.code),
    address: `${region.zh}${pick(r, STREETS)}${1 + Math.floor(r() * 999)}号`,
    regionCode: region.code as Enterprise['regionCode'],
    legalRepresentative:
      pick(r, ['王', '李', '张', '刘', '陈', '杨']) + pick(r, ['伟', '芳', '强', '敏', '军', '丽']),
    contactPerson: '',
    contactPhone: `1390${String(1000000 + n).slice(-7)}`,
    licenceType: '工业产品生产许可证',
    licenceNumber: `XK${String(10000000 + n)}`,
    creditGrade: pick(r, ['', 'A', 'B', 'C'] as const),
    listStatus: r() < 0.02 ? 'black' : r() < 0.05 ? 'red' : 'none',
    revision: 1,
    createdAt: at,
    updatedAt: at,
  };
}

export function makeSpotCheck(
  r: () => number,
  n: number,
  unit: Enterprise,
  createdBy: string,
  at: string,
): SpotCheckRecord {
  const category = pick(r, CATEGORY_CODES);
  const d = emptySpotCheckData();
  const day = new Date(Date.UTC(2024, 0, 1) + Math.floor(r() * 900) * 86400000)
    .toISOString()
    .slice(0, 10);
  d.basic = {
    ...d.basic,
    recordNumber: `LNJD-${day.slice(0, 4)}-${String(n).padStart(6, '0')}`,
    taskSource: '辽宁省市场监督管理局',
    taskNumber: `LN${day.slice(0, 4)}-${category}-${n % 97}`,
    organizingDepartment: '辽宁省质量技术监督局',
    testingInstitution: '辽宁省产品质量监督检验院',
    samplingType: 'supervision',
    link: r() < 0.6 ? 'production' : 'circulation',
    categoryCode: category,
    samplingPlace: `${unit.address}成品库`,
  };
  d.sampledUnit = {
    ...d.sampledUnit,
    enterpriseId: unit.id,
    name: unit.name,
    creditCode: unit.creditCode,
    regionCode: unit.regionCode,
    address: unit.address,
    legalRepresentative: unit.legalRepresentative,
    contactPerson: unit.legalRepresentative,
    contactPhone: unit.contactPhone,
  };
  d.sample = {
    ...d.sample,
    name: pick(r, PRODUCTS[category] as readonly string[]),
    trademark: `${pick(r, BRANDS)}牌`,
    specification: `${1 + Math.floor(r() * 50)}kg/袋`,
    batchNumber: `${day.replace(/-/g, '')}${String(n % 1000).padStart(3, '0')}`,
    productionDate: day,
    samplingDate: day,
    samplingMethod: '随机抽样',
    samplingBase: String(100 + Math.floor(r() * 900)),
    sampleQuantity: '4',
    backupQuantity: '2',
    quantityUnit: '袋',
    executedStandard: STANDARDS[category] as string,
  };
  d.seals = { ...d.seals, testSampleSealNumber: `F${n}A`, backupSampleSealNumber: `F${n}B` };
  d.signatory = { ...d.signatory, name: unit.legalRepresentative };
  d.samplers = [
    { name: '张三', credentialNumber: 'LN-2101-0001' },
    { name: '李四', credentialNumber: 'LN-2101-0002' },
  ];
  const status = r() < 0.7 ? 'submitted' : 'draft';
  return {
    id: uuidv7(),
    status,
    version: 1,
    supersedesId: null,
    supersededById: null,
    revision: 1,
    data: d,
    createdBy,
    createdAt: at,
    updatedAt: at,
    submittedAt: status === 'submitted' ? at : null,
  };
}
