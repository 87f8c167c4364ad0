/**
 * The page of every form, after GB/T 9704-2012: A4, top margin 37 mm, binding (left) margin
 * 28 mm, text block 156 × 225 mm (so right 26 mm, bottom 35 mm); body 3号 (16 pt) 仿宋 on a
 * 22-line grid (225 mm / 22 ≈ 28.9 pt a line); titles 2号 (22 pt) 小标宋; page numbers 4号
 * (14 pt) 宋体 below the text block. Tables of the enforcement forms use 小四 (12 pt), the dense
 * 抽样单 小五 (9 pt), so a form fits its page as the agency's printed samples do.
 *
 * Windows fonts are named first; Noto CJK serif is the fallback where they are missing. The
 * title face is declared once so 小标宋 is used as it is and only the fallback is bold.
 */
import { BLANK_WIDTHS, cssString } from './html';

const BODY_FONTS = `"仿宋_GB2312", "仿宋", FangSong, "FangSong_GB2312", "Noto Serif CJK SC", serif`;
const SONG_FONTS = `"宋体", SimSun, "Noto Serif CJK SC", serif`;
const HEI_FONTS = `"黑体", SimHei, "Noto Sans CJK SC", sans-serif`;
const TITLE_FONTS = `"FC Title", "Noto Serif CJK SC", serif`;

const BASE = `
@font-face {
  font-family: "FC Title";
  src: local("方正小标宋简体"), local("FZXiaoBiaoSong-B05S"), local("Noto Serif CJK SC Bold"),
    local("NotoSerifCJKsc-Bold");
}
@page {
  size: A4;
  margin: 37mm 26mm 35mm 28mm;
  @bottom-center {
    content: "第 " counter(page) " 页 共 " counter(pages) " 页";
    font-family: ${SONG_FONTS};
    font-size: 14pt;
    vertical-align: top;
    padding-top: 7mm;
  }
}
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0;
  color: #000;
  font-family: ${BODY_FONTS};
  font-size: 16pt;
  line-height: 28.9pt;
  text-align: left;
  overflow-wrap: anywhere;
}
p { margin: 0; }
.agency, .title {
  font-family: ${TITLE_FONTS};
  font-weight: normal;
  font-size: 22pt;
  line-height: 1.45;
  text-align: center;
  margin: 0;
  letter-spacing: 0.05em;
}
.title { margin-bottom: 4mm; }
.doc-number { text-align: right; margin: -2mm 0 4mm; }
.doc-number.small { font-size: 12pt; line-height: 1.5; margin: -2mm 0 2mm; }
.para { text-indent: 2em; }
.label { font-family: ${HEI_FONTS}; font-size: 15pt; }
.blank {
  display: inline-block;
  height: 1em;
  vertical-align: -0.2em;
  border-bottom: 0.75pt solid #000;
}
${Array.from({ length: BLANK_WIDTHS }, (_, i) => `.w${i + 1} { width: ${i + 1}em; }`).join('\n')}
.date-blank .gap { display: inline-block; width: 2em; }
.blank-lines { display: block; }
.blank-lines .line { display: block; height: 28.9pt; border-bottom: 0.75pt solid #000; }
table.form {
  width: 100%;
  border-collapse: collapse;
  table-layout: fixed;
  font-size: 12pt;
  line-height: 1.4;
  margin: 0 0 4mm;
}
table.form th, table.form td {
  border: 0.75pt solid #000;
  padding: 1mm 1.5mm;
  vertical-align: middle;
  text-align: left;
}
table.form th { font-weight: normal; text-align: center; }
table.form td.tall { height: 26mm; vertical-align: top; }
table.form td.opinion { height: 19mm; vertical-align: top; }
table.form tr { break-inside: avoid; }
table.form thead { display: table-header-group; }
table.form thead th { font-family: ${HEI_FONTS}; }
.opinion-sign { text-align: right; margin-top: 3mm; }
.opinion-sign .opinion-date { margin-left: 1.5em; }
.keep { break-inside: avoid; }
.break-before { break-before: page; }
.seal-block { text-align: right; margin-top: 8mm; padding-right: 2em; }
.sign-block { break-inside: avoid; margin-top: 6mm; }
.sign-row { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 2mm 6mm; margin-top: 3mm; }
.sign-who { white-space: nowrap; }
.sig { height: 14mm; max-width: 50mm; vertical-align: bottom; }
.refusal { font-size: 14pt; line-height: 1.5; }
.qa p.q, .qa p.a { padding-left: 2em; text-indent: -2em; }
.qa .q .mark, .qa .a .mark { font-family: ${HEI_FONTS}; }
.notes { font-size: 12pt; line-height: 1.6; margin-top: 4mm; }
.copy-mark {
  position: fixed;
  top: 85mm;
  left: 0;
  width: 156mm;
  text-align: center;
  font-family: ${HEI_FONTS};
  font-size: 110pt;
  color: rgba(200, 0, 0, 0.13);
  transform: rotate(-30deg);
  z-index: -1;
  letter-spacing: 0.3em;
}
.screen-only { display: none; }
@media screen {
  html { background: #e6e6e6; }
  body {
    width: 156mm;
    min-height: 225mm;
    margin: 8mm auto;
    padding: 37mm 26mm 35mm 28mm;
    background: #fff;
    box-shadow: 0 1px 6px rgba(0, 0, 0, 0.25);
    position: relative;
  }
  .copy-mark { position: absolute; top: 120mm; left: 28mm; }
  .screen-only { display: block; }
  .screen-decor { position: absolute; top: 8mm; right: 26mm; left: 28mm; height: 26mm; }
  .screen-decor .qr { position: absolute; right: 0; top: 0; width: 24mm; height: 24mm; }
  .screen-decor .copy-badge { position: absolute; left: 0; top: 6mm; }
}
.copy-badge {
  color: #c00;
  border: 1.5pt solid #c00;
  padding: 0 3mm;
  font-family: ${HEI_FONTS};
  font-size: 16pt;
  letter-spacing: 0.3em;
}
`;

