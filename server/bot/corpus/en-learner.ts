// English as shoppers write it when it is not their first language: dropped articles and verbs, Chinese word order,
// pinyin or Chinese platform words (kuaidi, huabei, taobao), labelled by LABELS.md. Written for peakdesk. Slots: {o}
// order id, {p} product, {s} size, {c} colour, {n} amount.
import type { IntentId } from '../types.ts';

export const EN_LEARNER: Partial<Record<IntentId, readonly string[]>> = {
  greeting: ['hello dear, you there?', 'ok understand, thank you very much', 'you are robot or people?'],
  'product.info': [
    'this {p} is original or not',
    'please tell me {p} material what',
    '{p} can use in winter? it is warm?',
    'the {p} made in where',
  ],
  'product.stock': [
    'this one still have stock?',
    '{c} colour {s} size have or not',
    'when {p} come again, now no have',
    'size {s} no more already?',
  ],
  'product.size': [
    'i am {n} cm, which size i take',
    'this {p} size is big or small',
    'my foot 24 cm what size',
    'normally i wear {s}, this one same?',
  ],
  'product.recommend': [
    'which one you suggest me',
    'i want buy gift for my mother, what is good',
    'between this two which one better for me',
    'please recommend one {p} not so expensive',
  ],
  'promo.rules': [
    'how the discount calculate',
    'coupon and discount can use together or not',
    'the deposit pay now, the rest pay when',
    'buy two got more discount?',
  ],
  'promo.coupon_issue': [
    'coupon cannot use why',
    'i get the coupon but when pay it not show',
    'the coupon disappear from my account',
  ],
  'order.place': [
    'i want buy {n} piece, how to do',
    'how i can buy this one',
    'please help me make order for {p} {c} colour',
    'i want order but dont know how',
    'can buy for my friend, send to his address?',
    'this one i take, how to pay and order',
  ],
  'order.status': [
    'my order why still not send',
    'already pay {n} days, when you send',
    'order {o} send already or not',
    'when you will ship my thing',
  ],
  'order.cancel': [
    'i dont want already, please cancel',
    'cancel the order for me can?',
    'order {o} i want cancel, not send yet right',
  ],
  'order.modify': [
    'address i write wrong, can change?',
    'i want change to size {s}, not send yet',
    'please change my phone number in the order',
  ],
  'logistics.track': [
    'my kuaidi where now',
    'how many day can arrive',
    'the parcel already arrive my city or not',
    'please check where is my thing now',
  ],
  'logistics.exception': [
    'the tracking no move already 4 days',
    'it say delivered but i no receive',
    'parcel come broken, box all crush',
  ],
  'aftersale.return': [
    'i want give back this {p}, can?',
    'size too small, can change bigger one',
    'it broken after one month, you can fix?',
  ],
  'aftersale.refund': [
    'when my money come back',
    'i already send back, why no refund yet',
    'refund money not enough, missing some',
  ],
  'aftersale.price_protect': [
    'i buy yesterday today more cheap, can return the difference money',
    'price go down after i buy, you give back the extra?',
  ],
  'payment.issue': [
    'cannot pay, always fail',
    'money already cut from my card but order say not pay',
    'can pay with huabei or not',
  ],
  invoice: [
    'i need the fapiao for company',
    'can give me invoice with company name',
    'invoice title wrong, make again',
  ],
  account: [
    'cannot login my account',
    'forget password how to do',
    'my phone number change, account how to bind new one',
  ],
  complaint: [
    'your service very bad, i am not happy',
    'so many days nobody help me, very angry',
    'this shop cheat people, i will complain',
  ],
  'human.request': [
    'i want talk to real people',
    'give me human service please',
    'robot no understand, change to person',
  ],
  other: [
    'you know how is weather tomorrow',
    'can help me book train ticket',
    'where can buy iphone cheap in taobao',
  ],
};
