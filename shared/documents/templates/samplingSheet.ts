/**
 * 监督检查抽样单: one dense table on one page, as the samplers fill it on site — task, sampled
 * unit, named producer, sample, seals — then both sides' signatures.
 */
import { cell, dateOrBlank, esc, fill } from '../html';
import type { SamplingSheetView } from '../view';
import { signatureCell, titleBlock, type TemplateContext } from './parts';

/** One row of label/value pairs; a pair's span counts value columns (three a row). */
type Pair = [label: string, value: string, span?: 1 | 3 | 5];

function row(pairs: readonly Pair[]): string {
  return pairs
    .map(([label, value, span = 1]) => {
      const colspan = span > 1 ? ` colspan="${span}"` : '';
      return `<th>${esc(label)}</th><td${colspan}>${cell(value)}</td>`;
    })
    .join('');
}

function group(name: string, rows: readonly (readonly Pair[])[]): string {
  return rows
    .map(
      (r, i) =>
        `<tr>${i === 0 ? `<th class="group" rowspan="${rows.length}">${esc(name)}</th>` : ''}${row(r)}</tr>`,
    )
    .join('');
}

export function samplingSheetBody(v: SamplingSheetView, ctx: TemplateContext): string {
  const { task: t, sampledUnit: u, producer: p, sample: s, seals } = v;
  // A sampler without a credential number gets a line to write it on, not empty brackets.
  const samplers = v.samplers
    .map((o) => `${esc(o.name)}（${fill(o.credentialNumber, 6)}）`)
    .join('、');
  const table =
    '<table class="form dense"><colgroup><col style="width:6%">' +
    '<col style="width:13%"><col style="width:18.3%"><col style="width:13%">' +
    '<col style="width:18.3%"><col style="width:13%"><col style="width:18.4%"></colgroup>' +
    group('任务信息', [
      [
        ['任务来源', t.source],
        ['任务编号', t.number],
        ['抽样类型', t.samplingType],
      ],
      [
        ['部署机构', t.organizingDepartment],
        ['检验机构', t.testingInstitution],
        ['抽样环节', t.link],
      ],
      [
        ['产品类别', t.category],
        ['抽样地点', t.place, 3],
      ],
      [['抽样目的', t.purpose, 5]],
    ]) +
    group('受检单位', [
      [
        ['单位名称', u.name, 3],
        ['所在地区', u.region],
      ],
      [
        ['单位地址', u.address, 3],
        ['年销售额', u.annualSales],
      ],
      [
        ['统一社会信用代码', u.creditCode],
        ['许可证类型及编号', u.licence, 3],
      ],
      [
        ['法定代表人', u.legalRepresentative],
        ['联系人', u.contactPerson],
        ['联系电话', u.contactPhone],
      ],
    ]) +
    group('标称生产者', [
      [
        ['名称', p.name, 3],
        ['许可证编号', p.licenceNumber],
      ],
      [
        ['地址', p.address, 3],
        ['联系人', p.contactPerson],
      ],
      [
        ['受托生产企业', p.entrustedProducer, 3],
        ['联系电话', p.contactPhone],
      ],
    ]) +
    group('样品信息', [
      [
        ['样品名称', s.name],
        ['商标', s.trademark],
        ['规格型号', s.specification],
      ],
      [
        ['生产日期', s.productionDate],
        ['批号', s.batchNumber],
        ['保质期', s.shelfLife],
      ],
      [
        ['样品类型', s.sampleType],
        ['样品来源', s.sampleSource],
        ['样品属性', s.sampleAttribute],
      ],
      [
        ['包装', s.packaging],
        ['质量等级', s.qualityGrade],
        ['单价', s.unitPrice],
      ],
      [
        ['是否进口', s.imported],
        ['原产地', s.origin],
        ['样品形态', s.sampleForm],
      ],
      [
        ['执行标准', s.executedStandard, 3],
        ['储存条件', s.storageConditions],
      ],
      [
        ['抽样日期', s.samplingDate],
        ['抽样方法', s.samplingMethod],
        ['抽样工具', s.samplingTools],
      ],
      [
        ['抽样基数', s.samplingBase],
        ['抽样数量', s.sampleQuantity],
        ['备样数量', s.backupQuantity],
      ],
      [['备注', s.remarks, 5]],
    ]) +
    group('封样', [
      [
        ['检验样品封条编号', seals.testSample],
        ['备份样品封条编号', seals.backupSample],
        ['封样状态', seals.state],
      ],
      [['封样说明', seals.note, 5]],
    ]) +
    '<tr><td colspan="4" class="sign-cell">' +
    `<p>抽样人员（签名）：${samplers}</p>` +
    `<p>${signatureCell(v.signatures.samplers, ctx)}</p>` +
    `<p>日期：${dateOrBlank(s.samplingDate)}</p></td>` +
    '<td colspan="3" class="sign-cell">' +
    '<p>受检单位对抽样过程、样品封存状态及上述内容无异议。</p>' +
    `<p>受检单位（签名/盖章）：${signatureCell(v.signatures.party, ctx)}</p>` +
    `<p>职务：${fill(v.signatory.position, 4)}\u3000电话：${fill(v.signatory.phone, 6)}</p>` +
    `<p>日期：${dateOrBlank(v.signatures.party.signatures[0]?.date ?? '')}</p></td></tr>` +
    '</table>';
  return (
    titleBlock(v.header, { number: false, agency: false }) +
    `<p class="doc-number">抽样单编号：${fill(v.recordNumber, 10)}</p>` +
    table
  );
}
