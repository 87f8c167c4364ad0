import { useAppStore } from '../store/appStore';
import { SpotCheckListPage } from '../features/spotChecks/SpotCheckListPage';
import { SpotCheckPage } from '../features/spotChecks/SpotCheckPage';
import { EnterpriseListPage } from '../features/enterprises/EnterpriseListPage';
import { EnterprisePage } from '../features/enterprises/EnterprisePage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { SyncPage } from '../features/sync/SyncPage';
import { CaseListPage } from '../features/cases/CaseListPage';
import { CasePage } from '../features/cases/CasePage';
import { ReviewQueuePage } from '../features/review/ReviewQueuePage';
import { VerifyDocumentPage } from '../features/documents/VerifyDocumentPage';

export function RouteView() {
  const route = useAppStore((s) => s.route);
  switch (route.name) {
    case 'spotChecks':
      return <SpotCheckListPage />;
    case 'spotCheck':
      // key: a different record is a fresh form, never a reused one with stale values.
      return <SpotCheckPage key={route.id} id={route.id} />;
    case 'enterprises':
      return <EnterpriseListPage />;
    case 'enterpriseNew':
      return <EnterprisePage key="new" id={null} />;
    case 'enterprise':
      return <EnterprisePage key={route.id} id={route.id} />;
    case 'cases':
      return <CaseListPage />;
    case 'case':
      return <CasePage key={route.id} id={route.id} />;
    case 'review':
      return <ReviewQueuePage />;
    case 'settings':
      return <SettingsPage />;
    case 'sync':
      return <SyncPage />;
    case 'verify':
      return <VerifyDocumentPage />;
  }
}
