/**
 * Starter product catalog from the provincial plan's key products. It seeds the local
 * catalog table; admins edit the catalog afterwards, so code reads the table, not this list.
 */
export interface ProductSeed {
  code: string;
  zh: string;
  en: string;
  standard: string;
}

export interface CategorySeed {
  code: string;
  zh: string;
  en: string;
  products: readonly ProductSeed[];
}

export const CATEGORY_SEED: readonly CategorySeed[] = [
  {
    code: 'CHILD',
    zh: '儿童用品',
    en: "Children's products",
    products: [
      { code: 'CHILD-TOY', zh: '玩具', en: 'Toys', standard: 'GB 6675' },
      { code: 'CHILD-PRAM', zh: '童车', en: 'Prams and strollers', standard: 'GB 14748' },
    ],
  },
  {
    code: 'BUILD',
    zh: '建材',
    en: 'Building materials',
    products: [
      { code: 'BUILD-CEMENT', zh: '水泥', en: 'Cement', standard: 'GB 175' },
      {
        code: 'BUILD-REBAR',
        zh: '热轧带肋钢筋',
        en: 'Hot-rolled ribbed bars',
        standard: 'GB 1499.2',
      },
      { code: 'BUILD-CABLE', zh: '电线电缆', en: 'Wires and cables', standard: 'GB/T 5023' },
      { code: 'BUILD-TILE', zh: '陶瓷砖', en: 'Ceramic tiles', standard: 'GB/T 4100' },
    ],
  },
  {
    code: 'FUEL',
    zh: '汽柴油',
    en: 'Petrol and diesel',
    products: [
      { code: 'FUEL-PETROL', zh: '车用汽油', en: 'Motor petrol', standard: 'GB 17930' },
      { code: 'FUEL-DIESEL', zh: '车用柴油', en: 'Motor diesel', standard: 'GB 19147' },
    ],
  },
  {
    code: 'AGRI',
    zh: '农资',
    en: 'Agricultural inputs',
    products: [
      { code: 'AGRI-FERT', zh: '复混肥料', en: 'Compound fertilisers', standard: 'GB 15063' },
      { code: 'AGRI-FILM', zh: '农膜', en: 'Agricultural film', standard: '' },
    ],
  },
  {
    code: 'AUTO',
    zh: '汽车配件',
    en: 'Auto parts',
    products: [
      { code: 'AUTO-TYRE', zh: '轮胎', en: 'Tyres', standard: '' },
      { code: 'AUTO-BRAKEHOSE', zh: '制动软管', en: 'Brake hoses', standard: '' },
    ],
  },
  {
    code: 'FOODREL',
    zh: '食品相关产品',
    en: 'Food-related products',
    products: [
      {
        code: 'FOODREL-PLASTIC',
        zh: '食品用塑料包装容器工具',
        en: 'Plastic food containers and tools',
        standard: '',
      },
    ],
  },
  {
    code: 'PHONE',
    zh: '手机',
    en: 'Mobile phones',
    products: [{ code: 'PHONE-MOBILE', zh: '移动电话', en: 'Mobile phones', standard: '' }],
  },
  {
    code: 'FOOD',
    zh: '食品',
    en: 'Food',
    products: [
      { code: 'FOOD-INFANT', zh: '婴幼儿配方乳粉', en: 'Infant formula', standard: '' },
      { code: 'FOOD-MEAT', zh: '肉及肉制品', en: 'Meat and meat products', standard: '' },
    ],
  },
  {
    code: 'SPECEQ',
    zh: '特种设备',
    en: 'Special equipment',
    products: [
      { code: 'SPECEQ-LIFT', zh: '电梯', en: 'Elevators', standard: '' },
      { code: 'SPECEQ-ROPEWAY', zh: '客运索道', en: 'Passenger ropeways', standard: '' },
    ],
  },
  {
    code: 'ENERGY',
    zh: '节能',
    en: 'Energy efficiency',
    products: [
      { code: 'ENERGY-BOILER', zh: '燃煤锅炉', en: 'Coal-fired boilers', standard: '' },
      { code: 'ENERGY-LABEL', zh: '能效标识产品', en: 'Energy-labelled products', standard: '' },
    ],
  },
];
