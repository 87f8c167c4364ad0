import { useTranslation } from 'react-i18next';
import { decodeMessage, tMessage } from '../i18n/messages';

/** The message under a field; `params` fills gaps the client-side zod message cannot carry. */
export function FieldError({
  id,
  message,
  params,
}: {
  id: string;
  message?: string;
  params?: Record<string, number>;
}) {
  const { t } = useTranslation();
  if (!message) return null;
  return (
    <p className="field-error" id={id}>
      {tMessage(t, decodeMessage(message), params)}
    </p>
  );
}
