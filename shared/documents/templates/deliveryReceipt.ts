/** 送达回证: what was served on whom, where, how and when, with the recipient's signature. */
import { cell, dateOrBlank, esc, fill } from '../html';
import type { DeliveryReceiptView } from '../view';
import { officerNames, signatureCell, titleBlock, type TemplateContext } from './parts';

export function deliveryReceiptBody(v: DeliveryReceiptView, ctx: TemplateContext): string {
  const served = `《${esc(v.served.title)}》${fill(v.served.documentNumber, 12)}`;
  const recipient = v.signatures.recipient;
  const recipientDate = v.deliveredAt || recipient.signatures[0]?.date || '';
  const officers = signatureCell(v.signatures.officers, ctx) || esc(officerNames(v.officers));
  return (
    titleBlock(v.header, { number: false }) +
    '<table class="form"><colgroup><col style="width:26%"><col style="width:74%"></colgroup>' +
    `<tr><th>案由</th><td>${cell(v.cause)}</td></tr>` +
    `<tr><th>送达文书名称及文号</th><td>${served}</td></tr>` +
    `<tr><th>受送达人</th><td>${cell(v.recipient)}</td></tr>` +
    `<tr><th>送达地点</th><td>${cell(v.address)}</td></tr>` +
    `<tr><th>送达方式</th><td>${cell(v.method)}</td></tr>` +
    `<tr><th>送达时间</th><td>${dateOrBlank(v.deliveredAt)}</td></tr>` +
    `<tr><th>受送达人签名（盖章）</th><td class="opinion">${signatureCell(recipient, ctx)}` +
    `<div class="opinion-sign">${dateOrBlank(recipientDate)}</div></td></tr>` +
    `<tr><th>送达人签名</th><td class="opinion">${officers}` +
    `<div class="opinion-sign">${dateOrBlank(v.deliveredAt)}</div></td></tr>` +
    `<tr><th>见证人签名</th><td class="opinion">${signatureCell(v.signatures.witness, ctx)}` +
    `<div class="opinion-sign">${dateOrBlank(v.signatures.witness.signatures[0]?.date ?? '')}</div></td></tr>` +
    '<tr><th>备注</th><td class="tall"></td></tr>' +
    '</table>'
  );
}
