import { describe, expect, it } from 'vitest';
import { normalize } from './normalize.ts';

describe('normalize', () => {
  it('folds full width and case, and common traditional characters', () => {
    expect(normalize('ＸＬ碼還有貨嗎')).toBe('xl码还有货吗');
    expect(normalize('Where IS my Parcel')).toBe('where is my parcel');
    expect(normalize('訂單狀態顯示異常，請幫我確認一下')).toBe('订单状态显示异常,请帮我确认一下');
    expect(normalize('襯衫尺碼偏小嗎？想換大一碼')).toBe('衬衫尺码偏小吗?想换大一码');
  });

  it('reads 么 as the question particle 吗 except in 什么/怎么/这么…, and chat 肿么 as 怎么', () => {
    expect(normalize('亲在么，有货么')).toBe('亲在吗,有货吗');
    expect(normalize('什么怎么这么那么多么要么')).toBe('什么怎么这么那么多么要么');
    expect(normalize('肿么办')).toBe('怎么办');
    expect(normalize('么')).toBe('么');
  });

  it('cuts a letter repeated three or more times after another letter to one, as chat elongates words', () => {
    expect(normalize('Hiii, pleaseee')).toBe('hi, please');
    expect(normalize('sooo good')).toBe('so good');
    expect(normalize('zzzz aaa hmmm')).toBe('zzzz aaa hm');
  });

  it('drops emoji', () => {
    expect(normalize('谢谢😊👍🏻')).toBe('谢谢');
    expect(normalize('ok❤️')).toBe('ok');
  });

  it('drops apostrophes so contractions match their lazy spelling', () => {
    expect(normalize("Where's my parcel, it didn’t come")).toBe('wheres my parcel, it didnt come');
  });

  it('turns order ids and long digit runs into one token, short numbers into another', () => {
    expect(normalize('订单E2026111100012345到哪了')).toBe('订单<LONG>到哪了');
    expect(normalize('order e2026111100012345')).toBe('order <LONG>');
    expect(normalize('满300减50')).toBe('满<NUM>减<NUM>');
    expect(normalize('phone 13812345678')).toBe('phone <LONG>');
  });

  it('keeps a word ending in e before digits', () => {
    expect(normalize('size 42')).toBe('size <NUM>');
    expect(normalize('one2026111100012345')).toBe('one<LONG>');
  });
});
