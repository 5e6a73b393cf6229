import { Box, Typography } from '@mui/material';
import {
  BooleanInput,
  CheckboxGroupInput,
  maxValue,
  minValue,
  NumberInput,
  required,
  SelectInput,
  TextInput,
  useLocaleState,
  type Validator,
} from 'react-admin';
import { type ArgDescription, inputKindOf } from './strategy-args';

/** Everything an argument input may need from the campaign. */
export interface ArgContext {
  levels: readonly { code: string; label: string }[];
  groups: readonly { code: string; label: string }[];
}

const below = (max: number) => (value: unknown) =>
  typeof value === 'number' && value >= max ? { message: 'pingyi.policy.below', args: { max } } : undefined;

/**
 * One input for one declared argument, chosen by its type alone: the form of
 * any strategy, built-in or plugin, is drawn from its declaration.
 */
export function ArgInput({ arg, context }: { arg: ArgDescription; context: ArgContext }) {
  const [locale] = useLocaleState();
  const label = locale === 'en' ? arg.label.en : arg.label.zh;
  const helperText = arg.description ? (locale === 'en' ? arg.description.en : arg.description.zh) : false;
  const source = `strategy.args.${arg.name}`;
  const validate: Validator[] = [];
  if (arg.required) validate.push(required());
  const kind = inputKindOf(arg);
  const common = { source, label, helperText, validate, defaultValue: arg.default as never, fullWidth: true } as const;
  switch (kind) {
    case 'number':
    case 'integer': {
      if (arg.min !== undefined) validate.push(minValue(arg.min));
      if (arg.max !== undefined) validate.push(arg.exclusiveMax ? below(arg.max) : maxValue(arg.max));
      return <NumberInput {...common} step={kind === 'integer' ? 1 : 0.01} sx={{ maxWidth: 320 }} />;
    }
    case 'boolean':
      return <BooleanInput source={source} label={label} helperText={helperText} defaultValue={arg.default ?? false} />;
    case 'text':
      return <TextInput {...common} />;
    case 'choice':
      return (
        <SelectInput
          {...common}
          choices={(arg.options ?? []).map((option) => ({ id: option, name: option }))}
          translateChoice={false}
          sx={{ maxWidth: 320 }}
        />
      );
    case 'level':
      return (
        <SelectInput
          {...common}
          choices={context.levels.map((level) => ({ id: level.code, name: level.label }))}
          translateChoice={false}
          sx={{ maxWidth: 320 }}
        />
      );
    case 'levels':
      return (
        <CheckboxGroupInput
          {...common}
          choices={context.levels.map((level) => ({ id: level.code, name: level.label }))}
          translateChoice={false}
        />
      );
    case 'choices':
      return (
        <CheckboxGroupInput
          {...common}
          choices={(arg.options ?? []).map((option) => ({ id: option, name: option }))}
          translateChoice={false}
        />
      );
    case 'list':
      return (
        <TextInput
          {...common}
          format={(value: unknown) =>
            Array.isArray(value) ? value.join(', ') : ((value as string | null | undefined) ?? '')
          }
          parse={(text: string) => text.split(/[,，\s]+/).filter(Boolean)}
        />
      );
    case 'groupWeights':
      return (
        <Box>
          <Typography variant="body2" sx={{ mb: 1 }}>
            {label}
          </Typography>
          <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2 }}>
            {context.groups.map((group) => (
              <NumberInput
                key={group.code}
                source={`${source}.${group.code}`}
                label={group.label}
                validate={minValue(0)}
                fullWidth={false}
                sx={{ width: 140 }}
              />
            ))}
          </Box>
        </Box>
      );
    default:
      return (
        <TextInput
          {...common}
          multiline
          format={(value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value ?? null))}
          helperText={helperText || 'pingyi.policy.json_arg'}
        />
      );
  }
}
