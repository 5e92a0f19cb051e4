// Anger signals in one message: abusive or furious words (zh/en), !!!/？？？ runs, shouting. A message sent again and again
// is the dialogue's to count (`squash`, DialogueState.repeats).

const STRONG =
  /垃圾|气死|骗子|滚|妈的|他妈|tmd|尼玛|卧槽|傻[逼bB]|sb|废物|恶心|什么破|破玩意|坑爹|坑人|有病|去死|烦死|无语死|太过分|忍无可忍|受够|\bwtf\b|\bf+u+c+k|\bshit|\bdamn|\bstupid|\bidiot|\bfurious|\bpathetic|\bgarbage|\brubbish|\bsick of|\bfed up|\bunacceptable|\bridiculous|\buseless|\bscammers?\b|\bpissed/i;
const MILD =
  /到底|怎么回事|还要等多久|搞什么|能不能|为什么还|无语|离谱|太慢|\bseriously\b|\bstill\b|\bagain\b|\bwhy\b/i;
const PUNCT = /[!！]{3,}|[?？]{3,}|[!！?？]{4,}/;

function shouting(text: string): boolean {
  const words = text.match(/\b[A-Za-z]{2,}\b/g);
  if (words === null || words.length < 3) return false;
  let caps = 0;
  for (const w of words) if (w === w.toUpperCase()) caps++;
  return caps >= 3 && caps / words.length >= 0.6;
}

/** Text without spaces, punctuation and case, for spotting a message sent again. */
export const squash = (s: string): string => s.replace(/[\s!！?？.。,，~～]+/g, '').toLowerCase();

/** True when the message reads as angry on its own. */
export function isAngry(text: string): boolean {
  return angry(text, true);
}

/** isAngry with every test run, whatever the counts say: the reference anger.test.ts holds it to. */
export function isAngryByEveryTest(text: string): boolean {
  return angry(text, false);
}

function angry(text: string, counted: boolean): boolean {
  if (STRONG.test(text)) return true;
  // PUNCT needs 3 of !！?？, shouting 3 words of 2+ capitals: counted first, most messages skip both tests (and
  // shouting's list of words). Uncounted (the reference), both always run.
  let marks = Number.POSITIVE_INFINITY;
  let capitals = Number.POSITIVE_INFINITY;
  if (counted) {
    marks = 0;
    capitals = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x21 || c === 0x3f || c === 0xff01 || c === 0xff1f) marks++;
      else if (c >= 0x41 && c <= 0x5a) capitals++;
    }
  }
  const punct = marks >= 3 && PUNCT.test(text);
  if (punct && MILD.test(text)) return true;
  return punct || (capitals >= 6 && shouting(text));
}
