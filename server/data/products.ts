// The fixed part of the catalog: what each product is. Stock, prices and history are drawn from the seed (catalog.ts).

export type Category =
  | 'apparel'
  | 'shoes'
  | 'underwear'
  | 'electronics'
  | 'beauty'
  | 'food'
  | 'fresh'
  | 'home'
  | 'baby'
  | 'custom';

export type SizeKind = 'apparel' | 'shoes' | 'none';

export interface ProductSpec {
  sku: string;
  zh: string;
  en: string;
  /** Other names customers use (lower-case for Latin). */
  aliases: readonly string[];
  category: Category;
  sizeKind: SizeKind;
  colours: readonly string[];
  /** Regular price in yuan. */
  basePrice: number;
  params: Readonly<Record<string, string>>;
}

const p = (
  sku: string,
  zh: string,
  en: string,
  aliases: string[],
  category: Category,
  sizeKind: SizeKind,
  colours: string[],
  basePrice: number,
  params: Record<string, string>,
): ProductSpec => ({ sku, zh, en, aliases, category, sizeKind, colours, basePrice, params });

export const PRODUCT_SPECS: readonly ProductSpec[] = [
  p(
    'A01',
    '羽绒服',
    'down jacket',
    ['羽绒外套', 'puffer jacket', 'puffer'],
    'apparel',
    'apparel',
    ['black', 'white', 'navy'],
    699,
    { fill: '90% white duck down', weight: '680 g' },
  ),
  p('A02', '羊毛大衣', 'wool coat', ['大衣', 'coat'], 'apparel', 'apparel', ['camel', 'black', 'grey'], 899, {
    fabric: '70% wool',
    lining: 'polyester',
  }),
  p('A03', '卫衣', 'hoodie', ['连帽衫', 'sweatshirt'], 'apparel', 'apparel', ['grey', 'black', 'pink'], 199, {
    fabric: '100% cotton 380 g',
    fit: 'loose',
  }),
  p(
    'A04',
    '纯棉T恤',
    'cotton t-shirt',
    ['t恤', '短袖', 'tee', 'tshirt'],
    'apparel',
    'apparel',
    ['white', 'black', 'blue'],
    79,
    { fabric: '100% cotton', fit: 'regular' },
  ),
  p('A05', '牛仔裤', 'jeans', ['裤子', 'denim'], 'apparel', 'apparel', ['blue', 'black'], 259, {
    fabric: '98% cotton 2% elastane',
    fit: 'slim',
  }),
  p(
    'A06',
    '冲锋衣',
    'hardshell jacket',
    ['户外外套', 'rain jacket', 'shell jacket'],
    'apparel',
    'apparel',
    ['red', 'black', 'green'],
    599,
    { waterproof: '10000 mm', breathability: '8000 g/m²/24h' },
  ),
  p(
    'A07',
    '连衣裙',
    'dress',
    ['裙子', 'summer dress'],
    'apparel',
    'apparel',
    ['white', 'pink', 'black'],
    329,
    { fabric: 'chiffon', length: 'midi' },
  ),
  p(
    'A08',
    '针织毛衣',
    'knit sweater',
    ['毛衣', 'sweater', 'jumper'],
    'apparel',
    'apparel',
    ['beige', 'grey', 'red'],
    269,
    { fabric: '50% wool 50% acrylic' },
  ),
  p(
    'A09',
    '运动裤',
    'joggers',
    ['卫裤', 'sweatpants', 'track pants'],
    'apparel',
    'apparel',
    ['black', 'grey'],
    159,
    { fabric: 'cotton blend', fit: 'tapered' },
  ),
  p('A10', '衬衫', 'shirt', ['白衬衫', 'dress shirt'], 'apparel', 'apparel', ['white', 'blue'], 189, {
    fabric: '100% cotton poplin',
  }),
  p(
    'S01',
    '跑步鞋',
    'running shoes',
    ['跑鞋', 'runners'],
    'shoes',
    'shoes',
    ['black', 'white', 'blue'],
    599,
    { sole: 'EVA foam', drop: '8 mm' },
  ),
  p('S02', '小白鞋', 'white sneakers', ['板鞋', 'sneakers'], 'shoes', 'shoes', ['white'], 399, {
    upper: 'leather',
    sole: 'rubber',
  }),
  p('S03', '雪地靴', 'snow boots', ['靴子', 'boots'], 'shoes', 'shoes', ['brown', 'black'], 459, {
    lining: 'sheepskin wool',
    height: '20 cm',
  }),
  p(
    'S04',
    '篮球鞋',
    'basketball shoes',
    ['球鞋', 'basketball sneakers'],
    'shoes',
    'shoes',
    ['red', 'black'],
    799,
    { cushioning: 'air unit', weight: '410 g' },
  ),
  p('S05', '拖鞋', 'slippers', ['凉拖', 'slides'], 'shoes', 'shoes', ['grey', 'pink'], 59, {
    material: 'EVA',
  }),
  p('S06', '登山鞋', 'hiking boots', ['徒步鞋', 'hiking shoes'], 'shoes', 'shoes', ['brown', 'green'], 699, {
    waterproof: 'membrane',
    sole: 'Vibram rubber',
  }),
  p('U01', '文胸', 'bra', ['内衣', 'bralette'], 'underwear', 'apparel', ['black', 'beige', 'pink'], 129, {
    fabric: 'modal',
  }),
  p(
    'U02',
    '男士内裤',
    "men's briefs",
    ['内裤', 'briefs', 'boxers'],
    'underwear',
    'apparel',
    ['black', 'grey', 'navy'],
    99,
    { pack: '3 pairs', fabric: 'modal' },
  ),
  p(
    'U03',
    '保暖内衣',
    'thermal underwear',
    ['秋衣秋裤', 'thermals', 'long johns'],
    'underwear',
    'apparel',
    ['black', 'beige'],
    149,
    { fabric: 'brushed modal' },
  ),
  p('U04', '袜子', 'socks', ['棉袜', 'sock pack'], 'underwear', 'none', ['white', 'black'], 39, {
    pack: '5 pairs',
  }),
  p(
    'E01',
    '无线耳机',
    'wireless earbuds',
    ['蓝牙耳机', '耳机', 'earbuds', 'earphones', 'headphones'],
    'electronics',
    'none',
    ['white', 'black'],
    899,
    { battery: '6 h + 24 h case', anc: 'yes', warranty: '1 year' },
  ),
  p(
    'E02',
    '智能手表',
    'smart watch',
    ['手表', 'watch', 'smartwatch'],
    'electronics',
    'none',
    ['black', 'silver'],
    1299,
    { battery: '14 days', waterproof: '5 ATM', warranty: '1 year' },
  ),
  p(
    'E03',
    '手机',
    'smartphone',
    ['智能手机', 'phone', 'mobile phone'],
    'electronics',
    'none',
    ['black', 'white', 'blue'],
    3999,
    { storage: '256 GB', screen: '6.7 inch', warranty: '1 year' },
  ),
  p(
    'E04',
    '笔记本电脑',
    'laptop',
    ['电脑', '笔记本', 'notebook computer'],
    'electronics',
    'none',
    ['silver', 'grey'],
    5999,
    { cpu: '8 cores', memory: '16 GB', storage: '512 GB SSD', warranty: '2 years' },
  ),
  p('E05', '平板电脑', 'tablet', ['平板', 'pad', 'ipad'], 'electronics', 'none', ['silver', 'grey'], 2499, {
    screen: '11 inch',
    storage: '128 GB',
    warranty: '1 year',
  }),
  p(
    'E06',
    '充电宝',
    'power bank',
    ['移动电源', 'portable charger'],
    'electronics',
    'none',
    ['white', 'black'],
    149,
    { capacity: '20000 mAh', output: '65 W' },
  ),
  p(
    'E07',
    '机械键盘',
    'mechanical keyboard',
    ['键盘', 'keyboard'],
    'electronics',
    'none',
    ['black', 'white'],
    499,
    { switches: 'tactile', layout: '87 keys' },
  ),
  p(
    'E08',
    '扫地机器人',
    'robot vacuum',
    ['扫地机', 'robot vacuum cleaner'],
    'electronics',
    'none',
    ['white'],
    2799,
    { suction: '6000 Pa', battery: '180 min' },
  ),
  p(
    'E09',
    '电动牙刷',
    'electric toothbrush',
    ['牙刷', 'toothbrush'],
    'electronics',
    'none',
    ['white', 'pink'],
    299,
    { battery: '30 days', modes: '4' },
  ),
  p(
    'E10',
    '吹风机',
    'hair dryer',
    ['电吹风', 'hairdryer', 'blow dryer'],
    'electronics',
    'none',
    ['white', 'purple'],
    1599,
    { power: '1600 W', motor: '110000 rpm' },
  ),
  p('B01', '精华液', 'serum', ['精华', 'face serum', 'essence'], 'beauty', 'none', [], 680, {
    volume: '50 ml',
    skin: 'all skin types',
  }),
  p('B02', '面霜', 'face cream', ['乳霜', 'moisturiser', 'moisturizer'], 'beauty', 'none', [], 520, {
    volume: '50 ml',
    skin: 'dry skin',
  }),
  p('B03', '口红', 'lipstick', ['唇膏', 'lip stick'], 'beauty', 'none', ['red', 'pink', 'coral'], 320, {
    finish: 'matte',
    weight: '3.5 g',
  }),
  p('B04', '防晒霜', 'sunscreen', ['防晒', 'sunblock'], 'beauty', 'none', [], 198, {
    spf: 'SPF50+ PA++++',
    volume: '60 ml',
  }),
  p('B05', '洗面奶', 'facial cleanser', ['洁面', 'cleanser', 'face wash'], 'beauty', 'none', [], 128, {
    volume: '120 ml',
    alcohol: 'alcohol-free',
  }),
  p('B06', '面膜', 'sheet mask', ['面膜贴', 'face mask'], 'beauty', 'none', [], 99, { pack: '10 sheets' }),
  p('F01', '坚果礼盒', 'nut gift box', ['坚果', 'mixed nuts'], 'food', 'none', [], 168, {
    weight: '1.5 kg',
    shelfLife: '180 days',
  }),
  p('F02', '咖啡豆', 'coffee beans', ['咖啡', 'coffee'], 'food', 'none', [], 118, {
    weight: '500 g',
    roast: 'medium',
  }),
  p('F03', '牛奶', 'milk', ['纯牛奶', 'whole milk'], 'food', 'none', [], 69, {
    pack: '12 x 250 ml',
    shelfLife: '6 months',
  }),
  p('F04', '大闸蟹', 'hairy crabs', ['螃蟹', 'crabs'], 'fresh', 'none', [], 399, {
    pack: '8 crabs',
    weight: '3 liang each',
  }),
  p('F05', '车厘子', 'cherries', ['樱桃', 'cherry'], 'fresh', 'none', [], 199, {
    weight: '2 kg',
    grade: 'JJ',
  }),
  p('F06', '三文鱼', 'salmon', ['三文鱼刺身', 'salmon sashimi'], 'fresh', 'none', [], 239, {
    weight: '500 g',
    origin: 'Norway',
  }),
  p(
    'H01',
    '四件套',
    'bedding set',
    ['床上用品', 'duvet cover set', 'bed sheets'],
    'home',
    'none',
    ['white', 'grey', 'blue'],
    399,
    { fabric: '100% cotton 60s', bed: '1.8 m' },
  ),
  p('H02', '蚕丝被', 'silk duvet', ['被子', 'duvet', 'quilt'], 'home', 'none', ['white'], 1299, {
    fill: 'mulberry silk 2 kg',
  }),
  p('H03', '空气炸锅', 'air fryer', ['炸锅', 'airfryer'], 'home', 'none', ['black', 'white'], 399, {
    capacity: '5.5 L',
    power: '1500 W',
  }),
  p(
    'H04',
    '保温杯',
    'thermos cup',
    ['水杯', 'thermos', 'water bottle', 'tumbler'],
    'home',
    'none',
    ['black', 'pink', 'green'],
    129,
    { capacity: '500 ml', material: '316 steel' },
  ),
  p('H05', '乳胶枕', 'latex pillow', ['枕头', 'pillow'], 'home', 'none', ['white'], 199, {
    material: 'natural latex',
  }),
  p('H06', '电饭煲', 'rice cooker', ['电饭锅', 'ricecooker'], 'home', 'none', ['white'], 599, {
    capacity: '4 L',
    heating: 'IH',
  }),
  p('K01', '纸尿裤', 'diapers', ['尿不湿', 'nappies'], 'baby', 'none', [], 139, {
    pack: '60 pcs',
    size: 'L',
  }),
  p('K02', '婴儿奶粉', 'infant formula', ['奶粉', 'baby formula', 'formula milk'], 'baby', 'none', [], 328, {
    weight: '800 g',
    stage: '2',
  }),
  p(
    'K03',
    '儿童书包',
    "kids' backpack",
    ['书包', 'school bag', 'backpack'],
    'baby',
    'none',
    ['blue', 'pink'],
    259,
    { capacity: '20 L' },
  ),
  p(
    'C01',
    '定制刻字钢笔',
    'engraved fountain pen',
    ['钢笔', 'fountain pen', 'custom pen'],
    'custom',
    'none',
    ['black', 'blue'],
    359,
    { nib: 'F', engraving: 'up to 10 characters' },
  ),
  p('C02', '定制照片书', 'custom photo book', ['照片书', 'photo book'], 'custom', 'none', [], 199, {
    pages: '40',
    format: 'A4',
  }),
  p(
    'C03',
    '定制T恤',
    'custom printed t-shirt',
    ['印花t恤', 'custom tee'],
    'custom',
    'apparel',
    ['white', 'black'],
    129,
    { print: 'DTG', fabric: 'cotton' },
  ),
];

