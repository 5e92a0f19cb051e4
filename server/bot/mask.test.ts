import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskByEveryRule, maskPersonalData } from './mask.ts';

/** Pieces of personal data and the characters around and inside them, to make texts of from random picks. */
const PIECES = [
  ...'0123456789１３８０ -.()+@＠　#/:，EGXxaZ卡区市号室栋楼路街巷弄村镇苑幢房',
  '大道',
  '小区',
  '花园',
  '大厦',
  '公寓',
  '家园',
  '房间',
  '号院',
  '+1',
  '1234　5678',
  '23',
  '456',
  'St',
  'Street',
  'Box',
  'PO',
  'Apt',
  'card',
  '护照',
  'passport',
  '单元',
  '北京市朝阳区',
  'Baker ',
  '.com',
  '13812341234',
  '1381234',
  '110105199001011234',
  '110105900101123',
  '4111111111111111',
  '4111 1111',
  'E12345678',
  'E2026111100012345',
  '010-62345678',
  '+1 415 555 2671',
  '(415) 555-2671',
  'zhang@qq.com',
  '建国路88号',
  '3栋2单元501',
  '221 Baker Street',
  '0086 ',
  '400-820-8820',
];

describe('maskPersonalData', () => {
  it('masks as running every rule would: the scan skips only rules that cannot match', () => {
    const texts = fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }).map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(texts, (text) => maskPersonalData(text) === maskByEveryRule(text)),
      { numRuns: 4000, seed: 11 },
    );
    // Without digits, so that the rules gated on letters alone (a building "A栋") are reached too.
    const noDigits = PIECES.filter((p) => !/[0-9０-９]/.test(p));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...noDigits), { maxLength: 10 }), (pieces) => {
        const text = pieces.join('');
        return maskPersonalData(text) === maskByEveryRule(text);
      }),
      { numRuns: 2000, seed: 13 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => maskPersonalData(text) === maskByEveryRule(text)),
      { numRuns: 1000, seed: 12 },
    );
  });

  it('masks mobile numbers in their usual spellings', () => {
    expect(maskPersonalData('电话13812341234')).toBe('电话138****1234');
    expect(maskPersonalData('call +86 139-8765-4321 pls')).toBe('call 139****4321 pls');
    expect(maskPersonalData('手机 186 0000 5678')).toBe('手机 186****5678');
    expect(maskPersonalData('+8613812341234')).toBe('138****1234');
    expect(maskPersonalData('0086 13812341234')).toBe('138****1234');
    expect(maskPersonalData('(+86)13812341234')).toBe('138****1234');
    expect(maskPersonalData('138.1234.1234')).toBe('138****1234');
    expect(maskPersonalData('手机号：138 1234 1234。')).toBe('手机号：138****1234。');
    expect(maskPersonalData('tel13812341234')).toBe('tel138****1234');
    expect(maskPersonalData('13812341234，13912345678')).toBe('138****1234，139****5678');
  });

  it('masks numbers typed with full-width digits, and leaves the rest of the text as written', () => {
    expect(maskPersonalData('手机１３８１２３４１２３４，谢谢（急）')).toBe('手机138****1234，谢谢（急）');
    expect(maskPersonalData('１３８　１２３４　１２３４')).toBe('138****1234');
    expect(maskPersonalData('138　1234　1234')).toBe('138****1234');
    expect(maskPersonalData('身份证１１０１０５１９９００１０１１２３Ｘ')).toBe('身份证110105********123X');
    expect(maskPersonalData('邮箱：ｚｈａｎｇ＠ｑｑ．ｃｏｍ')).toBe('邮箱：z***@qq.com');
  });

  it('masks landlines, with 3-digit area codes for Beijing and 02x and 4-digit ones elsewhere', () => {
    expect(maskPersonalData('座机010-62345678')).toBe('座机010-****5678');
    expect(maskPersonalData('(010)62345678')).toBe('010-****5678');
    expect(maskPersonalData('010 6234 5678')).toBe('010-****5678');
    expect(maskPersonalData('02162345678')).toBe('021-****5678');
    expect(maskPersonalData('0755-86013388转8001')).toBe('0755-****3388转8001');
    expect(maskPersonalData('021-6234567')).toBe('021-****4567');
  });

  it('masks foreign phone numbers but keeps 400/800 service hotlines', () => {
    expect(maskPersonalData('call me on +1 415 555 2671')).toBe('call me on ****2671');
    expect(maskPersonalData('(415) 555-2671')).toBe('****2671');
    expect(maskPersonalData('415-555-2671 after 6pm')).toBe('****2671 after 6pm');
    expect(maskPersonalData('UK: +44 20 7946 0958')).toBe('UK: ****0958');
    expect(maskPersonalData('客服热线400-820-8820')).toBe('客服热线400-820-8820');
  });

  it('masks 18-digit ID numbers, with the X check digit and in groups too', () => {
    expect(maskPersonalData('身份证110105199001011234')).toBe('身份证110105********1234');
    expect(maskPersonalData('ID 32010219851231003X ok')).toBe('ID 320102********003X ok');
    expect(maskPersonalData('身份证号11010519900101123x')).toBe('身份证号110105********123x');
    expect(maskPersonalData('110105 19900101 1234')).toBe('110105********1234');
    expect(maskPersonalData('ID: 440305-20010230-5678')).toBe('ID: 440305********5678');
  });

  it('masks 15-digit ID numbers issued before 1999', () => {
    expect(maskPersonalData('老身份证110105900101123')).toBe('老身份证110105******123');
  });

  it('masks passport and travel-permit numbers', () => {
    expect(maskPersonalData('护照E12345678')).toBe('护照E****78');
    expect(maskPersonalData('护照号码：EA1234567')).toBe('护照号码：EA****67');
    expect(maskPersonalData('港澳通行证C12345678')).toBe('港澳通行证C****78');
    expect(maskPersonalData('passport number: EA1234567')).toBe('passport number: EA****67');
    expect(maskPersonalData('my passport is G12345678')).toBe('my passport is G****78');
    expect(maskPersonalData('E12345678')).toBe('E****78');
  });

  it('masks bank card numbers that pass the Luhn check or follow the word card', () => {
    expect(maskPersonalData('4111111111111111')).toBe('4111****1111');
    expect(maskPersonalData('4111 1111 1111 1111')).toBe('4111****1111');
    expect(maskPersonalData('5500-0000-0000-0004')).toBe('5500****0004');
    expect(maskPersonalData('amex 378282246310005')).toBe('amex 3782****0005');
    expect(maskPersonalData('6212 2620 0000 0000 008')).toBe('6212****0008');
    expect(maskPersonalData('卡号6222021234567890123')).toBe('卡号6222****0123');
    expect(maskPersonalData('银行卡：6225 8801 3765 6785')).toBe('银行卡：6225****6785');
    expect(maskPersonalData('card no. 4111111111111112')).toBe('card no. 4111****1112');
  });

  it('leaves order ids, amounts, dates, tracking numbers and sizes alone', () => {
    for (const text of [
      '订单E2026111100012345 退299元',
      '订单2026111100012345',
      '订单号：２０２６１１１１０００１２３４５',
      'E2026111100012345 E2026111100012346',
      '2026 1111 0001 2345',
      '淘宝订单 3612345678901234567',
      '满300减50，定金100元抵300，299-399元',
      '金额¥1,299.00',
      '2026-11-11 20:00-23:59',
      '3-5个工作日，11.11-11.13',
      '运单号SF123456789012，快递单号 773012345678901',
      '尺码175/92A 身高170cm体重60kg 42码 3楼 第3单元',
      'G1234次高铁 iPhone 16 Pro Max 256GB',
      'it takes 3 to 5 business days either way',
      'I waited 3 days on the road',
      'order 2 items the same way',
    ]) {
      expect(maskPersonalData(text)).toBe(text);
    }
  });

  it('masks emails', () => {
    expect(maskPersonalData('发票发到 zhang.san@example.com 谢谢')).toBe('发票发到 z***@example.com 谢谢');
    expect(maskPersonalData('mail me at Bob_99@mail.co.uk')).toBe('mail me at B***@mail.co.uk');
    expect(maskPersonalData('邮箱13812341234@163.com')).toBe('邮箱1***@163.com');
    expect(maskPersonalData('_bob.99@example.org')).toBe('_***@example.org');
  });

  it('keeps the district of a Chinese address and hides the street and house', () => {
    expect(maskPersonalData('地址改成北京市朝阳区建国路88号SOHO现代城5号楼1203室')).toBe(
      '地址改成北京市朝阳区****',
    );
    expect(maskPersonalData('送到浙江省杭州市余杭区文一西路969号')).toBe('送到浙江省杭州市余杭区****');
    expect(maskPersonalData('上海市浦东新区张江镇科苑路88号')).toBe('上海市浦东新区****');
    expect(maskPersonalData('杭州市西湖区文三路90号东部软件园3栋2单元501室')).toBe('杭州市西湖区****');
    expect(maskPersonalData('成都市武侯区人民南路四段11号附1号')).toBe('成都市武侯区****');
    expect(maskPersonalData('新地址是北京市朝阳区xx路8号')).toBe('新地址是北京市朝阳区****');
    expect(maskPersonalData('收货地址：广州市天河区天河路385号太古汇一座')).toBe(
      '收货地址：广州市天河区****太古汇一座',
    );
  });

  it('hides compounds, buildings and rooms, and keeps the words around them', () => {
    expect(maskPersonalData('住在幸福小区3栋2单元501')).toBe('住在****');
    expect(maskPersonalData('阳光花园8幢301，放门口')).toBe('****，放门口');
    expect(maskPersonalData('朝阳区望京SOHO T1 2001室')).toBe('朝阳区望京SOHO T1 ****');
    expect(maskPersonalData('送到5号楼2单元')).toBe('送到****');
  });

  it('changes nothing in text it already masked (transcripts mask replies the bot masked)', () => {
    for (const [text, once] of [
      [
        '地址改成北京市朝阳区建国路88号5号楼1203室，电话+86 138-1234-1234，身份证110105199001011234',
        '地址改成北京市朝阳区****，电话138****1234，身份证110105********1234',
      ],
      [
        'ship to Apt 5, 12 Main St; card 4111 1111 1111 1111; mail Bob_99@mail.co.uk; +1 415 555 2671',
        'ship to ****; card 4111****1111; mail B***@mail.co.uk; ****2671',
      ],
    ] as const) {
      expect(maskPersonalData(text)).toBe(once);
      expect(maskPersonalData(once)).toBe(once);
    }
  });

  it('masks English street addresses with their apartment, and PO boxes', () => {
    expect(maskPersonalData('ship to 221 Baker Street, Apt 4B, London')).toBe('ship to ****, London');
    expect(maskPersonalData('deliver to 1600 Pennsylvania Ave instead')).toBe('deliver to **** instead');
    expect(maskPersonalData('221B Baker Street')).toBe('****');
    expect(maskPersonalData('Apt 5, 12 Main St')).toBe('****');
    expect(maskPersonalData('12 main st, apt 5')).toBe('****');
    expect(maskPersonalData('Flat 3, 10 Downing Street, London SW1A 2AA')).toBe('****, London SW1A 2AA');
    expect(maskPersonalData('1 Infinite Loop, Cupertino')).toBe('****, Cupertino');
    expect(maskPersonalData('742 Evergreen Terrace')).toBe('****');
    expect(maskPersonalData('send it to PO Box 1234')).toBe('send it to ****');
  });
});
