/** Messages of the case state machine and the permission rules (shared/domain). */
export const caseRuleZh = {
  caseRule: {
    terminal: '案件已终结（{{stage}}），不能再办理或修改。',
    illegal: '当前阶段（{{stage}}）不能进行“{{transition}}”。',
    pending: '“{{step}}”正在审批中，审批完成或退回后才能进行其他步骤。',
    incomplete: '办理该步骤前还需补全以下内容。',
    statementWindowOpen:
      '陈述、申辩期限至 {{end}} 届满，期满前不能作出处理决定（当事人书面放弃的除外）。',
    noPending: '该案件没有等待审批的步骤。',
    wrongStep: '等待审批的是“{{step}}”，不是此步骤。',
    wrongLevel: '该步骤现在等待“{{level}}”签署。',
    stale: '提交审批后案件内容又被修改（现为第 {{rev}} 版），请按最新内容重新审核。',
    locked: '“{{field}}”在当前阶段（{{stage}}）已确定，不能再修改。',
    numberFixed: '该文书已编文书字号（{{number}}），文号一经编定不能更改或删除。',
    opinionRequired: '请填写承办人意见。',
    commentRequired: '退回时请写明退回理由。',
    needParty: '至少填写一个当事人',
    needTwoOfficers: '至少需要两名持有执法证的承办人',
    needEvidence: '至少记录一项证据（证据材料、询问笔录或现场检查笔录）',
    deliveredBeforeDecision: '送达日期不能早于处理决定日期',
    approvedLocked: '该记录已审核通过并锁定，不能修改。',
    spotCheckNotSubmitted: '只有已提交、等待审核的抽样单才能审核。',
    spotCheckNotFailed: '只有检验结论为“不合格”的抽样单才能由此立案。',
    alreadyOpened: '该抽样单已立案（案件已存在），请在案件列表中打开。',
    factsFromSpotCheck:
      '{{samplingDate}}，执法人员在{{unit}}抽取{{sample}}（规格型号：{{spec}}，批号：{{batch}}），经{{lab}}检验（报告编号：{{report}}），检验结论为不合格。不合格项目：{{items}}',
    evidenceSamplingRecord: '监督抽查抽样单（编号：{{number}}）',
  },
  perm: {
    roleCannot: '您的角色无权进行此操作。',
    notOwner: '只有记录的承办人（创建者）可以修改或提交该记录。',
    ownRecordReview: '不能审核自己承办的记录。',
    otherUnit: '该记录不属于您的单位。',
  },
};
