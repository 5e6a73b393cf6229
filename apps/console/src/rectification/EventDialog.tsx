import {
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  FormGroup,
  Typography,
} from '@mui/material';
import {
  Button,
  DateInput,
  Form,
  maxValue,
  minValue,
  NumberInput,
  required,
  SaveButton,
  TextInput,
  useInput,
  useTranslate,
  type Validator,
} from 'react-admin';
import { ServerErrorAlert, useServerSubmit } from '../common/EditablePanel';
import { type EventField, eventForm, eventPayload } from './rectification-events';

export interface EvidenceFile {
  id: string;
  name: string;
}

/** Picks evidence among the item's attachments (uploaded beside the dialog). */
function EvidencePicker({ files }: { files: readonly EvidenceFile[] }) {
  const translate = useTranslate();
  const { field } = useInput<string[]>({ source: 'evidence', defaultValue: [] });
  const chosen = new Set(field.value ?? []);
  if (!files.length)
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('pingyi.rectification.no_evidence_yet')}
      </Typography>
    );
  return (
    <FormGroup>
      <Typography variant="body2" sx={{ mt: 1 }}>
        {translate('pingyi.rectification.fields.evidence')}
      </Typography>
      {files.map((file) => (
        <FormControlLabel
          key={file.id}
          label={file.name}
          control={
            <Checkbox
              checked={chosen.has(file.id)}
              onChange={(event) => {
                const next = new Set(chosen);
                if (event.target.checked) next.add(file.id);
                else next.delete(file.id);
                field.onChange([...next]);
              }}
            />
          }
        />
      ))}
    </FormGroup>
  );
}

function FieldInput({
  field,
  isRequired,
  evidence,
}: {
  field: EventField;
  isRequired: boolean;
  evidence: readonly EvidenceFile[];
}) {
  const validate: Validator[] = isRequired ? [required()] : [];
  const label = `pingyi.rectification.fields.${field}`;
  switch (field) {
    case 'deadline':
    case 'lookBackDue':
      return <DateInput source={field} label={label} validate={validate} />;
    case 'progress':
      return <NumberInput source={field} label={label} validate={[...validate, minValue(0), maxValue(100)]} />;
    case 'reportingIntervalDays':
      return <NumberInput source={field} label={label} validate={[...validate, minValue(1), maxValue(365)]} />;
    case 'evidence':
      return <EvidencePicker files={evidence} />;
    case 'plan':
    case 'publicResponse':
    case 'note':
    case 'reason':
      return (
        <TextInput
          source={field}
          label={label}
          validate={validate}
          multiline
          minRows={field === 'plan' || field === 'publicResponse' ? 4 : 2}
        />
      );
    default:
      return <TextInput source={field} label={label} validate={validate} />;
  }
}

/**
 * The form of one lifecycle event: its fields, sent with the item's version;
 * the server's refusal (wrong state, missing field, someone else changed the
 * item) is shown above the form and next to the field it names.
 */
export function EventDialog({
  event,
  evidence,
  onClose,
  onSend,
}: {
  event: string;
  evidence: readonly EvidenceFile[];
  onClose: () => void;
  onSend: (payload: Record<string, unknown>) => Promise<void>;
}) {
  const translate = useTranslate();
  const form = eventForm(event);
  const { onSubmit, error } = useServerSubmit(async (values: Record<string, unknown>) => {
    await onSend(eventPayload(form, values));
    onClose();
  });
  const fields = [...form.requires, ...form.optional];
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <Form onSubmit={onSubmit}>
        <DialogTitle>{translate(`pingyi.rectification.events.${event}`, { _: event })}</DialogTitle>
        <DialogContent>
          <ServerErrorAlert error={error} />
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {translate(`pingyi.rectification.event_help.${event}`, { _: '' })}
          </Typography>
          {fields.map((field) => (
            <FieldInput key={field} field={field} isRequired={form.requires.includes(field)} evidence={evidence} />
          ))}
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={onClose} />
          <SaveButton label={`pingyi.rectification.events.${event}`} icon={<></>} alwaysEnable />
        </DialogActions>
      </Form>
    </Dialog>
  );
}
