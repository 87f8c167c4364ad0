/** The HTML of the forms: escaped values, blanks, the copy mark, QR and running header. */
import { buildView, documentEntries, type DocumentSource } from '../../shared/documents/build';
import { renderDocumentHtml } from '../../shared/documents/render';
import type { DocumentView } from '../../shared/documents/view';
import { AGENCY, caseRecord, IDS, signaturePng, spotCheckRecord } from './documents-fixtures';

const QR = 'data:image/svg+xml;base64,PHN2Zy8+';

function source(over: Parameters<typeof caseRecord>[0] = () => {}): DocumentSource {
  return {
    ownerType: 'case',
    input: { record: caseRecord(over), agencyName: AGENCY, numberOf: () => '' },
  };
}

function render(v: DocumentView, copy = false, images: Record<string, string> = {}): string {
  return renderDocumentHtml(v, { qrDataUri: QR, payload: 'FC1;test', copy, images });
}

/** The text a reader sees: tags, the style element and entities aside. */
function visibleText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&[a-z#0-9]+;/g, ' ');
}

describe('form HTML', () => {
  it('escapes what the record says, everywhere it is printed', () => {
    const evil = '<img src=x onerror=alert(1)>"\'&';
    const src = source((d) => {
      d.cause = evil;
      d.facts = evil;
      const p = d.parties[0];
      if (p) p.name = evil;
      const q = d.inquiries[0];
      if (q) q.intervieweeName = `</style><script>alert(1)</script>`;
    });
    for (const e of documentEntries(src)) {
      const html = render(buildView(src, e.kind, e.itemId) as DocumentView);
      expect(html).not.toContain('<img src=x');
      expect(html).not.toContain('<script');
      expect(html.match(/<\/style>/g)).toHaveLength(1);
    }
  });

  it('runs no script and loads nothing', () => {
    const html = render(buildView(source(), 'penaltyDecision', '') as DocumentView);
    expect(html).toContain(
      'content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;',
    );
    expect(html).not.toMatch(/<script|https?:\/\//);
  });

  it('marks a copy on every page and not an original', () => {
    const v = buildView(source(), 'penaltyNotice', '') as DocumentView;
    expect(render(v, false)).not.toContain('副本');
    const copy = render(v, true);
    expect(copy).toContain('class="copy-mark"');
    expect(copy).toMatch(/@top-left \{ content: "副\u3000本"/);
  });

  it('puts the QR code in the top margin of every page', () => {
    const html = render(buildView(source(), 'filingApproval', '') as DocumentView);
    expect(html).toContain(`@top-right { content: url("${QR}")`);
  });

  it('gives the 询问笔录 a running header from its second page', () => {
    const html = render(buildView(source(), 'inquiryRecord', IDS.inquiry) as DocumentView);
    expect(html).toContain('@top-center { content: "询问笔录（续）\u3000被询问人：王建国');
    expect(html).toContain('@page :first { @top-center { content: none; } }');
  });

  it('places a signature image, a refusal in words, or a line to sign', () => {
    const png = `data:image/png;base64,${signaturePng().toString('base64')}`;
    const sha = 'b'.repeat(64);
    const src = source((d) => {
      const s = d.signatures.find((x) => x.role === 'interviewee');
      if (s) s.attachmentSha256 = sha;
    });
    const inquiry = render(buildView(src, 'inquiryRecord', IDS.inquiry) as DocumentView, false, {
      [sha]: png,
    });
    expect(inquiry).toContain(`<img class="sig" src="${png}" alt="王建国">`);
    const onSite = visibleText(render(buildView(src, 'onSiteRecord', '') as DocumentView));
    expect(onSite).toContain(
      '当事人拒绝签字，理由：对检查结果有异议，见证人：刘强（沙岭街道工作人员）',
    );
    expect(render(buildView(src, 'onSiteRecord', '') as DocumentView)).toMatch(
      /执法人员（签名）：<\/span><span class="blank w8"><\/span>/,
    );
  });

  it('draws blank lines for a number and dates the record lacks', () => {
    const html = render(buildView(source(), 'penaltyDecision', '') as DocumentView);
    expect(html).toContain('<p class="doc-number"><span class="blank w12"></span></p>');
    const text = visibleText(html);
    expect(text).not.toMatch(/undefined|null|NaN|\{\{|待填写|N\/A/);
  });

  it('writes the amounts with capitals in the decision when no decision text was written', () => {
    const src = source((d) => {
      d.decision.content = '';
    });
    const text = visibleText(render(buildView(src, 'penaltyDecision', '') as DocumentView));
    expect(text).toContain('罚款人民币72,900.00元（大写：柒万贰仟玖佰元整）');
    expect(text).toContain('没收违法所得人民币6,320.50元（大写：陆仟叁佰贰拾元伍角）');
    expect(text).toContain('没收不合格电线电缆120卷');
  });
});

describe('监督检查抽样单 samplers', () => {
  it('gives a sampler without a credential number a blank line, not empty brackets', () => {
    const record = spotCheckRecord();
    record.data.samplers = [
      { name: '张三', credentialNumber: '' },
      { name: '赵六', credentialNumber: 'LN-2101-0002' },
    ];
    const src: DocumentSource = {
      ownerType: 'spotCheck',
      input: { record, agencyName: AGENCY, categoryName: '建材' },
    };
    const html = render(buildView(src, 'samplingSheet', '') as DocumentView);
    const line = /抽样人员（签名）：(.*?)<\/p>/.exec(html)?.[1] ?? '';
    expect(line).not.toContain('（）');
    expect(line).toBe(
      '张三（<span class="blank w6"></span>）、赵六（<span class="filled">LN-2101-0002</span>）',
    );
  });
});
