// Text normalisation for the classifier: one pass over UTF-16 codes into a reusable buffer, no strings built.

/** Placeholder codes (private-use area) that stand for whole spans of the original text. */
export const PH_NUM = 0xe001;
export const PH_LONGNUM = 0xe002;

const TRAD_SIMP =
  '們们個个這这來来時时對对會会說说為为國国學学開开關关後后麼么買买賣卖貨货貴贵價价錢钱單单號号發发還还換换運运費费' +
  '遞递達达給给讓让請请問问謝谢嗎吗沒没幫帮實实現现應应題题點点種种樣样長长車车門门機机電电話话線线紅红綠绿藍蓝黃黄' +
  '顏颜碼码裝装褲裤優优減减滿满額额訂订庫库補补錯错壞坏損损訴诉態态務务員员賬账戶户錄录驗验證证據据稅税聯联繫系轉转' +
  '範范圍围處处雙双預预歡欢護护膚肤麗丽產产質质熱热銷销薦荐適适體体紀纪間间認认擊击網网頁页無无備备註注選选擇择極极' +
  '氣气罵骂騙骗壓压積积賠赔償偿溝沟寫写剛刚幾几兩两將将從从經经過过遲迟動动遠远進进別别條条該该當当內内週周場场藥药' +
  '醫医鐘钟錶表檢检襪袜貼贴鮮鲜華华蘋苹筆笔記记腦脑辦办劃划擔担憂忧衝冲燈灯頭头髮发潔洁膠胶紙纸標标簽签準准寬宽鬆松' +
  '緊紧輕轻舊旧雜杂亂乱難难顧顾屬属於于並并隻只驚惊憤愤煩烦爛烂噠哒寶宝客客貼贴郵邮資资訊讯級级領领參参與与舉举盡尽' +
  '嗎吗麼么團团購购務务數数據据銀银卡卡綁绑帳账號号碼码戶户續续費费遺遗漏漏錢钱幣币輸输錯错誤误臺台灣湾傳传儲储' +
  '襯衬絨绒試试結结餘余專专麥麦鍋锅壺壶溫温紋纹丟丢驛驿櫃柜區区縣县鎮镇鄉乡樓楼層层詢询詳详細细況况顯显斷断規规類类約约囉啰' +
  '見见趕赶馬马裡里裏里誰谁夠够講讲聽听覺觉讀读隊队業业廠厂臉脸腳脚邊边禮礼媽妈兒儿嬰婴婦妇歲岁愛爱醜丑報报協协評评論论絡络' +
  '鏈链圖图視视頻频聲声響响閉闭啟启靜静鬧闹鍵键盤盘遊游戲戏書书節节狀状確确漲涨險险測测倉仓齊齐異异絕绝髒脏燙烫燒烧總总計计' +
  '變变係系權权賺赚虧亏';

const MAP = buildMap();

const ME = 0x4e48; // 么
const MA = 0x5417; // 吗
const ZHONG = 0x80bf; // 肿, as in chat 肿么 = 怎么
const ZEN = 0x600e; // 怎
/** Characters before 么 in words (什么, 怎么, 这么, 那么, 多么, 要么, 干么); after anything else 么 is the question particle 吗. */
const ME_WORDS = new Set([0x4ec0, ZEN, 0x8fd9, 0x90a3, 0x591a, 0x8981, 0x5e72]);

function buildMap(): Uint16Array {
  const map = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) map[c] = c;
  for (let c = 0x41; c <= 0x5a; c++) map[c] = c + 32;
  for (let c = 0xff01; c <= 0xff5e; c++) {
    const half = c - 0xfee0;
    map[c] = half >= 0x41 && half <= 0x5a ? half + 32 : half;
  }
  map[0x3000] = 0x20;
  for (let i = 0; i + 1 < TRAD_SIMP.length; i += 2)
    map[TRAD_SIMP.charCodeAt(i)] = TRAD_SIMP.charCodeAt(i + 1);
  return map;
}

export function isCjk(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
}

export function isLatin(c: number): boolean {
  return c >= 0x61 && c <= 0x7a;
}

/** A-Z or a-z, in text not normalised. */
export function isAsciiLetter(c: number): boolean {
  return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** A reusable output buffer: `codes[0..length)` is the normalised text. */
export interface NormBuffer {
  codes: Uint16Array;
  length: number;
}

export function createNormBuffer(capacity = 4096): NormBuffer {
  return { codes: new Uint16Array(capacity), length: 0 };
}

/**
 * Width, case and common traditional characters folded; the chat particle 么 folded onto 吗 (在么 = 在吗, 肿么 = 怎么); emoji, other astral symbols and apostrophes ("don't" =
 * "dont") dropped; digit runs
 * become one placeholder (an order id `E` + 16 digits, or any run of 10+ digits, becomes PH_LONGNUM).
 */
export function normalizeInto(text: string, buf: NormBuffer): NormBuffer {
  const n = Math.min(text.length, buf.codes.length - 1);
  const out = buf.codes;
  let len = 0;
  let i = 0;
  while (i < n) {
    const raw = text.charCodeAt(i);
    if (raw >= 0xd800 && raw <= 0xdbff) {
      i += 2;
      continue;
    }
    if (
      (raw >= 0x2600 && raw <= 0x27bf) ||
      raw === 0xfe0f ||
      raw === 0x200d ||
      raw === 0x27 ||
      raw === 0x2019
    ) {
      i++;
      continue;
    }
    const c = MAP[raw] as number;
    if (isDigit(c)) {
      let j = i;
      while (j < n && isDigit(MAP[text.charCodeAt(j)] as number)) j++;
      const digits = j - i;
      if (digits >= 10) {
        if (len > 0 && out[len - 1] === 0x65 && (len === 1 || !isLatin(out[len - 2] as number))) len--;
        out[len++] = PH_LONGNUM;
      } else {
        out[len++] = PH_NUM;
      }
      i = j;
      continue;
    }
    if (
      isLatin(c) &&
      len >= 3 &&
      out[len - 1] === c &&
      out[len - 2] === c &&
      out[len - 3] !== c &&
      isLatin(out[len - 3] as number)
    ) {
      // A third repeat of a letter after another letter is chat elongation (no English word has three): "hiii",
      // "pleaseee", "sooo". A word that is one letter repeated ("zzzz") is kept as keyboard noise.
      while (len > 0 && out[len - 1] === c) len--;
      out[len++] = c;
      i++;
      while (i < n && MAP[text.charCodeAt(i)] === c) i++;
      continue;
    }
    if (c === ME && len > 0) {
      const before = out[len - 1] as number;
      if (before === ZHONG) out[len - 1] = ZEN;
      else if (!ME_WORDS.has(before)) {
        out[len++] = MA;
        i++;
        continue;
      }
    }
    out[len++] = c;
    i++;
  }
  buf.length = len;
  return buf;
}

/** The normalised text as a string (tests and debugging). */
export function normalize(text: string): string {
  const buf = normalizeInto(text, createNormBuffer(text.length + 1));
  let s = '';
  for (let i = 0; i < buf.length; i++) {
    const c = buf.codes[i] as number;
    s += c === PH_LONGNUM ? '<LONG>' : c === PH_NUM ? '<NUM>' : String.fromCharCode(c);
  }
  return s;
}
