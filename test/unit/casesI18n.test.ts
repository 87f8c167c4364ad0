/**
 * Every code the case screens put into words has its label in both languages: stages,
 * steps, levels, sources, kinds, deadline states and timeline kinds come from the shared
 * tables, and a missing label would show the raw key to the inspector.
 */
import { CASE_STAGES, CASE_TRANSITIONS, APPROVAL_LEVELS } from '../../shared/domain/case/stages';
import {
  CASE_SOURCES,
  EVIDENCE_KINDS,
  MEASURE_KINDS,
  PARTY_KINDS,
} from '../../shared/schemas/case';
import { CASE_SORTS, TIMELINE_KINDS } from '../../shared/api/caseContract';
import { RESOURCES, type Locale } from '../../shared/i18n/translate';

const lookup = (locale: Locale, key: string): unknown =>
  key
    .split('.')
    .reduce<unknown>(
      (node, part) =>
        node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined,
      RESOURCES[locale],
    );

const tables: [string, readonly string[]][] = [
  ['cases.stages', CASE_STAGES],
  ['cases.stagesShort', CASE_STAGES],
  ['cases.transitions', CASE_TRANSITIONS],
  ['cases.transitionActions', CASE_TRANSITIONS],
  ['cases.levels', ['handler', ...APPROVAL_LEVELS]],
  ['cases.decisions', ['request', 'approve', 'return']],
  ['cases.outcomes', ['pending', 'approved', 'returned']],
  ['cases.sources', ['', ...CASE_SOURCES]],
  ['cases.partyKinds', PARTY_KINDS],
  ['cases.evidenceKinds', EVIDENCE_KINDS],
  ['cases.measureKinds', MEASURE_KINDS],
  ['cases.deadlineStates', ['ok', 'warning', 'overdue']],
  ['cases.sorts', CASE_SORTS],
  ['cases.timeline.kinds', TIMELINE_KINDS],
];

describe.each(['zh-CN', 'en'] as const)('case labels in %s', (locale) => {
  it.each(tables)('%s has a label for every code', (table, codes) => {
    const missing = codes.filter((code) => {
      const label = lookup(locale, `${table}.${code}`);
      return typeof label !== 'string' || label === '';
    });
    expect(missing).toEqual([]);
  });
});
