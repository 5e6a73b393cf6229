import { type BallotFormData } from './public-ballot.api';
import { type BallotMessages } from './public-ballot.messages';

export interface SheetValues {
  /** Level code per unit code; a unit left out abstains. */
  readonly ratings: Readonly<Record<string, string>>;
  readonly opinions: Readonly<Record<string, string>>;
}

interface BallotSheetProps {
  readonly form: BallotFormData;
  readonly values: SheetValues;
  readonly messages: BallotMessages;
  readonly disabled: boolean;
  onRate(unit: string, level: string | null): void;
  onOpinion(unit: string, text: string): void;
}

// Characters as the server counts them (code points).
const lengthOf = (text: string): number => [...text].length;

/**
 * The ballot laid out like the paper sheet: a row per appraised unit, a
 * column per level. Each unit is a fieldset whose legend names it; each
 * level a native radio button labelled with the level (shown as the column
 * heading on a wide screen, beside the button on a phone), so the arrow keys
 * move within a row and a screen reader announces "unit, group: level, radio
 * button 1 of 6". An opinion box under each row.
 */
export function BallotSheet({ form, values, messages, disabled, onRate, onOpinion }: BallotSheetProps) {
  return (
    <div className="pb-sheet" style={{ ['--levels' as string]: form.levels.length }}>
      <div className="pb-row pb-head" aria-hidden="true">
        <div>{messages.unitColumn}</div>
        {form.levels.map((level) => (
          <div key={level.code}>{level.label}</div>
        ))}
        <div />
      </div>
      {form.units.map((unit) => {
        const chosen = values.ratings[unit.code];
        const opinion = values.opinions[unit.code] ?? '';
        const used = lengthOf(opinion);
        const opinionId = `pb-opinion-${unit.code}`;
        return (
          <fieldset
            key={unit.code}
            className={`pb-unit${chosen ? ' pb-unit-rated' : ''}`}
            data-testid={`unit-${unit.code}`}
            disabled={disabled}
          >
            <legend className="pb-visually-hidden">{unit.name}</legend>
            <div className="pb-row">
              <div className="pb-unit-name" aria-hidden="true">
                {unit.name}
              </div>
              {form.levels.map((level) => (
                <label key={level.code} className="pb-choice">
                  <input
                    type="radio"
                    name={`unit-${unit.code}`}
                    value={level.code}
                    checked={chosen === level.code}
                    onChange={() => onRate(unit.code, level.code)}
                  />
                  <span className="pb-choice-label">{level.label}</span>
                </label>
              ))}
              <div className="pb-actions">
                {chosen ? (
                  <button
                    type="button"
                    className="pb-link"
                    onClick={() => onRate(unit.code, null)}
                    aria-label={messages.clearLabel(unit.name)}
                  >
                    {messages.clear}
                  </button>
                ) : null}
              </div>
              <div className="pb-opinion">
                <label htmlFor={opinionId} className="pb-visually-hidden">
                  {messages.opinionLabel(unit.name)}
                </label>
                <textarea
                  id={opinionId}
                  rows={1}
                  value={opinion}
                  placeholder={messages.opinionPlaceholder}
                  aria-describedby={`${opinionId}-count`}
                  onChange={(event) =>
                    onOpinion(unit.code, [...event.target.value].slice(0, form.opinionMaxLength).join(''))
                  }
                />
                {used > 0 ? (
                  <div
                    id={`${opinionId}-count`}
                    className={`pb-counter${used > form.opinionMaxLength * 0.9 ? ' pb-counter-near' : ''}`}
                  >
                    {messages.opinionCount(used, form.opinionMaxLength)}
                  </div>
                ) : (
                  <span id={`${opinionId}-count`} hidden />
                )}
              </div>
            </div>
          </fieldset>
        );
      })}
    </div>
  );
}
