import { useRef, useState } from 'react';
import { type FieldValues, useFormContext, type UseFormSetError } from 'react-hook-form';
import { Alert, Box, Card, CardContent, Divider, Grid, Typography } from '@mui/material';
import {
  ArrayInput,
  BooleanInput,
  Form,
  FormDataConsumer,
  Loading,
  maxValue,
  minValue,
  NumberInput,
  required,
  ResourceContextProvider,
  SaveButton,
  setSubmissionErrors,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  Title,
  useLocaleState,
  useTranslate,
} from 'react-admin';
import { useCurrentCampaign } from '../campaigns/current-campaign';
import { type CampaignRecord } from '../campaigns/campaign-values';
import { ChangeReasonDialog } from '../common/ChangeReasonDialog';
import { ServerErrorAlert, useServerSubmit } from '../common/EditablePanel';
import { hasOpened } from '../phase-gate';
import { NoCampaign } from '../common/NoCampaign';
import { useGraphqlMutation, useGraphqlQuery } from '../data/use-graphql';
import { type CampaignStandings, SCORING_STRATEGIES, STANDINGS_QUERY, UPDATE_POLICY } from '../results/results.queries';
import { ArgInput } from './ArgInput';
import { type PolicyForm, policyForm, policyFormField, policyFromEditor } from './policy-values';
import { parseStrategy, type StrategyInfo } from './strategy-args';
import { PolicyPreview } from './PolicyPreview';

function StrategyArgs({ strategy, campaign }: { strategy: StrategyInfo | undefined; campaign: CampaignRecord }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!strategy) return null;
  return (
    <Box>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2, whiteSpace: 'pre-wrap' }}>
        {locale === 'en' ? strategy.descriptionEn : strategy.descriptionZh}
      </Typography>
      {strategy.args.length === 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate('pingyi.policy.no_args')}
        </Typography>
      )}
      {/* keyed by strategy: switching strategy mounts fresh inputs with that strategy's defaults */}
      <Box key={strategy.code}>
        {strategy.args.map((arg) => (
          <ArgInput key={arg.name} arg={arg} context={{ levels: campaign.scale, groups: campaign.evaluatorGroups }} />
        ))}
      </Box>
    </Box>
  );
}

/** Hands the form's `setError` to its parent. */
function FormSetError({ target }: { target: { current: UseFormSetError<FieldValues> } }) {
  target.current = useFormContext().setError;
  return null;
}

