/**
 * The server's error codes and per-mutation rejection reasons, with the Chinese text the app
 * shows. The server sends the text too, so a client older than a new code still says something
 * sensible; a client may prefer its own i18n keyed by code.
 */
export const SYNC_ERROR_CODES = [
  'BAD_REQUEST',
  'VALIDATION',
  'UNAUTHORIZED',
  'DEVICE_REVOKED',
  'FORBIDDEN',
  'NOT_FOUND',
  'GAP',
  'EPOCH_CHANGED',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'ENROLL_CODE_INVALID',
  'LOGIN_FAILED',
  'UNAVAILABLE',
  'INTERNAL',
  'UPLOAD_OFFSET',
  'HASH_MISMATCH',
  'FILE_TOO_LARGE',
  'FILE_NOT_REFERENCED',
  'FILE_NOT_UPLOADED',
  'NUMBER_BLOCK_LIMIT',
] as const;
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];

export const SYNC_ERROR_STATUS: Record<SyncErrorCode, number> = {
  BAD_REQUEST: 400,
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  DEVICE_REVOKED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  GAP: 409,
  EPOCH_CHANGED: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  ENROLL_CODE_INVALID: 400,
  LOGIN_FAILED: 401,
  UNAVAILABLE: 503,
  INTERNAL: 500,
  UPLOAD_OFFSET: 409,
  HASH_MISMATCH: 422,
  FILE_TOO_LARGE: 413,
  FILE_NOT_REFERENCED: 403,
  FILE_NOT_UPLOADED: 404,
  NUMBER_BLOCK_LIMIT: 409,
};

export const SYNC_ERROR_MESSAGES: Record<SyncErrorCode, string> = {
  BAD_REQUEST: '请求格式不正确：{{detail}}',
  VALIDATION: '请求内容有误，未处理。',
  UNAUTHORIZED: '未登记的设备或访问凭证无效，请重新登记本机。',
  DEVICE_REVOKED: '本机已被管理员停用，不能再同步数据。原因：{{reason}}。请联系本单位管理员。',
  FORBIDDEN: '无权访问该数据。',
  NOT_FOUND: '找不到请求的地址：{{detail}}',
  GAP: '同步序号不连续：服务器需要从第 {{expectedSeq}} 条开始接收，本批未处理。',
  EPOCH_CHANGED: '服务器数据已恢复或重建，请从头重新下载数据（本机未上传的修改会保留）。',
  PAYLOAD_TOO_LARGE: '本批数据过大（最多 {{maxMutations}} 条、{{maxBytes}} 字节），请分批上传。',
  RATE_LIMITED: '请求过于频繁，请在 {{retryAfter}} 秒后重试。',
  ENROLL_CODE_INVALID: '登记码无效、已使用或已过期，请向管理员重新申请。',
  LOGIN_FAILED: '用户名或密码不正确。',
  UNAVAILABLE: '服务器暂时不可用，请稍后重试。',
  INTERNAL: '服务器内部错误，请稍后重试。',
  UPLOAD_OFFSET: '上传位置不符：服务器已收到 {{offset}} 字节，请从该位置继续上传。',
  HASH_MISMATCH: '文件校验失败（SHA-256 与文件内容不符），已丢弃已上传的部分，请重新上传。',
  FILE_TOO_LARGE: '文件过大：每个文件最多 {{maxBytes}} 字节（20 MB）。',
  FILE_NOT_REFERENCED: '没有可访问的附件记录引用该文件（附件记录尚未同步，或不在本人权限范围内）。',
  FILE_NOT_UPLOADED: '该文件尚未上传到服务器，请稍后再试。',
  NUMBER_BLOCK_LIMIT: '本机该类文书已有 {{max}} 个未用完的文号段，用完一段后才能再领取。',
};

/** Why one mutation was refused. It still consumes its seq; the ones after it go on. */
export const REJECT_REASONS = [
  'validation',
  'notFound',
  'alreadyExists',
  'outOfScope',
  'immutable',
  'notDraft',
  'notSubmitted',
  'alreadyCorrected',
  'duplicateCreditCode',
  'fieldNotWritable',
  'unsupportedOp',
  'conflictOnSubmit',
  /** Refused by the case state machine or the review rules; details.ruleKey says which rule. */
  'caseRule',
  /** Refused by the permission rules (shared/domain/permissions.ts). */
  'permission',
  /** Larger than one push may carry: skipped by the device (POST /v1/sync/skip), kept there. */
  'tooLarge',
  /**
   * Holds U+0000 or a lone surrogate, which the server's database cannot store (pasted from
   * some programs); refused alone as the push is read, kept on the device.
   */
  'unstorableText',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/**
 * Refusals of what the device's own text carried, which the inspector fixes by editing the
 * record (shorter text, other characters, a valid value). The device keeps the refused values in
 * the record instead of taking the server's back, and the next save of the record sends them
 * again (core/sync/changes.ts updatesWithHeld). Other refusals are the server's state winning
 * (locked, out of scope, changed by someone else): the record takes the server's values.
 */
export const KEPT_ON_DEVICE_REASONS: readonly RejectReason[] = [
  'validation',
  'tooLarge',
  'unstorableText',
];

/** True for a refusal whose fields the device keeps (KEPT_ON_DEVICE_REASONS). */
export function isKeptOnDevice(reason: string): boolean {
  return (KEPT_ON_DEVICE_REASONS as readonly string[]).includes(reason);
}

export const REJECT_MESSAGES: Record<RejectReason, string> = {
  validation: '内容不符合要求，未保存。请按提示修改。',
  notFound: '服务器上没有这条记录。',
  alreadyExists: '服务器上已有相同编号的记录。',
  outOfScope: '无权修改该记录（不属于本人或本单位）。',
  immutable: '该抽样单已提交，不能修改。请创建更正版本。',
  notDraft: '只有草稿可以提交。',
  notSubmitted: '只有已提交的抽样单才能更正。',
  alreadyCorrected: '该抽样单已有更正版本，不能再次更正。',
  duplicateCreditCode: '统一社会信用代码已被“{{name}}”使用，不能重复登记。',
  fieldNotWritable: '字段“{{field}}”由服务器维护，不能修改。',
  unsupportedOp: '该类记录不支持此操作：{{op}}。',
  conflictOnSubmit: '提交前有字段与他人的修改冲突，请先处理冲突后再提交。',
  caseRule: '{{message}}',
  permission: '{{message}}',
  tooLarge:
    '这条修改的内容过大（约 {{size}}），超过单次上传的上限，未能上传到服务器。修改内容已完整保留在本机，请精简记录（例如缩短过长的文字）后重新保存。',
  unstorableText:
    '这条修改的文字中含有无法保存的字符（空字符 U+0000 或不成对的代理码元，常见于从其他程序粘贴的内容），未能上传到服务器。修改内容已完整保留在本机，请删除或重新输入这些文字后重新保存。',
};

export function fillMessage(
  template: string,
  params: Record<string, string | number> = {},
): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}