export const COLOUR_NAMES: Readonly<Record<string, { zh: string; en: string; aliases: readonly string[] }>> =
  {
    black: { zh: '黑色', en: 'black', aliases: ['黑', '黑的'] },
    white: { zh: '白色', en: 'white', aliases: ['白', '白的'] },
    navy: { zh: '藏青色', en: 'navy', aliases: ['藏青', '深蓝'] },
    camel: { zh: '驼色', en: 'camel', aliases: ['驼'] },
    grey: { zh: '灰色', en: 'grey', aliases: ['灰', 'gray'] },
    pink: { zh: '粉色', en: 'pink', aliases: ['粉', '粉红'] },
    blue: { zh: '蓝色', en: 'blue', aliases: ['蓝'] },
    red: { zh: '红色', en: 'red', aliases: ['红'] },
    green: { zh: '绿色', en: 'green', aliases: ['绿'] },
    beige: { zh: '米色', en: 'beige', aliases: ['米白', '杏色'] },
    brown: { zh: '棕色', en: 'brown', aliases: ['咖啡色', '棕'] },
    silver: { zh: '银色', en: 'silver', aliases: ['银'] },
    purple: { zh: '紫色', en: 'purple', aliases: ['紫'] },
    coral: { zh: '珊瑚色', en: 'coral', aliases: ['珊瑚'] },
  };

export const APPAREL_SIZES = ['S', 'M', 'L', 'XL', 'XXL'] as const;
export const SHOE_SIZES = [35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46] as const;
