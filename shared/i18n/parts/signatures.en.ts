import type { signaturesZh } from './signatures.zh-CN';
import type { Widen } from '../widen';

export const signaturesEn: Widen<typeof signaturesZh> = {
  signatures: {
    title: 'Signatures',
    sign: 'Sign',
    dialogTitle: 'Signature on site',
    role: 'Signing as',
    choose: 'Choose',
    roles: {
      party: 'Party',
      officer: 'Enforcement officer',
      witness: 'Witness',
      interviewee: 'Interviewee',
      recipient: 'Recipient',
    },
    name: 'Name',
    mode: 'How',
    modeSign: 'Signs now',
    modeRefuse: 'Refuses to sign',
    padLabel: 'Signature box: sign inside it with a mouse, pen or finger',
    padHint: 'Sign inside this box',
    undo: 'Undo stroke',
    clear: 'Clear',
    refusalReason: 'Reason for refusing',
    witness: 'Witness',
    save: 'Save signature',
    saving: 'Saving…',
    padEmpty: 'Sign inside the box first',
    notSaved: 'The signature could not be saved with the record; try again (your input is kept).',
    fileName: 'signature-{{role}}-{{name}}.png',
    none: 'No signatures yet',
    refusedLine: '{{name}} refused to sign. Reason: {{reason}}; witness: {{witness}}',
    imageAlt: 'Signature of {{name}}',
    signedAt: 'Signed {{time}}',
    remove: 'Delete',
    removeTitle: 'Delete signature entry',
    removeConfirm:
      'Delete the signature entry of {{role}} "{{name}}"? The signature image stays attached to the record.',
  },
};
