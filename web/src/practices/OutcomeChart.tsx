import { Table } from 'nhsuk-react-components';

import type { OutcomeMeasure } from '../api/types';
import { formatAmount } from './outcome-words';

const WIDTH = 560;
const LABEL = 150;
const BAR = 14;
const ROW = 52;

/** Before and after as two bars per measure, each measure on its own scale (their units differ). */
function Bars({ measures }: { measures: OutcomeMeasure[] }) {
  const span = WIDTH - LABEL - 90;
  return (
    <svg
      className="app-chart"
      viewBox={`0 0 ${WIDTH} ${measures.length * ROW + 24}`}
      width={WIDTH}
      aria-hidden="true"
      focusable="false"
    >
      <rect x={LABEL} y={2} width={12} height={10} fill="#aeb7bd" />
      <text x={LABEL + 16} y={11}>
        Before
      </text>
      <rect x={LABEL + 70} y={2} width={12} height={10} fill="#005eb8" />
      <text x={LABEL + 86} y={11}>
        After
      </text>
      {measures.map((measure, index) => {
        const top = 24 + index * ROW;
        const largest = Math.max(Math.abs(measure.before), Math.abs(measure.after)) || 1;
        const length = (value: number) => Math.max(2, (Math.abs(value) / largest) * span);
        return (
          <g key={measure.label}>
            <text x={0} y={top + BAR}>
              {measure.label.length > 22 ? `${measure.label.slice(0, 21)}…` : measure.label}
            </text>
            <rect x={LABEL} y={top} width={length(measure.before)} height={BAR} fill="#aeb7bd" />
            <text x={LABEL + length(measure.before) + 6} y={top + BAR - 3}>
              {formatAmount(measure.before, measure.unit)}
            </text>
            <rect x={LABEL} y={top + BAR + 4} width={length(measure.after)} height={BAR} fill="#005eb8" />
            <text x={LABEL + length(measure.after) + 6} y={top + 2 * BAR + 1}>
              {formatAmount(measure.after, measure.unit)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** The outcome measures as a small chart for the eye and a table for everyone (screen readers read the table). */
export function OutcomeChart({ measures }: { measures: OutcomeMeasure[] }) {
  if (measures.length === 0) return <p>No outcome measures were given.</p>;
  return (
    <figure className="nhsuk-u-margin-0">
      <Bars measures={measures} />
      <Table caption="Outcome measures before and after" responsive>
        <Table.Head>
          <Table.Row>
            <Table.Cell>Measure</Table.Cell>
            <Table.Cell>Before</Table.Cell>
            <Table.Cell>After</Table.Cell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {measures.map((measure) => (
            <Table.Row key={measure.label}>
              <Table.Cell>{measure.label}</Table.Cell>
              <Table.Cell>{formatAmount(measure.before, measure.unit)}</Table.Cell>
              <Table.Cell>{formatAmount(measure.after, measure.unit)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </figure>
  );
}
