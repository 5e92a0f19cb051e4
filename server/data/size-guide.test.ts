import { describe, expect, it } from 'vitest';
import { suggestApparelSize, suggestShoeSize } from './size-guide.ts';

describe('size guide', () => {
  it('takes the larger of the height and weight sizes', () => {
    expect(suggestApparelSize(158, 50)).toBe('S');
    expect(suggestApparelSize(165, 50)).toBe('M');
    expect(suggestApparelSize(165, 80)).toBe('XL');
    expect(suggestApparelSize(175, 70)).toBe('L');
    expect(suggestApparelSize(190, 60)).toBe('XXL');
    expect(suggestApparelSize(170, 65)).toBe('M');
  });

  it('maps foot length to shoe size and clamps to 35–46', () => {
    expect(suggestShoeSize(25)).toBe(40);
    expect(suggestShoeSize(25.3)).toBe(41);
    expect(suggestShoeSize(20)).toBe(35);
    expect(suggestShoeSize(30)).toBe(46);
  });
});