const SAMPLING = `
table.form.dense { font-size: 9pt; line-height: 1.35; margin-bottom: 0; }
table.form.dense th, table.form.dense td { padding: 0.8mm 1.2mm; }
table.form.dense th.group {
  writing-mode: vertical-rl;
  letter-spacing: 0.2em;
  font-family: ${HEI_FONTS};
}
table.form.dense td.sign-cell { height: 24mm; vertical-align: top; }
body.dense .title { margin-bottom: 1mm; }
body.dense .doc-number { margin: 0 0 1.5mm; font-size: 12pt; line-height: 1.5; }
`;

export interface PageDecor {
  /** The QR code as a data: URI, printed in the top-right margin of every page. */
  qrDataUri: string;
  copy: boolean;
  /** Shown above the text from the second page on (who a 询问笔录 page belongs to). */
  runningHeader: string;
  dense: boolean;
}

/** The page rules that depend on this print: the QR code, the copy mark, the running header. */
function decorCss(d: PageDecor): string {
  const rules = [
    `@top-right { content: url(${cssString(d.qrDataUri)}); vertical-align: bottom; text-align: right; padding-bottom: 3mm; }`,
  ];
  if (d.copy) {
    rules.push(
      `@top-left { content: "副\u3000本"; color: #c00; font-family: ${HEI_FONTS}; font-size: 16pt; vertical-align: bottom; padding-bottom: 8mm; }`,
    );
  }
  if (d.runningHeader) {
    rules.push(
      `@top-center { content: ${cssString(d.runningHeader)}; font-family: ${SONG_FONTS}; font-size: 10.5pt; vertical-align: bottom; padding-bottom: 3mm; }`,
    );
  }
  const first = d.runningHeader ? '@page :first { @top-center { content: none; } }' : '';
  return `@page { ${rules.join(' ')} }\n${first}`;
}

export function documentCss(d: PageDecor): string {
  return `${BASE}${d.dense ? SAMPLING : ''}${decorCss(d)}`;
}
