import { describe, expect, it } from 'vitest';
import { maskPersonalData } from './mask.ts';

describe('maskPersonalData', () => {
  it('masks mobile numbers in their usual spellings', () => {
    expect(maskPersonalData('电话13812341234')).toBe('电话138****1234');
    expect(maskPersonalData('call +86 139-8765-4321 pls')).toBe('call 139****4321 pls');
    expect(maskPersonalData('手机 186 0000 5678')).toBe('手机 186****5678');
  });

  it('masks 18-digit ID numbers, with the X check digit too', () => {
    expect(maskPersonalData('身份证110105199001011234')).toBe('身份证110105********1234');
    expect(maskPersonalData('ID 32010219851231003X ok')).toBe('ID 320102********003X ok');
  });

  it('leaves order ids and amounts alone', () => {
    expect(maskPersonalData('订单E2026111100012345 退299元')).toBe('订单E2026111100012345 退299元');
  });

  it('masks emails', () => {
    expect(maskPersonalData('发票发到 zhang.san@example.com 谢谢')).toBe('发票发到 z***@example.com 谢谢');
    expect(maskPersonalData('mail me at Bob_99@mail.co.uk')).toBe('mail me at B***@mail.co.uk');
  });

  it('keeps the district of a Chinese address and hides the street and house', () => {
    expect(maskPersonalData('地址改成北京市朝阳区建国路88号SOHO现代城5号楼1203室')).toBe(
      '地址改成北京市朝阳区****',
    );
    expect(maskPersonalData('送到浙江省杭州市余杭区文一西路969号')).toBe('送到浙江省杭州市余杭区****');
  });

  it('masks English street addresses', () => {
    expect(maskPersonalData('ship to 221 Baker Street, Apt 4B, London')).toBe('ship to ****, London');
    expect(maskPersonalData('deliver to 1600 Pennsylvania Ave instead')).toBe('deliver to **** instead');
  });

  it('masks landlines', () => {
    expect(maskPersonalData('座机010-62345678')).toBe('座机010-****5678');
  });
});
