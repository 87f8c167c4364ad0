/**
 * 行政处罚决定书: the party; facts and evidence; how the party was told and what it answered;
 * the provisions broken and the penalty decided (amounts with capitals); how to pay; how to
 * appeal; the agency and the date. The appeal paragraph is kept with the seal block.
 */
import { esc, fill, lines, paragraphBlocks } from '../html';
import { partyPronoun } from '../labels';
import type { PenaltyDecisionView } from '../view';
import { blankLines, keepLastWith, partyLetterBlock, sealBlock, titleBlock } from './parts';
import { penaltyItems } from './penaltyText';

function noticeParagraph(v: PenaltyDecisionView): string {
  const n = v.notice;
  const number = n.documentNumber ? `（${esc(n.documentNumber)}）` : '';
  const told =
    `本局于${fill(n.deliveredAt, 8)}向当事人送达了《行政处罚告知书》${number}，` +
    '告知当事人拟作出行政处罚的事实、理由、依据及依法享有的陈述、申辩等权利。';
  let answer: string;
  if (n.waived) answer = '当事人书面表示放弃陈述、申辩的权利。';
  else if (n.statement.trim()) {
    answer =
      `当事人于${fill(n.statementReceivedAt, 8)}提出陈述、申辩，称：${lines(n.statement)}` +
      `${/[。！？]$/.test(n.statement.trim()) ? '' : '。'}本局对当事人的陈述、申辩进行了复核。`;
  } else if (n.deliveredAt) answer = '当事人在规定期限内未提出陈述、申辩。';
  else answer = fill('', 20);
  return `<p class="para">${told}${answer}</p>`;
}

function decisionBlocks(v: PenaltyDecisionView): string[] {
  if (v.content.trim()) return paragraphBlocks(v.content);
  const items = penaltyItems(v.penalty);
  if (items.length === 0) return [blankLines(3)];
  return items.map(
    (l, i) => `<p class="para">${i + 1}. ${esc(l)}${i === items.length - 1 ? '。' : '；'}</p>`,
  );
}

export function penaltyDecisionBody(v: PenaltyDecisionView): string {
  const you = partyPronoun(v.parties[0]?.kind ?? '');
  const cause = v.cause ? esc(v.cause) : fill('', 12);
  const facts = v.facts.trim() ? paragraphBlocks(v.facts) : [blankLines(4)];
  const evidence =
    v.evidence.length > 0
      ? v.evidence.map((e, i) => `<p class="para">${i + 1}. ${esc(e)}；</p>`)
      : [blankLines(2)];
  const pays = v.penalty.fine !== '' || v.penalty.illegalGains !== '';
  const blocks = [
    `<p class="para">本局于${fill(v.filedAt, 8)}对${cause}${v.cause.endsWith('案') ? '' : '一案'}` +
      '立案调查，现已调查终结。</p>',
    '<p class="para">经查明：</p>',
    ...facts,
    '<p class="para">上述事实，有下列证据证明：</p>',
    ...evidence,
    noticeParagraph(v),
    `<p class="para">本局认为，当事人的上述行为违反了${fill(v.legalBasis, 16)}的规定。` +
      `依据${fill(v.penaltyBasis, 16)}的规定，本局决定：</p>`,
    ...decisionBlocks(v),
    pays
      ? `<p class="para">${you}应当自收到本决定书之日起十五日内，将罚没款缴至指定银行或者通过` +
        '电子支付系统缴纳。到期不缴纳罚款的，本局将依据《中华人民共和国行政处罚法》第七十二条' +
        '的规定，每日按罚款数额的百分之三加处罚款。</p>'
      : '',
    `<p class="para">${you}如不服本处罚决定，可以在收到本决定书之日起六十日内向${fill('', 12)}` +
      `申请行政复议；也可以在六个月内依法向${fill('', 10)}人民法院提起行政诉讼。` +
      '申请行政复议或者提起行政诉讼的，不停止本决定的执行，法律另有规定的除外。</p>',
  ].filter((b) => b !== '');
  return (
    titleBlock(v.header, { number: true }) +
    partyLetterBlock(v.parties) +
    keepLastWith(blocks, sealBlock(v.header.agency, v.date))
  );
}
