/**
 * 行政处罚告知书: the facts, the provisions, the penalty proposed, and the party's rights with
 * the window the rule set in force gives (陈述申辩; 听证 when offered). A receipt line for the
 * party closes it.
 */
import { esc, fill, paragraphBlocks } from '../html';
import { partyPronoun } from '../labels';
import type { PenaltyNoticeView } from '../view';
import {
  blankLines,
  keepLastWith,
  officerNames,
  sealBlock,
  signatureLine,
  titleBlock,
  type TemplateContext,
} from './parts';
import { penaltyItems } from './penaltyText';

export function penaltyNoticeBody(v: PenaltyNoticeView, ctx: TemplateContext): string {
  const party = v.parties
    .map((p) => p.name)
    .filter((n) => n !== '')
    .join('、');
  const you = partyPronoun(v.parties[0]?.kind ?? '');
  const period = v.statementPeriod || '五个工作日';
  const items = penaltyItems(v.penalty);
  const proposal =
    items.length > 0
      ? items.map((l, i) => `<p class="para">${i + 1}. ${esc(l)}；</p>`).join('')
      : blankLines(3);
  const facts = v.facts.trim()
    ? paragraphBlocks(v.facts).map((p, i) => (i === 0 ? p.replace('">', '">经查，') : p))
    : [`<p class="para">经查，</p>${blankLines(4)}`];
  const hearing = v.hearingOffered
    ? `根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，${you}有权要求举行听证；` +
      `要求听证的，应当在收到本告知书之日起${period}内向本局提出。`
    : '';
  const blocks = [
    `<p>${fill(party, 16)}：</p>`,
    ...facts,
    `<p class="para">${you}的上述行为违反了${fill(v.legalBasis, 16)}的规定。` +
      `依据${fill(v.penaltyBasis, 16)}的规定，本局拟对${you}作出如下行政处罚：</p>`,
    proposal,
    `<p class="para">根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，${you}` +
      `可以在收到本告知书之日起${esc(period)}内向本局提出陈述、申辩。${hearing}` +
      `逾期未提出的，视为放弃上述权利。</p>`,
    `<p class="para">联系人：${fill(officerNames(v.officers), 8)}\u3000联系电话：${fill('', 8)}</p>`,
  ];
  const receipt =
    sealBlock(v.header.agency, v.date) +
    '<div class="sign-block">' +
    signatureLine(v.signatures.party, ctx, '当事人签收') +
    '</div>';
  return titleBlock(v.header, { number: true }) + keepLastWith(blocks, receipt);
}
