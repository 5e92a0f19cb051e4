// English phrasings for needs that sit on an intent boundary and that the earlier files covered thinly: changes to how
// an order ships (split, merge, hold back, a note added late), coupons that cannot be claimed or stay locked, couriers
// who misbehave and tracking that stops, sending a return back, paying from elsewhere, complaints made as rhetorical
// questions or threats, and everyday out-of-scope asks. Labelled by LABELS.md. Written for peakdesk. Slots: {o} order
// id, {p} product, {s} size, {c} colour, {n} amount.
import type { IntentId } from '../types.ts';

export const EN_BOUNDARIES: Partial<Record<IntentId, readonly string[]>> = {
  'order.modify': [
    'i paid for both in one go, can they be shipped in two parcels',
    'can my two orders go out in one box',
    "don't ship yet please, hold it until i'm back next week",
    'could you send it a few days later, nobody is home',
    'please add a note to my order: gift box',
    'i forgot the note, please add no invoice in the parcel',
    'on {o} swap the {s} for one size bigger, i would rather not return and reorder',
    'the contact number on my order is old, please update it',
  ],
  'promo.coupon_issue': [
    'tapping get coupon does nothing',
    'it says i hit the claim limit but i never used any',
    'with the coupon the total went up, not down',
    'coupon says in use on another order but i cancelled that one',
    'cancelled my order and the coupon never came back',
  ],
  'logistics.exception': [
    'the courier refused to carry it upstairs and was rude to me',
    'delivery driver shouted at me on the phone, what can you do',
    'no tracking update for days, what is happening',
    'it has said picked up for ages and nothing since',
    'tracking shows an exception and i cant reach the courier',
  ],
  'aftersale.return': [
    'sent the return, where do i put the tracking number',
    'which courier do i use for the return',
    'do i ship the return myself or do you pick it up',
    'after i send the exchange back when do you send the new one',
  ],
  'payment.issue': [
    'can a family member pay for my order, how',
    'the payment needs a verification code and it never arrives',
    'do you take overseas credit cards',
    'face verification fails when i try to pay',
  ],
  complaint: [
    'is this how you treat your customers?',
    'how is a shop like this still open',
    'sort this out or im reporting you to consumer protection',
    'i have already filed a complaint with the platform, we will see',
    'you keep pushing the ship date back, do your promises mean anything',
    'every single time the same thing, never again',
    'a bad review is the least you deserve',
  ],
  other: [
    'is this stock a good buy right now',
    'my takeaway is an hour late',
    'write me an essay about my summer holiday',
    'what are petrol prices today',
  ],
};
