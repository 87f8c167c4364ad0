/** 现场检查笔录: the particulars in a table, the notice given, the findings, the signatures. */
import { cell, esc, fill, paragraphBlocks } from '../html';
import type { OnSiteRecordView } from '../view';
import {
  blankLines,
  keepLastWith,
  officerList,
  partyCode,
  partyNames,
  signatureLine,
  titleBlock,
  type TemplateContext,
} from './parts';

export function onSiteRecordBody(v: OnSiteRecordView, ctx: TemplateContext): string {
  const party = v.parties[0];
  const code = party ? partyCode(party) : { label: '统一社会信用代码', value: '' };
  const time = v.startedAt
    ? `${esc(v.startedAt)} 至 ${fill(v.endedAt, 6)}`
    : `${fill('', 10)} 至 ${fill('', 6)}`;
  const table =
    '<table class="form"><colgroup><col style="width:22%"><col style="width:30%">' +
    '<col style="width:18%"><col style="width:30%"></colgroup>' +
    `<tr><th>检查时间</th><td colspan="3">${time}</td></tr>` +
    `<tr><th>检查地点</th><td colspan="3">${cell(v.place)}</td></tr>` +
    `<tr><th>当事人</th><td colspan="3">${cell(partyNames(v.parties))}</td></tr>` +
    `<tr><th>${esc(code.label)}</th><td colspan="3">${cell(code.value)}</td></tr>` +
    `<tr><th>住所（住址）</th><td colspan="3">${cell(party?.address ?? '')}</td></tr>` +
    `<tr><th>法定代表人（负责人）</th><td>${cell(party?.legalRepresentative ?? '')}</td>` +
    `<th>联系电话</th><td>${cell(party?.phone ?? '')}</td></tr>` +
    `<tr><th>检查人员</th><td colspan="3">${officerList(v.officers)}</td></tr>` +
    `<tr><th>在场人员</th><td colspan="3">${cell(v.present)}</td></tr>` +
    '</table>';
  const notice =
    `<p class="para">告知：我们是${fill(v.header.agency, 12)}的执法人员，已向你出示执法证件。` +
    '现依法进行现场检查，请予配合。你有权进行陈述和申辩；如认为执法人员与本案有直接利害关系，' +
    '可以申请回避。</p>';
  const findings = v.findings.trim() ? paragraphBlocks(v.findings) : [blankLines(8)];
  const closing =
    '<p class="para">以上笔录已经当事人核对无误。</p>' +
    '<div class="sign-block">' +
    signatureLine(v.signatures.party, ctx) +
    signatureLine(v.signatures.officers, ctx) +
    signatureLine(v.signatures.witness, ctx) +
    '</div>';
  return (
    titleBlock(v.header, { number: false }) +
    table +
    notice +
    '<p class="label">现场检查情况：</p>' +
    keepLastWith(findings, closing)
  );
}
