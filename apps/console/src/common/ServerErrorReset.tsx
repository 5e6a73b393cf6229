import { useEffect } from 'react';
import { type FieldErrors, type FieldValues, useFormContext, type UseFormReturn } from 'react-hook-form';

/** The names of the form's inputs on screen (react-hook-form keeps them in `control._names.mount`). */
function mountedNames(form: UseFormReturn): ReadonlySet<string> {
  return (form.control as unknown as { _names?: { mount?: Set<string> } })._names?.mount ?? new Set<string>();
}

/** Every `server` error of the form, by its dotted name (`phases.2.start`). */
function serverErrors(errors: FieldErrors, prefix = ''): [string, string][] {
  return Object.entries(errors).flatMap(([name, value]) => {
    if (!value || typeof value !== 'object' || name === 'root') return [];
    const error = value as { type?: unknown; message?: unknown };
    if (error.type === 'server') return [[`${prefix}${name}`, String(error.message ?? '')]];
    return typeof error.type === 'string' ? [] : serverErrors(value as FieldErrors, `${prefix}${name}.`);
  });
}

/** The input a server path names: itself, else the longest tail that is an input (`payload.deadline` → `deadline`). */
function inputOf(name: string, mounted: ReadonlySet<string>): string | null {
  const parts = name.split('.');
  for (let i = 0; i < parts.length; i += 1) {
    const tail = parts.slice(i).join('.');
    if (mounted.has(tail)) return tail;
  }
  return null;
}

/**
 * Keeps a form's server refusal from locking it. A refusal the server puts
 * on a field shows on that field, red, even when the server names it
 * differently (`payload.deadline`); one that names no input of the form is
 * left to the alert or notification, so it cannot block the next save with
 * nothing red. Changing a field clears the server's error on it and the
 * form-wide one (`onChange` hides the alert above the form).
 */
export function useServerErrorReset(onChange?: () => void): void {
  const form = useFormContext<FieldValues>() as UseFormReturn | null;
  const errors = form?.formState.errors;
  useEffect(() => {
    if (!form || !errors) return;
    const mounted = mountedNames(form);
    for (const [name, message] of serverErrors(errors)) {
      if (mounted.has(name)) continue;
      form.clearErrors(name);
      const input = inputOf(name, mounted);
      if (input) form.setError(input, { type: 'server', message });
    }
  }, [form, errors]);
  useEffect(() => {
    if (!form) return undefined;
    const subscription = form.watch((_values, { name, type }) => {
      if (!name || type !== 'change') return;
      const { errors: current } = form.formState;
      for (const [errorName] of serverErrors(current)) {
        if (errorName === name || errorName.startsWith(`${name}.`) || name.startsWith(`${errorName}.`))
          form.clearErrors(errorName);
      }
      if (current.root) form.clearErrors('root');
      onChange?.();
    });
    return () => subscription.unsubscribe();
  }, [form, onChange]);
}

/** {@link useServerErrorReset} for a form without a server alert (react-admin's own Create and Edit pages). */
export function ServerErrorReset() {
  useServerErrorReset();
  return null;
}
