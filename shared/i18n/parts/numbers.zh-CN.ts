/** Messages about document numbers (文书字号). */
export const numbersZh = {
  numbers: {
    title: '文书字号',
    remaining: '{{docType}}：本机剩余 {{remaining}} 个文号',
    low: '{{docType}}的文号即将用完（剩余 {{remaining}} 个），下次联网同步时会自动领取新的文号段。',
    emptyNow: '{{docType}}的文号已用完。',
    whenEmpty:
      '{{docType}}的文号用完后：文书仍可预览，文号显示为“待编号”；须在下次联网同步、领取新的文号段后才能编号并打印正式文书。',
    empty:
      '本机的“{{docType}}”文号已用完，暂不能编号。文书可先预览（文号显示为“待编号”），联网同步领取新的文号段后再编号、打印。',
    pending: '待编号',
    notYet:
      '“{{docType}}”在案件进入“{{stage}}”阶段后才编文书字号；此前打印的是草稿，文号处留空待手写，不占用文号。',
    notYetEnded: '案件已终结，“{{docType}}”不再编文书字号；打印件文号处留空。',
    notEditor: '“{{docType}}”尚未编文书字号，只有能修改本案的承办人才能编号并打印。',
    wrongOwner: '该文书不属于这类记录，不能编号。',
    notEnrolled: '本机尚未登记到单位服务器，不能领取文号。请在“本机设置 → 数据同步”中登记。',
    offline: '连接不上单位服务器，暂不能领取文号，请联网后重试。',
    refilling: '正在领取…',
    refill: '立即领取文号',
  },
};
