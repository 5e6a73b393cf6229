import { Alert, Box, Typography } from '@mui/material';
import { type ReactNode } from 'react';
import {
  ArrayInput,
  AutocompleteInput,
  BooleanInput,
  DateInput,
  FormDataConsumer,
  maxValue,
  minValue,
  NumberInput,
  ReferenceInput,
  required,
  SimpleFormIterator,
  TabbedForm,
  TextInput,
  useTranslate,
} from 'react-admin';
import { type Phase, STANDARD_PHASES } from './campaign-values';
import { PhaseTimeline } from './PhaseTimeline';
import { ServerErrorReset } from '../common/ServerErrorReset';

const PHASE_CODES = STANDARD_PHASES.map((phase) => ({ id: phase.code, name: `pingyi.phases.${phase.code}` }));

const endAfterStart = (value: unknown, values: unknown, props: { source?: string }) => {
  const index = /phases\.(\d+)\.end/.exec(props.source ?? '')?.[1];
  const phase = index === undefined ? undefined : (values as { phases?: Phase[] }).phases?.[Number(index)];
  return phase?.start && typeof value === 'string' && value < phase.start
    ? 'pingyi.campaign.end_before_start'
    : undefined;
};

function Hint({ children }: { children: ReactNode }) {
  return (
    <Typography variant="body2" color="text.secondary" sx={{ mb: 1, maxWidth: 760 }}>
      {children}
    </Typography>
  );
}

/**
 * Everything a campaign is made of, in tabs: basics, phases (date pickers and
 * a live timeline), plan texts, evaluator groups (quotas, weights) and the
 * rating scale. The scoring strategy, tiers and rounding are on the policy page.
 */
