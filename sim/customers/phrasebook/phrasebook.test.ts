import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INTENTS, type Locale } from '../../../server/bot/types.ts';
import { fillTemplate, SLOT_NAMES, type SlotValues, templateSlots } from '../slots.ts';
import { FOLLOW_UPS, type FollowUps } from './follow-ups.ts';
import type { Phrases } from './intent-phrases.ts';
import { PHRASEBOOK } from './phrasebook.ts';

const LOCALES: readonly Locale[] = ['zh-CN', 'en-US'];
const CJK = /[\u4e00-\u9fff]/;
/** zh lines written in pinyin initials or slots only, as Chinese shoppers do. */
const ZH_WITHOUT_HANZI = new Set(['zrg', '{order}', '{product}', '{size}', '{colour}']);

const sample: SlotValues = {
  order: 'E2026111100012345',
  product: '扫地机器人',
  size: 'M码',
  amount: '300块',
  colour: '米色',
};

function allLists(): [string, Locale, readonly string[]][] {
  const lists: [string, Locale, readonly string[]][] = [];
  for (const intent of INTENTS) {
    for (const locale of LOCALES) {
      lists.push([`${intent} opening`, locale, PHRASEBOOK[intent].opening[locale]]);
      lists.push([`${intent} followUp`, locale, PHRASEBOOK[intent].followUp[locale]]);
    }
  }
  for (const [name, phrases] of Object.entries(FOLLOW_UPS) as [string, Phrases][]) {
    for (const locale of LOCALES) lists.push([name, locale, phrases[locale]]);
  }
  return lists;
}

describe('PHRASEBOOK', () => {
  it('covers exactly the bot taxonomy', () => {
    expect(Object.keys(PHRASEBOOK).sort()).toEqual([...INTENTS].sort());
  });

  it.each(INTENTS)('%s has 20+ openings and 6+ follow-ups in each language', (intent) => {
    for (const locale of LOCALES) {
      expect(PHRASEBOOK[intent].opening[locale].length).toBeGreaterThanOrEqual(20);
      expect(PHRASEBOOK[intent].followUp[locale].length).toBeGreaterThanOrEqual(6);
    }
  });

  it('has no repeated line within an intent and language', () => {
    for (const intent of INTENTS) {
      for (const locale of LOCALES) {
        const lines = [...PHRASEBOOK[intent].opening[locale], ...PHRASEBOOK[intent].followUp[locale]];
        expect(new Set(lines).size, `${intent} ${locale}`).toBe(lines.length);
      }
    }
  });

  it('uses only known slots, and every template fills completely', () => {
    for (const [name, locale, lines] of allLists()) {
      for (const template of lines) {
        for (const slot of templateSlots(template)) {
          expect(SLOT_NAMES, `${name} ${locale}: ${template}`).toContain(slot);
        }
        expect(fillTemplate(template, sample)).not.toMatch(/[{}]/);
      }
    }
  });

  it('writes Chinese lines in Chinese and English lines without hanzi', () => {
    for (const [name, locale, lines] of allLists()) {
      for (const line of lines) {
        if (locale === 'en-US') expect(line, `${name}: ${line}`).not.toMatch(CJK);
        else if (!ZH_WITHOUT_HANZI.has(line)) expect(line, `${name}: ${line}`).toMatch(CJK);
      }
    }
  });

  it('shares no line with the held-out evaluation set', () => {
    const heldOut = new Set(
      readFileSync(new URL('../../../server/bot/heldout/intents.jsonl', import.meta.url), 'utf8')
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as { text: string }).text.toLowerCase()),
    );
    for (const [name, , lines] of allLists()) {
      for (const line of lines) {
        if (templateSlots(line).length === 0)
          expect(heldOut.has(line.toLowerCase()), `${name}: ${line}`).toBe(false);
      }
    }
  });
});

describe('FOLLOW_UPS', () => {
  it.each([
    ['supplyOrder', 'order'],
    ['supplyProduct', 'product'],
    ['supplySize', 'size'],
    ['supplyColour', 'colour'],
  ] as const satisfies readonly (readonly [keyof FollowUps, string])[])(
    'every %s line gives the %s',
    (list, slot) => {
      for (const locale of LOCALES) {
        for (const line of FOLLOW_UPS[list][locale]) expect(templateSlots(line)).toContain(slot);
      }
    },
  );

  it('has lines in both languages for every kind of follow-up', () => {
    for (const phrases of Object.values(FOLLOW_UPS) as Phrases[]) {
      for (const locale of LOCALES) expect(phrases[locale].length).toBeGreaterThanOrEqual(4);
    }
  });
});
