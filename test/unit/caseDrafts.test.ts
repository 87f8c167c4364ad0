/**
 * The case form's pure parts: what a form opens with given a local copy, how an old copy is
 * completed, and how the core's data paths and rule messages read on screen.
 */
import i18next, { type TFunction } from 'i18next';
import { openDraft } from '../../renderer/features/drafts/openDraft';
import type { LocalCopy, LocalCopyStore } from '../../renderer/features/drafts/localCopy';
import { completeCaseData } from '../../renderer/features/cases/caseDrafts';
import {
  caseDataPath,
  casePathLabel,
  caseSectionOf,
} from '../../renderer/features/cases/casePaths';
import { localizeCaseMessage } from '../../renderer/features/cases/caseMessages';
import { emptyCaseData, type CaseData } from '../../shared/schemas/case';
import { RESOURCES } from '../../shared/i18n/translate';

/** An in-memory copy store that records what was cleared. */
function memoryCopies(copy: LocalCopy<CaseData> | null) {
  const cleared: string[] = [];
  const store: LocalCopyStore<CaseData> = {
    write: () => undefined,
    read: () => copy,
    clear: (id) => void cleared.push(id),
  };
  return { store, cleared };
}

const withCause = (cause: string): CaseData => ({ ...emptyCaseData(), cause });

describe('openDraft', () => {
  it('opens the stored case when there is no local copy', () => {
    const { store, cleared } = memoryCopies(null);
    const opened = openDraft(store, 'c1', withCause('A'), 3, true);
    expect(opened).toEqual({ initialValues: withCause('A'), restored: false, unapplied: false });
    expect(cleared).toEqual([]);
  });

  it('restores unsaved input of the same revision', () => {
    const { store } = memoryCopies({ values: withCause('typed'), revision: 3, at: '' });
    const opened = openDraft(store, 'c1', withCause('A'), 3, true);
    expect(opened.initialValues.cause).toBe('typed');
    expect(opened.restored).toBe(true);
  });

  it('merges a copy onto a case that moved on, keeping the change made elsewhere', () => {
    const base = withCause('A');
    const mine = { ...withCause('A'), facts: '现场发现' };
    const theirs = { ...withCause('B') };
    const { store } = memoryCopies({ values: mine, base, revision: 3, at: '' });
    const opened = openDraft(store, 'c1', theirs, 4, true);
    expect(opened.initialValues.cause).toBe('B');
    expect(opened.initialValues.facts).toBe('现场发现');
    expect(opened.restored).toBe(true);
  });

  it('keeps the copy but opens the stored case when the case no longer takes edits', () => {
    const { store, cleared } = memoryCopies({ values: withCause('typed'), revision: 3, at: '' });
    const opened = openDraft(store, 'c1', withCause('A'), 3, false);
    expect(opened).toEqual({ initialValues: withCause('A'), restored: false, unapplied: true });
    expect(cleared).toEqual([]);
  });

  it('clears a copy that holds nothing the store lacks', () => {
    const { store, cleared } = memoryCopies({ values: withCause('A'), revision: 3, at: '' });
    openDraft(store, 'c1', withCause('A'), 3, true);
    expect(cleared).toEqual(['c1']);
  });
});

describe('completeCaseData', () => {
  it('fills groups and fields an older copy lacks, and keeps what was typed even if invalid', () => {
    const done = completeCaseData({ cause: '案由', amounts: { fine: '12x' }, parties: [] });
    expect(done.cause).toBe('案由');
    expect(done.amounts).toEqual({
      goodsValue: '',
      illegalGains: '',
      fine: '12x',
      confiscation: '',
    });
    expect(done.onSite.findings).toBe('');
    expect(done.measures).toEqual([]);
  });

  it('gives the empty case for something that is not a copy', () => {
    expect(completeCaseData(null)).toEqual(emptyCaseData());
  });
});

describe('case paths and messages in words', () => {
  let t: TFunction;
  beforeAll(async () => {
    const i18n = i18next.createInstance();
    await i18n.init({
      resources: { 'zh-CN': { translation: RESOURCES['zh-CN'] } },
      lng: 'zh-CN',
      interpolation: { escapeValue: false },
    });
    t = i18n.t.bind(i18n);
  });

  it('reads the core paths of saves and guards', () => {
    expect(caseDataPath('data.parties.0.phone')).toBe('parties.0.phone');
    expect(caseDataPath('notice.deliveredAt')).toBe('notice.deliveredAt');
    expect(caseDataPath('data')).toBeNull();
    expect(caseDataPath('_')).toBeNull();
  });

  it('labels fields, list items and whole lists', () => {
    expect(casePathLabel(t, 'cause')).toBe('案由');
    expect(casePathLabel(t, 'notice.deliveredAt')).toBe('告知书送达日期');
    expect(casePathLabel(t, 'parties')).toBe('当事人');
    expect(casePathLabel(t, 'parties.1.phone')).toBe('当事人 2 · 联系电话');
    expect(casePathLabel(t, 'officers.0')).toBe('承办人 1');
  });

  it('finds the section a field is in', () => {
    expect(caseSectionOf('discoveredAt')).toBe('basic');
    expect(caseSectionOf('goods.2.name')).toBe('product');
    expect(caseSectionOf('notice.deliveredAt')).toBe('notice');
  });

  it('puts the codes a rule message carries into words', () => {
    const ref = localizeCaseMessage(t, {
      key: 'caseRule.illegal',
      params: { transition: 'decide', stage: 'investigating' },
    });
    expect(t(ref.key, ref.params)).toBe('当前阶段（已立案 · 调查取证）不能进行“处理决定”。');
    const locked = localizeCaseMessage(t, {
      key: 'caseRule.locked',
      params: { field: 'discoveredAt', stage: 'investigating' },
    });
    expect(locked.params).toEqual({ field: '发现线索/收到材料日期', stage: '已立案 · 调查取证' });
  });
});
