import TuneIcon from '@mui/icons-material/Tune';
import {
  Box,
  Card,
  CardContent,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import {
  Button,
  EditButton,
  Show,
  TabbedShowLayout,
  TopToolbar,
  useCanAccess,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { type CampaignRecord, type NumberedText } from './campaign-values';
import { ExportConfigButton } from './CampaignConfigButtons';
import { PhaseTimeline } from './PhaseTimeline';

function Actions() {
  const { canAccess: canEditPolicy } = useCanAccess({ resource: 'policy', action: 'access' });
  const { canAccess: canExport } = useCanAccess({ resource: 'campaigns', action: 'create' });
  return (
    <TopToolbar>
      {canExport && <ExportConfigButton />}
      {canEditPolicy && <Button component={Link} to="/policy" label="pingyi.menu.policy" startIcon={<TuneIcon />} />}
      <EditButton />
    </TopToolbar>
  );
}

function Timeline() {
  const record = useRecordContext<CampaignRecord>();
  if (!record) return null;
  return <PhaseTimeline phases={record.phases} timeZone={record.timeZone} />;
}

function NumberedTexts({ items }: { items: readonly NumberedText[] }) {
  const translate = useTranslate();
  if (!items.length) return <Typography color="text.secondary">{translate('pingyi.common.none')}</Typography>;
  return (
    <Stack spacing={1.5}>
      {items.map((item) => (
        <Box key={item.number}>
          <Typography variant="subtitle2">
            （{item.number}）{item.title}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'pre-wrap' }}>
            {item.text}
          </Typography>
        </Box>
      ))}
    </Stack>
  );
}

function PlanTexts() {
  const record = useRecordContext<CampaignRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Stack spacing={3} sx={{ maxWidth: 900 }}>
      <Box>
        <Typography variant="h6">{translate('resources.campaigns.fields.guidingPrinciple')}</Typography>
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
          {record.guidingPrinciple}
        </Typography>
      </Box>
      <Box>
        <Typography variant="h6">{translate('resources.campaigns.fields.objectives')}</Typography>
        <NumberedTexts items={record.objectives} />
      </Box>
      <Box>
        <Typography variant="h6">{translate('resources.campaigns.fields.requirements')}</Typography>
        <NumberedTexts items={record.requirements} />
      </Box>
    </Stack>
  );
}

function GroupsTable() {
  const record = useRecordContext<CampaignRecord>();
  const translate = useTranslate();
  if (!record) return null;
  const total = record.evaluatorGroups.reduce((sum, group) => sum + group.quota, 0);
  const f = (field: string) => translate(`resources.campaigns.fields.evaluatorGroups.${field}`);
  return (
    <Table size="small" sx={{ maxWidth: 900 }}>
      <TableHead>
        <TableRow>
          <TableCell>{f('code')}</TableCell>
          <TableCell>{f('label')}</TableCell>
          <TableCell align="right">{f('quota')}</TableCell>
          <TableCell align="right">{f('weight')}</TableCell>
          <TableCell>{f('description')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {record.evaluatorGroups.map((group) => (
          <TableRow key={group.code}>
            <TableCell>{group.code}</TableCell>
            <TableCell>{group.label}</TableCell>
            <TableCell align="right">{group.quota.toLocaleString()}</TableCell>
            <TableCell align="right">{group.weight ?? '—'}</TableCell>
            <TableCell>{group.description}</TableCell>
          </TableRow>
        ))}
        <TableRow>
          <TableCell colSpan={2} sx={{ fontWeight: 600 }}>
            {translate('pingyi.campaign.quota_total', { total: total.toLocaleString() })}
          </TableCell>
          <TableCell colSpan={3} />
        </TableRow>
      </TableBody>
    </Table>
  );
}

function ScaleTable() {
  const record = useRecordContext<CampaignRecord>();
  const translate = useTranslate();
  if (!record) return null;
  const f = (field: string) => translate(`resources.campaigns.fields.scale.${field}`);
  return (
    <Table size="small" sx={{ maxWidth: 600 }}>
      <TableHead>
        <TableRow>
          <TableCell>{f('code')}</TableCell>
          <TableCell>{f('label')}</TableCell>
          <TableCell align="right">{f('points')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {record.scale.map((level) => (
          <TableRow key={level.code}>
            <TableCell>{level.code}</TableCell>
            <TableCell>{level.label}</TableCell>
            <TableCell align="right">{level.points ?? translate('pingyi.campaign.no_points')}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** A campaign for every role: the timeline with today, the plan texts, groups and scale. */
export function CampaignShow() {
  return (
    <Show actions={<Actions />}>
      <Card variant="outlined" sx={{ m: 2 }}>
        <CardContent>
          <Timeline />
        </CardContent>
      </Card>
      <TabbedShowLayout syncWithLocation={false}>
        <TabbedShowLayout.Tab label="pingyi.campaign.tabs.plan">
          <PlanTexts />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="pingyi.campaign.tabs.groups">
          <GroupsTable />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="pingyi.campaign.tabs.scale">
          <ScaleTable />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
}
