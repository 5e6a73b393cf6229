import NoteAddIcon from '@mui/icons-material/NoteAdd';
import {
  Box,
  Chip,
  Collapse,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { Fragment, useState } from 'react';
import { Button, Form, required, SaveButton, TextInput, useTranslate } from 'react-admin';
import { ServerErrorAlert, useServerSubmit } from '../common/EditablePanel';
import { useGraphqlMutation, useGraphqlQuery } from '../data/use-graphql';
import { FILE_UNIT_PLAN, UNIT_PLANS, UNITS, type UnitPlan } from './organization.queries';
import { type UnitRow } from './unit-tree';
import { OpenToday, PhaseGate } from '../phase-gate';

function FilePlanDialog({
  campaignId,
  unit,
  plan,
  onClose,
}: {
  campaignId: string;
  unit: UnitRow;
  plan?: UnitPlan;
  onClose: () => void;
}) {
  const translate = useTranslate();
  const file = useGraphqlMutation(FILE_UNIT_PLAN, {
    invalidate: [['unitPlans', campaignId]],
    successMessage: 'pingyi.organization.plan_filed',
    notifyErrors: false,
  });
  const { onSubmit, error } = useServerSubmit(async (values: Record<string, unknown>) => {
    await file.mutateAsync({
      campaignId,
      input: { unitCode: unit.code, title: values.title as string, body: values.body as string },
    });
    onClose();
  });
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md">
      <Form
        record={{ title: plan?.title ?? `${unit.name}民主评议机关工作方案`, body: plan?.body ?? '' }}
        onSubmit={onSubmit}
      >
        <DialogTitle>{translate('pingyi.organization.file_plan_for', { unit: unit.name })}</DialogTitle>
        <DialogContent>
          <ServerErrorAlert error={error} />
          <TextInput source="title" label="pingyi.organization.fields.title" validate={required()} fullWidth />
          <TextInput
            source="body"
            label="pingyi.organization.fields.body"
            validate={required()}
            multiline
            minRows={10}
            fullWidth
          />
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={onClose} />
          <SaveButton alwaysEnable />
        </DialogActions>
      </Form>
    </Dialog>
  );
}

/**
 * Each unit's own plan (单位工作方案): who has filed, when, which revision;
 * the office files for any unit, a liaison for their own (mobilization only).
 */
export function UnitPlansPanel({
  campaignId,
  canFileFor,
}: {
  campaignId: string;
  canFileFor: (unitCode: string) => boolean;
}) {
  const translate = useTranslate();
  const units = useGraphqlQuery(['units', campaignId], UNITS, { campaignId });
  const plans = useGraphqlQuery(['unitPlans', campaignId], UNIT_PLANS, { campaignId });
  const [filing, setFiling] = useState<UnitRow | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const byUnit = new Map((plans.data?.unitPlans ?? []).map((plan) => [plan.unitCode, plan]));
  const rows = (units.data?.units ?? [])
    .filter((unit) => unit.appraised || byUnit.has(unit.code))
    .filter((unit) => byUnit.has(unit.code) || canFileFor(unit.code));
  const filed = rows.filter((unit) => byUnit.has(unit.code)).length;
  return (
    <Box sx={{ p: 2 }}>
      <Typography variant="h6">{translate('pingyi.organization.unit_plans')}</Typography>
      <OpenToday actions={['fileUnitPlan']} />
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {translate('pingyi.organization.unit_plans_hint', { filed, total: rows.length })}
      </Typography>
      <Table size="small" sx={{ maxWidth: 1000 }}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('resources.units.fields.name')}</TableCell>
            <TableCell>{translate('pingyi.organization.fields.title')}</TableCell>
            <TableCell>{translate('pingyi.organization.fields.filedOn')}</TableCell>
            <TableCell>{translate('pingyi.organization.fields.revision')}</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((unit) => {
            const plan = byUnit.get(unit.code);
            return (
              <Fragment key={unit.code}>
                <TableRow
                  hover
                  onClick={() => plan && setOpen(open === unit.code ? null : unit.code)}
                  sx={{ cursor: plan ? 'pointer' : 'default' }}
                >
                  <TableCell>{unit.name}</TableCell>
                  <TableCell>
                    {plan ? (
                      // the title opens the plan's text below the row (the whole row does too)
                      <Link
                        component="button"
                        type="button"
                        underline="hover"
                        aria-expanded={open === unit.code}
                        aria-controls={`plan-${unit.code}`}
                        sx={{ textAlign: 'left' }}
                      >
                        {plan.title}
                      </Link>
                    ) : (
                      <Chip
                        size="small"
                        color="warning"
                        variant="outlined"
                        label={translate('pingyi.organization.not_filed')}
                      />
                    )}
                  </TableCell>
                  <TableCell>{plan ? `${plan.filedOn} · ${plan.filedBy}` : '—'}</TableCell>
                  <TableCell>
                    {plan ? translate('pingyi.organization.revision_n', { n: plan.revision }) : '—'}
                  </TableCell>
                  <TableCell align="right">
                    {canFileFor(unit.code) && (
                      <PhaseGate action="fileUnitPlan">
                        <Button
                          label={plan ? 'pingyi.organization.refile_plan' : 'pingyi.organization.file_plan'}
                          startIcon={<NoteAddIcon />}
                          onClick={(event) => {
                            event.stopPropagation();
                            setFiling(unit);
                          }}
                        />
                      </PhaseGate>
                    )}
                  </TableCell>
                </TableRow>
                {plan && (
                  <TableRow>
                    <TableCell colSpan={5} sx={{ py: 0, borderBottom: open === unit.code ? undefined : 'none' }}>
                      <Collapse in={open === unit.code} unmountOnExit id={`plan-${unit.code}`}>
                        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', py: 2 }}>
                          {plan.body}
                        </Typography>
                      </Collapse>
                    </TableCell>
                  </TableRow>
                )}
              </Fragment>
            );
          })}
        </TableBody>
      </Table>
      {filing && (
        <FilePlanDialog
          campaignId={campaignId}
          unit={filing}
          plan={byUnit.get(filing.code)}
          onClose={() => setFiling(null)}
        />
      )}
    </Box>
  );
}
