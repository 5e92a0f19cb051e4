// Customer messages the server benchmarks cycle through: real phrasing, so the bot does real work.
export const BENCH_TEXTS = [
  '我的快递到哪了 E2026111100012345',
  '这件羽绒服有L码吗',
  '跨店满减和优惠券能一起用吗',
  '定金付了尾款什么时候付',
  'I want to return my shoes',
  '价保怎么申请',
  '转人工',
  '你好',
];
