/** 结案审批表: the decision and its execution, then 承办人 / 审核 / 审批 opinions on closing. */
import { cell, esc, lines } from '../html';
import type { ClosingApprovalView } from '../view';
import { approvalCell, officerNames, partyNames, titleBlock } from './parts';
import { penaltyItems } from './penaltyText';

export function closingApprovalBody(v: ClosingApprovalView): string {
  const handlers = officerNames(v.officers) || v.approvals.handler.signer;
  const result = v.result.trim()
    ? lines(v.result)
    : penaltyItems(v.penalty)
        .map((l, i) => `${i + 1}. ${esc(l)}`)
        .join('<br>');
  return (
    titleBlock(v.header, { number: true, table: true }) +
    '<table class="form"><colgroup><col style="width:20%"><col style="width:30%">' +
    '<col style="width:20%"><col style="width:30%"></colgroup>' +
    `<tr><th>案由</th><td colspan="3">${cell(v.cause)}</td></tr>` +
    `<tr><th>当事人</th><td colspan="3">${cell(partyNames(v.parties))}</td></tr>` +
    `<tr><th>立案日期</th><td>${cell(v.filedAt)}</td><th>处罚决定日期</th><td>${cell(v.decidedAt)}</td></tr>` +
    `<tr><th>处罚决定书文号</th><td colspan="3">${cell(v.decisionNumber)}</td></tr>` +
    `<tr><th>处理结果</th><td colspan="3" class="tall">${result}</td></tr>` +
    `<tr><th>执行情况</th><td colspan="3" class="tall">${
      v.executedAt ? `${esc(v.executedAt)}执行完毕。<br>` : ''
    }${lines(v.execution)}</td></tr>` +
    `<tr><th>承办人意见</th><td colspan="3" class="opinion">${approvalCell(v.approvals.handler, '承办人', handlers)}</td></tr>` +
    `<tr><th>审核意见</th><td colspan="3" class="opinion">${approvalCell(v.approvals.review, '审核人')}</td></tr>` +
    `<tr><th>审批意见</th><td colspan="3" class="opinion">${approvalCell(v.approvals.approve, '审批人')}</td></tr>` +
    '<tr><th>备注</th><td colspan="3"></td></tr>' +
    '</table>'
  );
}
