import type { caseRuleZh } from './caseRule.zh-CN';
import type { Widen } from '../widen';

export const caseRuleEn: Widen<typeof caseRuleZh> = {
  caseRule: {
    terminal: 'The case is finished ({{stage}}); it can no longer be worked on or changed.',
    illegal: '“{{transition}}” is not possible in the current stage ({{stage}}).',
    pending:
      '“{{step}}” is waiting for approval; other steps wait until it is approved or returned.',
    incomplete: 'Fill in the following before taking this step.',
    statementWindowOpen:
      'The statement and defence period runs until {{end}}; no decision before it ends unless the party waived it in writing.',
    noPending: 'Nothing in this case is waiting for approval.',
    wrongStep: 'The step waiting for approval is “{{step}}”, not this one.',
    wrongLevel: 'This step is now waiting for the “{{level}}” signature.',
    stale:
      'The case changed after it was sent for approval (now revision {{rev}}); review the latest content.',
    locked: '“{{field}}” is settled in the current stage ({{stage}}) and can no longer change.',
    numberFixed:
      'This form already has its document number ({{number}}); a number once given cannot be changed or removed.',
    opinionRequired: 'Enter the case officer’s opinion.',
    commentRequired: 'Give the reason for returning it.',
    needParty: 'Enter at least one party',
    needTwoOfficers: 'At least two officers with enforcement credentials are required',
    needEvidence: 'Record at least one piece of evidence (item, inquiry record or on-site record)',
    deliveredBeforeDecision: 'The delivery date cannot be before the decision date',
    approvedLocked: 'This record was approved and is locked; it cannot be changed.',
    spotCheckNotSubmitted: 'Only a submitted spot check waiting for review can be reviewed.',
    spotCheckNotFailed:
      'A case can be opened from a spot check only when its test result is “fail”.',
    alreadyOpened: 'A case was already opened from this spot check; open it from the case list.',
    factsFromSpotCheck:
      'On {{samplingDate}} the officers sampled {{sample}} (model: {{spec}}, batch: {{batch}}) at {{unit}}; {{lab}} tested it (report no. {{report}}) and found it non-conforming. Failed items: {{items}}',
    evidenceSamplingRecord: 'Spot-check sampling record (no. {{number}})',
  },
  perm: {
    roleCannot: 'Your role cannot do this.',
    notOwner: 'Only the officer who owns this record can change or submit it.',
    ownRecordReview: 'You cannot review a record you handle yourself.',
    otherUnit: 'This record does not belong to your unit.',
  },
};
