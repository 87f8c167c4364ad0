/**
 * Why the store refuses to open. These stop the app before any write, so a newer or damaged
 * database is never modified by this build; the message names both languages because it can
 * surface before the UI (and its i18n) is up.
 */
export type StoreOpenProblem =
  'corrupt' | 'newerSchema' | 'divergedSchema' | 'badMigrationList' | 'unknownDatabase';

export class StoreOpenError extends Error {
  readonly problem: StoreOpenProblem;

  constructor(problem: StoreOpenProblem, message: string) {
    super(message);
    this.name = 'StoreOpenError';
    this.problem = problem;
  }
}
