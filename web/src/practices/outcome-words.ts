import type { OutcomeMeasure } from '../api/types';

function amount(value: number, unit: string): string {
  const number = value.toLocaleString('en-GB');
  if (!unit) return number;
  return unit === '%' ? `${number}%` : `${number} ${unit}`;
}

/** "Median wait: 42 days before, 18 days after (down 57%)". */
export function describeOutcome(measure: OutcomeMeasure): string {
  const change =
    measure.before === 0
      ? ''
      : ` (${measure.after < measure.before ? 'down' : 'up'} ${Math.round((Math.abs(measure.after - measure.before) / Math.abs(measure.before)) * 100)}%)`;
  return `${measure.label}: ${amount(measure.before, measure.unit)} before, ${amount(measure.after, measure.unit)} after${change}`;
}

export { amount as formatAmount };
