// Chinese phrasings for needs that sit on an intent boundary and that the earlier files covered thinly: changes to how
// an order ships (split, merge, hold back, a note added late), coupons that cannot be claimed or stay locked, couriers
// who misbehave and tracking that stops, sending a return back, paying from elsewhere, complaints made as rhetorical
// questions or threats, and everyday out-of-scope asks. Labelled by LABELS.md. Written for peakdesk. Slots: {o} order
// id, {p} product, {s} size, {c} colour, {n} amount.
import type { IntentId } from '../types.ts';

export const ZH_BOUNDARIES: Partial<Record<IntentId, readonly string[]>> = {
  'order.modify': [
    '一起付的款 东西能分两次寄吗',
    '两个订单能打包成一个快递吗',
    '先别发 过几天我回家了再发',
    '发货能晚两天吗 家里没人',
    '订单补个备注 要礼盒装',
    '忘了写备注 帮我加上不要放发票',
    '{o}换个尺码 {s}换大一号 不想退了重买',
    '订单里的联系电话换一下 原来的不用了',
  ],
  'promo.coupon_issue': [
    '点了领取没反应 券领不到',
    '提示领取次数已达上限 我一张都没用过',
    '用了券结算价反而高了',
    '券显示被占用 可那个订单已经取消了',
    '订单取消了 券没退回来',
  ],
  'logistics.exception': [
    '快递员不送上楼 还态度恶劣',
    '快递小哥打电话骂人 这怎么处理',
    '物流信息好几天没更新了 啥情况',
    '显示已揽件后就再没动过',
    '物流显示异常 联系不上快递',
  ],
  'aftersale.return': [
    '退货寄回去了 快递单号填在哪',
    '退货用哪家快递寄',
    '退货要自己寄吗 还是上门取件',
    '换货寄回去以后新的什么时候发',
  ],
  'payment.issue': [
    '我想让家里人帮我付 怎么操作',
    '付款要验证码 一直收不到',
    '境外信用卡能付款吗',
    '支付的时候提示需要人脸验证 过不去',
  ],
  complaint: [
    '你们就是这样对待客户的吗',
    '这样的店也能开下去？',
    '再不处理我就打12315了',
    '我已经去平台投诉了 你们等着吧',
    '说好的发货时间一拖再拖 还有没有信用',
    '每次都这样 真的不想再来了',
    '给你们差评都是轻的',
  ],
  other: [
    '帮我看看这只股票能不能买',
    '外卖点了一个小时还没到',
    '帮我写篇作文 题目是我的妈妈',
    '今天油价多少',
  ],
};