function PolicyEditor({
  campaign,
  strategies,
  current,
}: {
  campaign: CampaignRecord;
  strategies: StrategyInfo[];
  current: CampaignStandings | undefined;
}) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const save = useGraphqlMutation(UPDATE_POLICY, {
    invalidate: [
      ['standings', campaign.id],
      ['compare', campaign.id],
    ],
    invalidateResources: ['campaigns'],
    successMessage: 'pingyi.policy.saved',
    notifyErrors: false,
  });
  const byCode = new Map(strategies.map((strategy) => [strategy.code, strategy]));
  const toPolicyJson = (values: PolicyForm) =>
    JSON.stringify(policyFromEditor(campaign.policy, values, byCode.get(values.strategy?.code)));
  // after appraisal has opened a new rule changes the live standings: confirm with its effect and a reason
  const needsReason = hasOpened(campaign, 'castBallot');
  const reason = useRef<string | null>(null);
  const [pending, setPending] = useState<Record<string, unknown> | null>(null);
  const { onSubmit, error } = useServerSubmit(async (formValues: Record<string, unknown>) => {
    const values = formValues as unknown as PolicyForm;
    if (needsReason && reason.current === null) {
      setPending(formValues);
      return;
    }
    const given = reason.current;
    reason.current = null;
    try {
      await save.mutateAsync({ id: campaign.id, input: { policyJson: toPolicyJson(values), reason: given } });
    } catch (caught) {
      const body = (caught as { body?: { errors?: Record<string, unknown> } }).body;
      if (body?.errors)
        body.errors = Object.fromEntries(
          Object.entries(body.errors).map(([field, message]) => [
            field === 'root' ? field : policyFormField(field),
            message,
          ]),
        );
      throw caught;
    }
  });
  // the form's setError, for a save confirmed in the dialog (outside the form's submit)
  const setError = useRef<UseFormSetError<FieldValues>>(() => undefined);
  return (
    <Form record={policyForm(campaign.policy)} onSubmit={onSubmit as never}>
      <FormSetError target={setError} />
      <Grid container spacing={3}>
        <Grid size={{ xs: 12, lg: 5 }}>
          <ServerErrorAlert error={error} />
          <Typography variant="h6" sx={{ mb: 1 }}>
            {translate('pingyi.policy.strategy')}
          </Typography>
          <SelectInput
            source="strategy.code"
            label="pingyi.policy.strategy"
            choices={strategies.map((s) => ({ id: s.code, name: locale === 'en' ? s.labelEn : s.labelZh }))}
            translateChoice={false}
            validate={required()}
          />
          <FormDataConsumer<PolicyForm>>
            {({ formData }) => <StrategyArgs strategy={byCode.get(formData.strategy?.code)} campaign={campaign} />}
          </FormDataConsumer>
          <Divider sx={{ my: 2 }} />
          <Typography variant="h6" sx={{ mb: 1 }}>
            {translate('pingyi.policy.counting')}
          </Typography>
          <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
            <NumberInput
              source="minCounted"
              label="pingyi.policy.minCounted"
              helperText="pingyi.policy.minCounted_help"
              validate={[required(), minValue(0)]}
              fullWidth={false}
              sx={{ width: 220 }}
            />
            <NumberInput
              source="decimals"
              label="pingyi.policy.decimals"
              helperText="pingyi.policy.decimals_help"
              validate={[required(), minValue(0), maxValue(6)]}
              fullWidth={false}
              sx={{ width: 220 }}
            />
          </Box>
          <BooleanInput
            source="unknownInDenominator"
            label="resources.campaigns.fields.unknownInDenominator"
            helperText="pingyi.policy.unknown_help"
          />
          <NumberInput
            source="minResponseRate"
            label="pingyi.policy.minResponseRate"
            helperText="pingyi.policy.minResponseRate_help"
            validate={[minValue(0), maxValue(100)]}
            fullWidth={false}
            sx={{ width: 260 }}
          />
          <Divider sx={{ my: 2 }} />
          <Typography variant="h6" sx={{ mb: 1 }}>
            {translate('pingyi.policy.ranking')}
          </Typography>
          <SelectInput
            source="rankWithin"
            label="pingyi.policy.rankWithin"
            helperText="pingyi.policy.rankWithin_help"
            choices={[
              { id: 'all', name: 'pingyi.policy.rank_all' },
              { id: 'series', name: 'pingyi.policy.rank_series' },
            ]}
            validate={required()}
          />
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {translate('pingyi.policy.rankTiers_help')}
          </Typography>
          <ArrayInput source="rankTiers" label={false}>
            <SimpleFormIterator inline>
              <TextInput
                source="code"
                label="pingyi.policy.tier_code"
                validate={required()}
                fullWidth={false}
                sx={{ width: 130 }}
              />
              <TextInput
                source="label"
                label="pingyi.policy.tier_label"
                validate={required()}
                fullWidth={false}
                sx={{ width: 90 }}
              />
              <SelectInput
                source="kind"
                label="pingyi.policy.rank_tier_kind"
                choices={[
                  { id: 'top', name: 'pingyi.policy.rank_top' },
                  { id: 'bottom', name: 'pingyi.policy.rank_bottom' },
                ]}
                validate={required()}
                fullWidth={false}
                sx={{ width: 90, minWidth: 0 }}
              />
              <NumberInput
                source="places"
                label="pingyi.policy.rank_places"
                validate={[required(), minValue(1)]}
                fullWidth={false}
                sx={{ width: 80 }}
              />
            </SimpleFormIterator>
          </ArrayInput>
          <Divider sx={{ my: 2 }} />
          <Typography variant="h6" sx={{ mb: 1 }}>
            {translate('pingyi.policy.tiers')}
          </Typography>
          <FormDataConsumer<PolicyForm>>
            {({ formData }) =>
              byCode.get(formData.strategy?.code)?.decidesTiers ? (
                <Alert severity="info">{translate('pingyi.policy.strategy_decides_tiers')}</Alert>
              ) : (
                <>
                  <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                    {translate('pingyi.policy.tiers_help')}
                  </Typography>
                  <ArrayInput source="tiers" label={false}>
                    <SimpleFormIterator inline>
                      <TextInput
                        source="code"
                        label="pingyi.policy.tier_code"
                        validate={required()}
                        fullWidth={false}
                        sx={{ width: 170 }}
                      />
                      <TextInput
                        source="label"
                        label="pingyi.policy.tier_label"
                        validate={required()}
                        fullWidth={false}
                        sx={{ width: 120 }}
                      />
                      <NumberInput
                        source="min"
                        label="pingyi.policy.tier_min"
                        helperText="pingyi.policy.tier_min_help"
                        fullWidth={false}
                        sx={{ width: 130 }}
                      />
                    </SimpleFormIterator>
                  </ArrayInput>
                </>
              )
            }
          </FormDataConsumer>
          <Box sx={{ mt: 2 }}>
            <SaveButton label="pingyi.policy.save" />
          </Box>
        </Grid>
        <Grid size={{ xs: 12, lg: 7 }}>
          <FormDataConsumer<PolicyForm>>
            {({ formData }) => (
              <PolicyPreview campaignId={campaign.id} policyJson={toPolicyJson(formData)} current={current} />
            )}
          </FormDataConsumer>
        </Grid>
      </Grid>
      {pending && (
        <ChangeReasonDialog
          open
          title="pingyi.change_reason.policy_title"
          warning="pingyi.change_reason.policy_warning"
          onCancel={() => setPending(null)}
          onConfirm={(text) => {
            reason.current = text;
            const values = pending;
            setPending(null);
            // as the form's own submit does: a refused field is marked on the form
            void onSubmit(values).then((errors) => errors && setSubmissionErrors(errors as never, setError.current));
          }}
        >
          <PolicyPreview
            campaignId={campaign.id}
            policyJson={toPolicyJson(pending as unknown as PolicyForm)}
            current={current}
          />
        </ChangeReasonDialog>
      )}
    </Form>
  );
}

/**
 * The scoring policy editor: a strategy from the server's list with a form
 * drawn from its declared arguments, minimum counted votes, rounding and
 * tiers; the standings on the current tally are previewed before saving.
 */
export default function PolicyEditorPage() {
  const { campaign, isPending } = useCurrentCampaign();
  const strategies = useGraphqlQuery(['strategies'], SCORING_STRATEGIES, {});
  const standings = useGraphqlQuery(
    ['standings', campaign?.id],
    STANDINGS_QUERY,
    { campaignId: campaign?.id ?? '' },
    !!campaign,
  );
  if (isPending || strategies.isPending) return <Loading />;
  if (!campaign) return <NoCampaign />;
  const parsed = (strategies.data?.scoringStrategies ?? []).map(parseStrategy);
  return (
    <ResourceContextProvider value="campaigns">
      <Card sx={{ mt: 2 }}>
        <Title title="pingyi.menu.policy" />
        <CardContent>
          <PolicyEditor
            key={`${campaign.id}:${campaign.policyJson}`}
            campaign={campaign}
            strategies={parsed}
            current={standings.data?.standings}
          />
        </CardContent>
      </Card>
    </ResourceContextProvider>
  );
}
