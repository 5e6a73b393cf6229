import HistoryIcon from '@mui/icons-material/History';
import { AuditLogList } from './AuditLogList';

/** The audit log (admin, office): read-only. */
export const auditLog = {
  list: AuditLogList,
  icon: HistoryIcon,
};
