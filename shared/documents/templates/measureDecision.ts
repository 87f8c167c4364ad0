/**
 * 查封(扣押)决定书 with its 涉案物品清单 on a page of its own. The decision states what the law
 * requires of it (行政强制法 art. 24): the party, the reason, basis and period, the goods, how
 * to appeal, the agency and the date. The goods table repeats its header on every page.
 */
import { cell, esc, fill } from '../html';
import { partyPronoun } from '../labels';
import type { MeasureDecisionView } from '../view';
import {
  keepLastWith,
  partyLetterBlock,
  sealBlock,
  signatureLine,
  titleBlock,
  type TemplateContext,
} from './parts';

function caseClause(cause: string): string {
  if (!cause) return `本局在办理${fill('', 12)}一案过程中`;
  return `本局在办理${esc(cause)}${cause.endsWith('案') ? '' : '一案'}过程中`;
}

function goodsTable(v: MeasureDecisionView): string {
  const rows = v.items
    .map(
      (g) =>
        `<tr><td>${cell(g.no)}</td><td>${cell(g.name)}</td><td>${cell(g.spec)}</td>` +
        `<td>${cell(g.quantity)}</td><td>${cell(g.unit)}</td><td>${cell(g.value)}</td>` +
        `<td>${cell(g.note)}</td></tr>`,
    )
    .join('');
  // Room to add lines by hand when the list is short or empty.
  const spare = Math.max(0, 5 - v.items.length);
  const empty = '<tr><td>&#8203;</td><td></td><td></td><td></td><td></td><td></td><td></td></tr>';
  return (
    '<table class="form goods"><colgroup><col style="width:9%"><col style="width:25%">' +
    '<col style="width:16%"><col style="width:10%"><col style="width:9%"><col style="width:15%">' +
    '<col style="width:16%"></colgroup>' +
    '<thead><tr><th>序号</th><th>物品名称</th><th>规格型号</th><th>数量</th><th>单位</th>' +
    '<th>货值（元）</th><th>备注</th></tr></thead><tbody>' +
    rows +
    empty.repeat(spare) +
    `<tr><th colspan="5">合计</th><td colspan="2">${cell(v.totalValue)}</td></tr>` +
    '</tbody></table>'
  );
}

export function measureDecisionBody(v: MeasureDecisionView, ctx: TemplateContext): string {
  const you = partyPronoun(v.parties[0]?.kind ?? '');
  const m = esc(v.measure);
  const blocks = [
    `<p class="para">${caseClause(v.cause)}，发现${you}的下列财物涉嫌违法。` +
      `依据${fill('', 16)}的规定，本局决定对${you}的下列财物实施${m}，` +
      `财物的名称、数量详见所附《涉案物品清单》。</p>`,
    `<p class="para">${m}地点：${fill(v.place, 16)}。</p>`,
    `<p class="para">${m}期限：自${fill(v.startDate, 8)}起至${fill(v.endDate, 8)}止。` +
      `${m}期间，未经本局同意，不得擅自动用、转移、损毁、隐匿、变卖被${m}的财物。</p>`,
    `<p class="para">${you}如不服本决定，可以在收到本决定书之日起六十日内向${fill('', 12)}` +
      `申请行政复议；也可以在六个月内依法向${fill('', 10)}人民法院提起行政诉讼。</p>`,
  ];
  const decision =
    titleBlock(v.header, { number: true }) +
    partyLetterBlock(v.parties) +
    keepLastWith(blocks, sealBlock(v.header.agency, v.startDate));
  const list =
    '<div class="break-before">' +
    `<h1 class="title">涉案物品清单</h1>` +
    `<p class="doc-number">（${esc(v.measure)}决定书 ${fill(v.header.documentNumber, 12)} 附件）</p>` +
    goodsTable(v) +
    '<div class="sign-block">' +
    signatureLine(v.signatures.party, ctx) +
    signatureLine(v.signatures.officers, ctx) +
    '</div></div>';
  return decision + list;
}