export function CampaignForm({
  toolbar,
  onSubmit,
}: {
  toolbar?: React.ReactElement | false;
  onSubmit?: (data: Record<string, unknown>) => unknown;
}) {
  const translate = useTranslate();
  return (
    <TabbedForm toolbar={toolbar} syncWithLocation={false} onSubmit={onSubmit as never}>
      <TabbedForm.Tab label="pingyi.campaign.tabs.basics">
        <ServerErrorReset />
        <TextInput source="name" validate={required()} fullWidth sx={{ maxWidth: 640 }} />
        <NumberInput
          source="year"
          validate={[required(), minValue(2000), maxValue(2999)]}
          helperText="resources.campaigns.help.year"
        />
        <TextInput source="timeZone" helperText="resources.campaigns.help.timeZone" />
        <ReferenceInput source="previousCampaignId" reference="campaigns" sort={{ field: 'year', order: 'DESC' }}>
          <AutocompleteInput
            optionText="name"
            helperText="resources.campaigns.help.previousCampaignId"
            sx={{ minWidth: 320 }}
          />
        </ReferenceInput>
      </TabbedForm.Tab>
      <TabbedForm.Tab label="pingyi.campaign.tabs.phases" path="phases">
        <Hint>{translate('resources.campaigns.help.phases')}</Hint>
        <FormDataConsumer<{ phases?: Phase[]; timeZone?: string }>>
          {({ formData }) => {
            const phases = (formData.phases ?? []).filter((p) => p?.start && p?.end && p.start <= p.end);
            return phases.length ? (
              <Box sx={{ width: '100%', maxWidth: 900, mb: 2 }}>
                <PhaseTimeline phases={phases} timeZone={formData.timeZone || 'Asia/Shanghai'} />
              </Box>
            ) : null;
          }}
        </FormDataConsumer>
        <ArrayInput source="phases" label="resources.campaigns.sections.phases" validate={required()}>
          <SimpleFormIterator inline>
            <AutocompleteInput
              fullWidth={false}
              source="code"
              choices={PHASE_CODES}
              onCreate={(code) => ({ id: code ?? '', name: code ?? '' })}
              validate={required()}
              sx={{ width: 200 }}
            />
            <TextInput fullWidth={false} source="label" validate={required()} sx={{ width: 160 }} />
            <DateInput fullWidth={false} source="start" validate={required()} sx={{ width: 170 }} />
            <DateInput fullWidth={false} source="end" validate={[required(), endAfterStart]} sx={{ width: 170 }} />
          </SimpleFormIterator>
        </ArrayInput>
      </TabbedForm.Tab>
      <TabbedForm.Tab label="pingyi.campaign.tabs.plan" path="plan">
        <TextInput source="guidingPrinciple" validate={required()} multiline minRows={4} fullWidth />
        <ArrayInput source="objectives" label="resources.campaigns.sections.objectives">
          <SimpleFormIterator inline>
            <NumberInput
              fullWidth={false}
              source="number"
              label="resources.campaigns.fields.numbered.number"
              validate={required()}
              sx={{ width: 90 }}
            />
            <TextInput
              fullWidth={false}
              source="title"
              label="resources.campaigns.fields.numbered.title"
              validate={required()}
              sx={{ width: 260 }}
            />
            <TextInput
              fullWidth={false}
              source="text"
              label="resources.campaigns.fields.numbered.text"
              validate={required()}
              multiline
              sx={{ width: 520 }}
            />
          </SimpleFormIterator>
        </ArrayInput>
        <ArrayInput source="requirements" label="resources.campaigns.sections.requirements">
          <SimpleFormIterator inline>
            <NumberInput
              fullWidth={false}
              source="number"
              label="resources.campaigns.fields.numbered.number"
              validate={required()}
              sx={{ width: 90 }}
            />
            <TextInput
              fullWidth={false}
              source="title"
              label="resources.campaigns.fields.numbered.title"
              validate={required()}
              sx={{ width: 260 }}
            />
            <TextInput
              fullWidth={false}
              source="text"
              label="resources.campaigns.fields.numbered.text"
              validate={required()}
              multiline
              sx={{ width: 520 }}
            />
          </SimpleFormIterator>
        </ArrayInput>
      </TabbedForm.Tab>
      <TabbedForm.Tab label="pingyi.campaign.tabs.groups" path="groups">
        <Hint>{translate('resources.campaigns.help.evaluatorGroups')}</Hint>
        <FormDataConsumer<{ evaluatorGroups?: { quota?: number }[] }>>
          {({ formData }) => (
            <Alert severity="info" sx={{ mb: 1 }}>
              {translate('pingyi.campaign.quota_total', {
                total: (formData.evaluatorGroups ?? [])
                  .reduce((sum, g) => sum + (Number(g?.quota) || 0), 0)
                  .toLocaleString(),
              })}
            </Alert>
          )}
        </FormDataConsumer>
        <ArrayInput source="evaluatorGroups" label="resources.campaigns.sections.evaluatorGroups" validate={required()}>
          <SimpleFormIterator inline>
            <TextInput fullWidth={false} source="code" validate={required()} sx={{ width: 160 }} />
            <TextInput fullWidth={false} source="label" validate={required()} sx={{ width: 180 }} />
            <NumberInput fullWidth={false} source="quota" validate={[required(), minValue(1)]} sx={{ width: 120 }} />
            <NumberInput fullWidth={false} source="weight" validate={minValue(0)} sx={{ width: 110 }} />
            <TextInput fullWidth={false} source="description" sx={{ width: 320 }} />
          </SimpleFormIterator>
        </ArrayInput>
      </TabbedForm.Tab>
      <TabbedForm.Tab label="pingyi.campaign.tabs.series" path="series">
        <Hint>{translate('resources.campaigns.help.series')}</Hint>
        <ArrayInput source="series" label="resources.campaigns.sections.series">
          <SimpleFormIterator inline>
            <TextInput
              fullWidth={false}
              source="code"
              label="resources.campaigns.fields.series.code"
              validate={required()}
              sx={{ width: 200 }}
            />
            <TextInput
              fullWidth={false}
              source="label"
              label="resources.campaigns.fields.series.label"
              validate={required()}
              sx={{ width: 240 }}
            />
          </SimpleFormIterator>
        </ArrayInput>
      </TabbedForm.Tab>
      <TabbedForm.Tab label="pingyi.campaign.tabs.scale" path="scale">
        <Hint>{translate('resources.campaigns.help.scale')}</Hint>
        <ArrayInput source="scale" label="resources.campaigns.sections.scale" validate={required()}>
          <SimpleFormIterator inline>
            <TextInput fullWidth={false} source="code" validate={required()} sx={{ width: 200 }} />
            <TextInput fullWidth={false} source="label" validate={required()} sx={{ width: 160 }} />
            <TextInput
              fullWidth={false}
              source="labelEn"
              helperText="resources.campaigns.help.labelEn"
              sx={{ width: 200 }}
            />
            <NumberInput
              fullWidth={false}
              source="points"
              helperText="resources.campaigns.help.points"
              sx={{ width: 200 }}
            />
          </SimpleFormIterator>
        </ArrayInput>
        <BooleanInput source="unknownInDenominator" helperText="resources.campaigns.help.unknownInDenominator" />
      </TabbedForm.Tab>
    </TabbedForm>
  );
}
