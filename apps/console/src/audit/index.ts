import HistoryIcon from '@mui/icons-material/History';
import { lazyPage } from '../common/lazy-page';
// pages load when first opened: the first screen downloads none of them
const AuditLogList = lazyPage(() => import('./AuditLogList'), 'AuditLogList');

/** The audit log (admin, office): read-only. */
export const auditLog = {
  list: AuditLogList,
  icon: HistoryIcon,
};
