// Chinese messages that switch into English words (order, refund, size, coupon, ok) or pinyin shorthand, as shoppers
// type them, labelled by LABELS.md. Written for peakdesk. Slots: {o} order id, {p} product, {s} size, {c} colour,
// {n} amount.
import type { IntentId } from '../types.ts';

export const ZH_MIXED: Partial<Record<IntentId, readonly string[]>> = {
  greeting: ['hi 亲 在不在', 'ok 明白了 thanks', '你是bot还是真人啊 问问而已'],
  'product.info': ['{p}的material是什么', '这个{p}是original的吗 有没有warranty', '{p}的spec能发我看看吗'],
  'product.stock': ['{p}还有stock吗', '{c} {s} 还有货吗 sold out了？', '{s}码什么时候restock'],
  'product.size': ['我平时穿{s} 这个{p}要拍哪个size', 'size chart在哪看', '{p}偏大还是偏小 我要不要size up'],
  'product.recommend': ['有什么best seller推荐一下', '预算{n}左右 推荐个{p}', '送girlfriend的礼物 选哪款好'],
  'promo.rules': ['满减和coupon能一起用吗', '定金是多少 尾款什么时候pay', '跨店满减的rule看不懂 怎么算'],
  'promo.coupon_issue': ['coupon领了用不了', '结算的时候coupon不见了', '领券一直显示error'],
  'order.place': ['怎么place order', '想buy {n}件 怎么拍', '加到cart了 怎么checkout', '帮我order一个{p}'],
  'order.status': [
    '我的order怎么还没ship',
    '{o} 什么时候ship',
    '订单status一直是processing',
    'order付了钱还没发',
  ],
  'order.cancel': ['帮我cancel这个订单', '{o} cancel掉 不要了', '不想要了 能cancel吗'],
  'order.modify': ['订单的address能改吗', '想change一下size 改成{s}', '还没ship的话帮我改下电话'],
  'logistics.track': ['我的package到哪了', '快递tracking number多少', '{o} 的物流到哪了 eta多久'],
  'logistics.exception': ['tracking三天没update了', '显示delivered但我没收到', '包裹damaged了 外箱都破了'],
  'aftersale.return': ['想return这个{p}', '{s}码太小 能exchange吗', '坏了 能保修repair吗'],
  'aftersale.refund': ['refund什么时候到账', '退货寄回去了 refund呢', '我的money什么时候退回来'],
  'aftersale.price_protect': [
    '刚买就降价了 能price protect吗',
    '差价能refund给我吗 降了{n}',
    '有没有price protection',
  ],
  'payment.issue': ['payment failed 怎么办', '支付一直pending', '扣了两次钱 double charge了'],
  invoice: ['能开invoice吗 公司报销', '发票的抬头是company名字', 'invoice开错了 重开一下'],
  account: ['账号login不上', 'password忘了怎么reset', '换了手机号 account怎么绑定'],
  complaint: ['你们service太差了', '什么垃圾shop 我要complain', '这服务真的no no no 太失望了'],
  'human.request': ['转human客服', '我要real person', '找个agent跟我说'],
  other: ['你知道今天nba谁赢了吗', '帮我translate一段英文', '推荐个netflix的剧'],
};
