/**
 * 询问笔录: the particulars, the notice of rights, then 问 / 答 in order. Pages after the first
 * carry a running header naming the interviewee (see runningHeader), so a loose page can be
 * put back; the closing confirmation is kept with the signatures.
 */
import { cell, esc, fill, lines } from '../html';
import type { InquiryRecordView } from '../view';
import {
  blankLines,
  keepLastWith,
  officerList,
  officerNames,
  signatureLine,
  titleBlock,
  type TemplateContext,
} from './parts';

export function inquiryRunningHeader(v: InquiryRecordView): string {
  const who = v.interviewee.name ? `被询问人：${v.interviewee.name}` : '';
  return [`${v.header.title}（续）`, who, v.startedAt].filter((s) => s !== '').join('　');
}

function qaBlocks(v: InquiryRecordView): string[] {
  if (v.qa.length === 0) return [blankLines(12)];
  return v.qa.map(
    (p) =>
      `<p class="q"><span class="mark">问：</span>${lines(p.q)}</p>` +
      `<p class="a"><span class="mark">答：</span>${lines(p.a)}</p>`,
  );
}

export function inquiryRecordBody(v: InquiryRecordView, ctx: TemplateContext): string {
  const iv = v.interviewee;
  const time = v.startedAt
    ? `${esc(v.startedAt)} 至 ${fill(v.endedAt, 6)}`
    : `${fill('', 10)} 至 ${fill('', 6)}`;
  const table =
    '<table class="form"><colgroup><col style="width:19%"><col style="width:31%">' +
    '<col style="width:19%"><col style="width:31%"></colgroup>' +
    `<tr><th>询问时间</th><td colspan="3">${time}</td></tr>` +
    `<tr><th>询问地点</th><td colspan="3">${cell(v.place)}</td></tr>` +
    `<tr><th>询问人</th><td colspan="3">${officerList(v.officers)}</td></tr>` +
    `<tr><th>记录人</th><td colspan="3">${cell(v.recorder)}</td></tr>` +
    `<tr><th>被询问人</th><td>${cell(iv.name)}</td><th>性别</th><td>${cell(iv.gender)}</td></tr>` +
    `<tr><th>身份证号码</th><td colspan="3">${cell(iv.idNumber)}</td></tr>` +
    `<tr><th>工作单位</th><td>${cell(iv.employer)}</td><th>职务</th><td>${cell(iv.position)}</td></tr>` +
    `<tr><th>联系电话</th><td>${cell(iv.phone)}</td><th>住址</th><td>${cell(iv.address)}</td></tr>` +
    '</table>';
  const names = officerNames(v.officers);
  const notice =
    `<p class="para">告知：我们是${fill(v.header.agency, 12)}的执法人员${names ? esc(names) : fill('', 8)}，` +
    '已向你出示执法证件。现就有关问题依法向你询问，你应当如实回答，不得作伪证或者隐匿证据。' +
    '你有陈述和申辩的权利；如认为执法人员与本案有直接利害关系，可以申请回避。你听清楚了吗？</p>';
  const closing =
    '<p class="para">以上笔录我已看过（或已向我宣读），与我所说的相符。</p>' +
    '<div class="sign-block">' +
    signatureLine(v.signatures.interviewee, ctx) +
    signatureLine(v.signatures.officers, ctx) +
    '</div>';
  return (
    titleBlock(v.header, { number: false }) +
    table +
    notice +
    `<div class="qa">${keepLastWith(qaBlocks(v), closing)}</div>` +
    ''
  );
}
