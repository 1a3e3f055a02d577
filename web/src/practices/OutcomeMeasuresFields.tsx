import { Button, Fieldset, TextInput } from 'nhsuk-react-components';

export interface MeasureRow {
  label: string;
  before: string;
  after: string;
  unit: string;
}

export const EMPTY_ROW: MeasureRow = { label: '', before: '', after: '', unit: '' };

interface Props {
  rows: MeasureRow[];
  onChange(rows: MeasureRow[]): void;
  errorFor(field: string): string | undefined;
}

/** Outcome measures, one fieldset each: what was measured, before, after and the unit. */
export function OutcomeMeasuresFields({ rows, onChange, errorFor }: Props) {
  const set = (index: number, change: Partial<MeasureRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  return (
    <Fieldset aria-describedby="measures-hint">
      <Fieldset.Legend size="m">Outcome measures</Fieldset.Legend>
      <p id="measures-hint" className="nhsuk-hint">
        The numbers before and after the change, for example a median wait of 42 days before and 18 after. Up to 20.
      </p>
      {errorFor('outcomeMeasures') && (
        <p id="outcomeMeasures" className="nhsuk-error-message" tabIndex={-1}>
          <span className="nhsuk-u-visually-hidden">Error:</span> {errorFor('outcomeMeasures')}
        </p>
      )}
      {rows.map((row, index) => {
        const id = (part: string) => `outcomeMeasures-${index}-${part}`;
        return (
          <Fieldset key={index}>
            <Fieldset.Legend size="s">Measure {index + 1}</Fieldset.Legend>
            <TextInput
              id={id('label')}
              label="What was measured"
              value={row.label}
              onChange={(event) => set(index, { label: event.currentTarget.value })}
              error={errorFor(id('label'))}
            />
            <TextInput
              id={id('before')}
              label="Before"
              inputMode="decimal"
              width={5}
              value={row.before}
              onChange={(event) => set(index, { before: event.currentTarget.value })}
              error={errorFor(id('before'))}
            />
            <TextInput
              id={id('after')}
              label="After"
              inputMode="decimal"
              width={5}
              value={row.after}
              onChange={(event) => set(index, { after: event.currentTarget.value })}
              error={errorFor(id('after'))}
            />
            <TextInput
              id={id('unit')}
              label="Unit"
              hint="For example: days, %, patients"
              width={10}
              value={row.unit}
              onChange={(event) => set(index, { unit: event.currentTarget.value })}
              error={errorFor(id('unit'))}
            />
            <Button type="button" secondary small onClick={() => onChange(rows.filter((_, i) => i !== index))}>
              Remove measure {index + 1}
            </Button>
          </Fieldset>
        );
      })}
      {rows.length < 20 && (
        <Button type="button" secondary onClick={() => onChange([...rows, EMPTY_ROW])}>
          Add a measure
        </Button>
      )}
    </Fieldset>
  );
}

/** The rows as the API wants them; a row with nothing in it is left out. */
export function measuresFrom(rows: MeasureRow[]) {
  return rows
    .filter((row) => row.label.trim() || row.before.trim() || row.after.trim())
    .map((row) => ({
      label: row.label.trim(),
      before: Number(row.before.trim() || NaN),
      after: Number(row.after.trim() || NaN),
      unit: row.unit.trim(),
    }));
}
