import { Chip, Stack } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { type WorkItemRecord } from './work-plan.queries';

/** The lead units (牵头单位) of the work item in context. */
export function LeadUnitChips() {
  const record = useRecordContext<WorkItemRecord>();
  if (!record) return null;
  return (
    <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
      {record.leadUnits.map((unit) => (
        <Chip key={unit.code} size="small" variant="outlined" label={unit.name} />
      ))}
    </Stack>
  );
}
