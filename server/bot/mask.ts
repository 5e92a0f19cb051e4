// Personal data masking for replies, logs and transcripts: phones, ID numbers, emails, street addresses (zh/en).

const ID_NUMBER = /(?<![0-9A-Za-z])([1-9]\d{5})\d{8}(\d{3}[\dXx])(?![0-9A-Za-z])/g;
const MOBILE = /(?<![0-9A-Za-z])(?:\+?86[- ]?)?(1[3-9]\d)[- ]?(\d{4})[- ]?(\d{4})(?![0-9A-Za-z])/g;
const LANDLINE = /(?<![0-9A-Za-z])(0\d{2,3})-?(\d{3,4})(\d{4})(?![0-9A-Za-z])/g;
const EMAIL = /([A-Za-z0-9])[A-Za-z0-9._%+-]*(@[A-Za-z0-9.-]+\.[A-Za-z]{2,})/g;
const ZH_ADDRESS =
  /((?:[\u4e00-\u9fff]{2,4}(?:省|自治区))?(?:[\u4e00-\u9fff]{2,4}市)?(?:[\u4e00-\u9fff]{1,4}(?:区|县))?)([\u4e00-\u9fff]{1,6}(?:路|街|大道|巷|弄|村|镇|小区|花园|大厦)[0-9A-Za-z\u4e00-\u9fff#-]*?(?:号|室|栋|楼|单元|幢|号院)(?:[0-9A-Za-z\u4e00-\u9fff#-]{0,12}?(?:号|室|栋|楼|单元|幢))*)/g;
const EN_ADDRESS =
  /\b\d{1,5}\s+(?:[A-Za-z]+\s+){1,3}(?:street|st|road|rd|avenue|ave|lane|ln|boulevard|blvd|drive|dr|way|court|ct|place|pl)\b\.?(?:,?\s*(?:apt|apartment|unit|suite|flat|#)\.?\s*[\w-]+)?/gi;

/** The text with personal data replaced: 138****1234, 110105********123X, a***@mail.com, 北京市朝阳区****. */
export function maskPersonalData(text: string): string {
  return text
    .replace(EMAIL, '$1***$2')
    .replace(ID_NUMBER, (_m, head: string, tail: string) => `${head}********${tail}`)
    .replace(MOBILE, '$1****$3')
    .replace(LANDLINE, '$1-****$3')
    .replace(ZH_ADDRESS, '$1****')
    .replace(EN_ADDRESS, '****');
}
