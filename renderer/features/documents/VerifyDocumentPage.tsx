import { useTranslation } from 'react-i18next';
import { VerifyDocumentPanel } from './VerifyDocumentPanel';

/** The 核验文书 screen (route #/verify). */
export function VerifyDocumentPage() {
  const { t } = useTranslation();
  return (
    <div className="page page-pad">
      <div className="page-head">
        <h1 id="verify-document-page-title" className="page-title">
          {t('documents.verify.title')}
        </h1>
      </div>
      <VerifyDocumentPanel titled={false} />
    </div>
  );
}
