import type { Phrases } from './intent-phrases.ts';

/** Lines a customer writes around its need, whatever the need is. */
export interface FollowUps {
  /** Answer to "which order?": the order id. */
  supplyOrder: Phrases;
  /** Answer to "which product?". */
  supplyProduct: Phrases;
  /** Answer to "which size?" or "how tall are you?". */
  supplySize: Phrases;
  /** Answer to "which colour?". */
  supplyColour: Phrases;
  /** Put in front of a rephrased question. */
  rephrase: Phrases;
  /** Acknowledgement put in front of a follow-up question on the same need. */
  acknowledge: Phrases;
  /** How an angry customer starts its first message. */
  angryOpening: Phrases;
  /** Impatience put in front of a rephrase once the customer is angry. */
  impatience: Phrases;
  /** Asking for a human after the bot failed. */
  askHuman: Phrases;
  /** Asking for a human again, angrily, when the first ask was not honoured. */
  askHumanAgain: Phrases;
  /** Closing thanks once the need is met. */
  thanks: Phrases;
}

export const FOLLOW_UPS: FollowUps = {
  supplyOrder: {
    'zh-CN': [
      '订单号是{order}',
      '{order}',
      '单号：{order}',
      '就是这个 {order}',
      '订单编号{order}',
      '{order} 这个单',
    ],
    'en-US': [
      'order number is {order}',
      '{order}',
      "it's {order}",
      'the order id: {order}',
      'here: {order}',
      'order {order}',
    ],
  },
  supplyProduct: {
    'zh-CN': ['就是那个{product}', '{product}', '我说的是{product}', '买的{product}', '{product}啊'],
    'en-US': [
      'the {product}',
      'it is the {product}',
      'I mean the {product}',
      '{product}',
      'the {product} I bought',
    ],
  },
  supplySize: {
    'zh-CN': ['{size}', '要{size}的', '我平时穿{size}', '168 120斤 一般{size}', '{size}吧'],
    'en-US': ['{size}', 'I need {size}', 'usually {size}', '168cm 60kg, normally {size}', '{size} please'],
  },
  supplyColour: {
    'zh-CN': ['{colour}', '要{colour}的', '{colour}那款', '{colour}吧'],
    'en-US': ['{colour}', 'the {colour} one', 'in {colour}', '{colour} please'],
  },
  rephrase: {
    'zh-CN': [
      '我是说，',
      '不是这个，',
      '你没理解我的意思，',
      '我再说一遍：',
      '我问的是：',
      '不对不对，',
      '换个说法，',
    ],
    'en-US': [
      'I mean,',
      'No,',
      "That's not what I asked.",
      'Let me rephrase:',
      'What I am asking is:',
      'Again:',
      'To be clear,',
    ],
  },
  acknowledge: {
    'zh-CN': ['好的，', '明白了，', '嗯嗯，', '知道了，', '行，'],
    'en-US': ['OK.', 'Got it.', 'I see.', 'Right.', 'Thanks.'],
  },
  angryOpening: {
    'zh-CN': ['急！！', '气死了，', '第三次问了，', '能不能快点处理，', '搞什么啊，', '烦死了，'],
    'en-US': [
      'URGENT:',
      'Third time asking:',
      'Unbelievable.',
      'Sort this out now:',
      'Seriously,',
      'I am fed up.',
    ],
  },
  impatience: {
    'zh-CN': [
      '怎么还不回？？？',
      '答非所问！',
      '能不能认真点！',
      '急死了！！',
      '到底行不行啊？',
      '说了半天没用！',
      '搞什么啊！',
    ],
    'en-US': [
      'this is useless!!!',
      'hello??',
      'you are not listening.',
      'seriously?!',
      'come on!!',
      'that does not help at all.',
      'ugh.',
    ],
  },
  askHuman: {
    'zh-CN': ['转人工吧', '给我找个人工', '机器人不行 要人工', '算了 转人工客服', '让真人来处理'],
    'en-US': [
      'let me talk to a person',
      'get me a human agent',
      'the bot is not helping, human please',
      'forget it, transfer me to an agent',
      'I need a real person for this',
    ],
  },
  askHumanAgain: {
    'zh-CN': ['我说了转人工！！', '人工呢？？快点', '听不懂吗 人工！', '别回复模板了 人工'],
    'en-US': [
      'I SAID A HUMAN!!',
      'where is the agent??',
      'human. now.',
      'stop the canned replies, a person please',
    ],
  },
  thanks: {
    'zh-CN': ['好嘞 谢谢', '明白了 谢谢亲', '行 辛苦了', '解决了 谢谢', 'ok 拜拜', '好的知道了👌'],
    'en-US': ['thanks!', 'got it, thanks', 'great, bye', 'sorted, thank you', 'ok cheers', 'perfect 👍'],
  },
};
