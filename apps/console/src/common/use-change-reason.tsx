import { type ReactNode, useCallback, useRef, useState } from 'react';
import { ChangeReasonDialog } from './ChangeReasonDialog';

/** Thrown when the user closes the reason dialog: the save does not go ahead. */
export class ChangeCancelled extends Error {
  constructor() {
    super('pingyi.change_reason.cancelled');
  }
}

/**
 * Asks for a reason in a {@link ChangeReasonDialog} from inside a save
 * (`await ask(effect)` resolves with the reason, or rejects with
 * {@link ChangeCancelled}); render `dialog` once in the page.
 */
export function useChangeReason(
  title: string,
  warning: string,
): { dialog: ReactNode; ask: (effect?: ReactNode) => Promise<string> } {
  const [effect, setEffect] = useState<ReactNode | null | undefined>(undefined);
  const settle = useRef<{ resolve: (reason: string) => void; reject: (error: Error) => void } | null>(null);
  const ask = useCallback(
    (shown?: ReactNode) =>
      new Promise<string>((resolve, reject) => {
        settle.current = { resolve, reject };
        setEffect(shown ?? null);
      }),
    [],
  );
  const close = (reason: string | null) => {
    setEffect(undefined);
    if (reason === null) settle.current?.reject(new ChangeCancelled());
    else settle.current?.resolve(reason);
    settle.current = null;
  };
  const dialog =
    effect === undefined ? null : (
      <ChangeReasonDialog
        open
        title={title}
        warning={warning}
        onCancel={() => close(null)}
        onConfirm={(reason) => close(reason)}
      >
        {effect}
      </ChangeReasonDialog>
    );
  return { dialog, ask };
}
