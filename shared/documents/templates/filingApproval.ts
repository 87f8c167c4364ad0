/** 立案审批表: the lead and the parties in a table, then 承办人 / 审核 / 审批 opinions. */
import { cell, esc, lines } from '../html';
import type { FilingApprovalView } from '../view';
import { approvalCell, officerNames, partyCode, partyNames, titleBlock } from './parts';

export function filingApprovalBody(v: FilingApprovalView): string {
  const party = v.parties[0];
  const code = party ? partyCode(party) : { label: '统一社会信用代码', value: '' };
  const source = [v.source, v.sourceRef].filter((s) => s !== '').join('：');
  const handlers = officerNames(v.officers) || v.approvals.handler.signer;
  return (
    titleBlock(v.header, { number: true, table: true }) +
    '<table class="form"><colgroup><col style="width:20%"><col style="width:30%">' +
    '<col style="width:20%"><col style="width:30%"></colgroup>' +
    `<tr><th>案件来源</th><td>${cell(source)}</td><th>发现（受理）日期</th><td>${cell(v.discoveredAt)}</td></tr>` +
    `<tr><th>案由</th><td colspan="3">${cell(v.cause)}</td></tr>` +
    `<tr><th>当事人</th><td colspan="3">${cell(partyNames(v.parties))}</td></tr>` +
    `<tr><th>${esc(code.label)}</th><td colspan="3">${cell(code.value)}</td></tr>` +
    `<tr><th>住所（住址）</th><td colspan="3">${cell(party?.address ?? '')}</td></tr>` +
    `<tr><th>法定代表人（负责人）</th><td>${cell(party?.legalRepresentative ?? '')}</td>` +
    `<th>联系电话</th><td>${cell(party?.phone ?? '')}</td></tr>` +
    `<tr><th>涉案产品</th><td colspan="3">${cell(v.product)}</td></tr>` +
    `<tr><th>简要案情</th><td colspan="3" class="tall">${lines(v.facts)}</td></tr>` +
    `<tr><th>涉嫌违反的规定</th><td colspan="3">${lines(v.legalBasis)}</td></tr>` +
    `<tr><th>承办人意见</th><td colspan="3" class="opinion">${approvalCell(v.approvals.handler, '承办人', handlers)}</td></tr>` +
    `<tr><th>审核意见</th><td colspan="3" class="opinion">${approvalCell(v.approvals.review, '审核人')}</td></tr>` +
    `<tr><th>审批意见</th><td colspan="3" class="opinion">${approvalCell(v.approvals.approve, '审批人')}</td></tr>` +
    '<tr><th>备注</th><td colspan="3"></td></tr>' +
    '</table>'
  );
}
