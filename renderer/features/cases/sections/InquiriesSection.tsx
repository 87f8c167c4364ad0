import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Inquiry } from '../../../../shared/schemas/case';
import { encodeMessage } from '../../../i18n/messages';
import { FieldError } from '../../../components/FieldError';
import { CaseField } from '../CaseField';
import { caseFieldId, useCaseForm } from '../caseFormContext';
import { CaseSection, useListEditable } from './CaseSection';
import { CaseSignatures } from './CaseSignatures';
import { confirmRemove } from './confirmRemove';
import { ItemCardHead } from './ItemCardHead';

const MAX_INQUIRIES = 50;
const MAX_QA = 500;

/** 询问笔录: who was asked, where and when, then the questions and answers in order. */
export function InquiriesSection() {
  const { t } = useTranslation();
  const { control, getValues } = useCaseForm();
  const { fields, append, remove } = useFieldArray({ control, name: 'inquiries', keyName: 'key' });
  const editable = useListEditable('inquiries');
  const l = (k: string) => t(`cases.fields.inquiry.${k}`);
  const genders = (['', 'male', 'female'] as const).map(
    (g) => [g, t(`cases.genders.${g}`)] as const,
  );

  const add = () => {
    const inquiry: Inquiry = {
      id: crypto.randomUUID(),
      intervieweeName: '',
      intervieweeGender: '',
      intervieweeIdNumber: '',
      intervieweeEmployer: '',
      intervieweePosition: '',
      intervieweePhone: '',
      intervieweeAddress: '',
      place: '',
      startedAt: '',
      endedAt: '',
      recorder: '',
      qa: [{ q: '', a: '' }],
    };
    append(inquiry);
  };

  return (
    <CaseSection id="inquiries" lockPath="inquiries">
      {fields.length === 0 ? <p className="muted">{t('cases.noItems')}</p> : null}
      {fields.map((field, i) => {
        const n = i + 1;
        const p = `inquiries.${i}`;
        return (
          <div key={field.key} className="item-card" data-item={p}>
            <ItemCardHead
              title={t('cases.inquiryN', { n })}
              removeLabel={t('cases.removeInquiry', { n })}
              editable={editable}
              values={() => getValues(`inquiries.${i}`)}
              onRemove={() => remove(i)}
            />
            <div className="form-grid">
              <CaseField path={`${p}.intervieweeName`} label={l('intervieweeName')} max={50} />
              <CaseField
                path={`${p}.intervieweeGender`}
                label={l('intervieweeGender')}
                kind="select"
                options={genders}
              />
              <CaseField
                path={`${p}.intervieweeIdNumber`}
                label={l('intervieweeIdNumber')}
                max={18}
                mono
              />
              <CaseField
                path={`${p}.intervieweePhone`}
                label={l('intervieweePhone')}
                kind="phone"
                max={30}
              />
              <CaseField
                path={`${p}.intervieweeEmployer`}
                label={l('intervieweeEmployer')}
                max={100}
              />
              <CaseField
                path={`${p}.intervieweePosition`}
                label={l('intervieweePosition')}
                max={50}
              />
              <CaseField
                path={`${p}.intervieweeAddress`}
                label={l('intervieweeAddress')}
                max={200}
                wide
              />
              <CaseField path={`${p}.place`} label={l('place')} max={200} />
              <CaseField path={`${p}.startedAt`} label={l('startedAt')} kind="datetime" />
              <CaseField path={`${p}.endedAt`} label={l('endedAt')} kind="datetime" />
              <CaseField path={`${p}.recorder`} label={l('recorder')} max={50} />
            </div>
            <h4 className="subsection-title">{t('cases.qa')}</h4>
            <QaRows path={`${p}.qa`} editable={editable} />
            <CaseSignatures kind="inquiryRecord" itemId={field.id} />
          </div>
        );
      })}
      {editable ? (
        <div className="list-actions">
          <button
            type="button"
            className="btn btn-small"
            disabled={fields.length >= MAX_INQUIRIES}
            onClick={add}
          >
            ＋ {t('cases.addInquiry')}
          </button>
        </div>
      ) : null}
    </CaseSection>
  );
}

/** The 问/答 rows of one inquiry; answers can run long, so the boxes grow with their text. */
function QaRows({ path, editable }: { path: string; editable: boolean }) {
  const { t } = useTranslation();
  const { control, register, getValues, errorOf } = useCaseForm();
  const { fields, append, remove } = useFieldArray({ control, name: path as 'inquiries.0.qa' });

  const box = (i: number, key: 'q' | 'a', label: string, max: number) => {
    const p = `${path}.${i}.${key}`;
    const id = caseFieldId(p);
    const ref = errorOf(p);
    const error = ref ? encodeMessage(ref) : undefined;
    return (
      <div className={`qa-cell qa-cell--${key}${error ? ' field--invalid' : ''}`} data-field={id}>
        <span className="qa-mark" aria-hidden="true">
          {t(key === 'q' ? 'cases.question' : 'cases.answer')}
        </span>
        <textarea
          id={id}
          rows={key === 'q' ? 1 : 2}
          className="grow"
          maxLength={max}
          aria-label={label}
          aria-invalid={error ? true : undefined}
          {...register(p as 'inquiries.0.qa.0.q')}
        />
        <FieldError id={`${id}-error`} message={error} params={{ max }} />
      </div>
    );
  };

  return (
    <div className="qa-list">
      {fields.map((field, i) => {
        const n = i + 1;
        return (
          <div key={field.id} className="qa-row">
            <span className="qa-n">{n}</span>
            <div className="qa-pair">
              {box(i, 'q', t('cases.questionN', { n }), 2000)}
              {box(i, 'a', t('cases.answerN', { n }), 5000)}
            </div>
            {editable ? (
              <button
                type="button"
                className="btn btn-small btn-ghost"
                aria-label={t('cases.removeQa', { n })}
                onClick={() =>
                  void confirmRemove(
                    t('cases.removeQa', { n }),
                    getValues(`${path}.${i}` as 'inquiries.0.qa.0'),
                  ).then((yes) => yes && remove(i))
                }
              >
                {t('cases.remove')}
              </button>
            ) : null}
          </div>
        );
      })}
      {editable ? (
        <button
          type="button"
          className="btn btn-small"
          disabled={fields.length >= MAX_QA}
          onClick={() => append({ q: '', a: '' })}
        >
          ＋ {t('cases.addQa')}
        </button>
      ) : null}
    </div>
  );
}
