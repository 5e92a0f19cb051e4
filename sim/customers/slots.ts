import { PeakdeskError } from '../errors.ts';

export const SLOT_NAMES = ['order', 'product', 'size', 'amount', 'colour'] as const;
export type SlotName = (typeof SLOT_NAMES)[number];
export type SlotValues = Readonly<Record<SlotName, string>>;

const SLOT = /\{([^{}]*)\}/g;

/** The slot names a template mentions, in order of appearance (repeats kept). */
export function templateSlots(template: string): string[] {
  return Array.from(template.matchAll(SLOT), (m) => m[1] ?? '');
}

function isSlotName(name: string): name is SlotName {
  return (SLOT_NAMES as readonly string[]).includes(name);
}

/** Puts one customer's slot values into a template; an unknown slot is a phrasebook bug, so it throws. */
export function fillTemplate(template: string, values: SlotValues): string {
  return template.replace(SLOT, (_, name: string) => {
    if (!isSlotName(name)) {
      throw new PeakdeskError(`unknown slot {${name}} in template "${template}"`);
    }
    return values[name];
  });
}
