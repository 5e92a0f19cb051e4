// Long English messages: a customer's context first (what they bought, when, what happened), the need last or buried
// in the middle, labelled by the main need (LABELS.md). Written for peakdesk. Slots: {o} order id, {p} product,
// {s} size, {c} colour, {n} amount.
import type { IntentId } from '../types.ts';

export const EN_LONG: Partial<Record<IntentId, readonly string[]>> = {
  greeting: [
    'hi there, just browsing your shop for now, not sure what i want yet, wanted to say hello first',
    "that's everything sorted, thanks so much for being patient with me, have a good one, bye",
    'quick one, am i chatting with a real person or an automated assistant? just curious, nothing else',
  ],
  'product.info': [
    "i'm looking at the {p}, what is it made of, does it get static in winter and will it shrink in the wash",
    'the {p} looks almost the same as your other one but costs a lot more, what exactly is the difference',
    'i have a toddler at home, does the {p} have any smell, are the materials safe, any test report',
    'how long is the warranty on the {p}, is it genuine, is there a code i can check',
  ],
  'product.size': [
    "i'm {n} cm and around 60 kg, usually wear {s}, does the {p} run big or small, should i size up",
    'buying for my husband, broad shoulders and a bit of a belly, would {s} in the {p} be too tight',
    'my feet are 24.5 cm with a high instep, normally a 38, which size should i pick for the {p}',
  ],
  'product.recommend': [
    'my mum is 60 and always cold, i want a warm but light coat for her under 500, which of yours would suit',
    'first time buying an air fryer, just two of us at home, what capacity should i get, can you recommend one',
    "looking for a birthday gift for my boyfriend, he's into sports, budget around 300, any ideas",
  ],
  'promo.rules': [
    'i have the {p} and the {p} in my cart, a bit over 600 together, can i use the cross-store deal and a shop coupon together, what would i end up paying',
    "your 11.11 promo is making my head spin, deposit, balance, discounts... can you explain simply what's the cheapest way to buy",
    'after paying the deposit, can i still stack the platform discount when i pay the balance or only the deposit bonus',
  ],
  'promo.coupon_issue': [
    'i definitely claimed the 30 off shop coupon and my total is over the minimum but at checkout it says not applicable, why',
    "i grabbed a big coupon at midnight and now it's not in my coupon wallet, i never used it, can you check",
    'every time i tap claim it says too many people, tried all evening and still cant get the coupon',
  ],
  'order.cancel': [
    "sorry, i ordered the {p} yesterday but my family already bought the same one, if it hasn't shipped please cancel it",
    'picked the wrong colour when ordering, just want to cancel and order again, its {o}, the money goes back automatically right',
    'been waiting a week and it still has not shipped, i dont want to wait anymore, please cancel my order',
  ],
  'order.modify': [
    "just paid and realised the address is still my parents' place, i'm in shanghai now, can you change it before it ships",
    "order {o} has the {p} in {s}, i'd like one size up instead, can you change it before shipping, i don't want to cancel",
    'i placed two orders, can you send them together so the courier only comes once',
  ],
  'logistics.exception': [
    'tracking says it was signed for two days ago but someone was home the whole time, checked the door and the pickup point, nothing, what happened',
    "the tracking has been stuck at the transit hub since last thursday, hasn't moved at all and the courier won't answer, is it lost",
    'the box arrived crushed today and the {p} inside is broken, the courier clearly dropped it, what now',
  ],
  'aftersale.return': [
    "bought the {p} last week, tried it on and the colour is nothing like the photos, tags still on, i'd like to return it, who pays shipping",
    'the {p} in {s} is a little small, can i exchange it for one size up, do i send it back first',
    'my {p} stopped turning on after three months, it should still be under warranty, how do i get it repaired',
  ],
  'aftersale.refund': [
    "the return parcel was delivered to you three days ago and it says the warehouse received it but i still haven't got my money",
    'i asked for a refund only and the seller agreed, but the money still is not back on my card, how many days',
    'the refund is about 20 less than what i paid, did you deduct something',
  ],
  'aftersale.price_protect': [
    'i bought the {p} on nov 1 for {n} and today its several dollars cheaper, still within the price protection window, can i get the difference',
    'the price dropped the day after i ordered, you advertise price protection, how do i claim it',
  ],
  'payment.issue': [
    'paid by bank card and the money left my account but the order still says awaiting payment and i have not been refunded',
    'huabei has plenty of credit left but keeps saying temporarily unavailable, tried a bank card too, i need to pay the balance',
    'my connection was slow so i tapped pay twice and got charged twice, can i get the extra one back',
  ],
  invoice: [
    'i buy for my company and need a vat special invoice for these {p}, i can send the company title and tax number, how do i request it',
    'forgot to ask for an invoice on last month order, can i still get one, electronic is fine',
    'the company name on my invoice is missing two characters, can you issue a corrected one',
  ],
  account: [
    "changed my phone number and the old one is cancelled, now i can't log in because the code goes to the old number",
    'had over 2000 points last month and now only a few hundred, i never used them, was my account hacked',
    'want to change the phone number linked to my account but cant find where to do it',
  ],
  complaint: [
    'two weeks of waiting, three times asking support, every time "we will handle it soon" and nobody does anything, this service is terrible',
    'what arrived is nothing like the ad and you tell me that is normal, this is misleading and i am reporting it',
    'slow shipping, slow replies and after-sales keeps passing me around, this is the last time i shop here',
  ],
  'human.request': [
    "i've read everything the bot sent and it doesn't solve my problem, please transfer me to a person",
    'my situation is complicated and i cant explain it in two lines, can a human agent take over',
    'stop sending me automatic replies, i want to talk to a real person',
  ],
  other: [
    'hi, can you recommend a good hotpot place nearby, taking my family out this weekend',
    'can you write a formal new year greeting message for my clients',
    'my phone from another platform has a problem, can you contact them for me',
  ],
};
