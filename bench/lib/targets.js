// The targets of issue #24, judged from one run's results. Latency targets are ratios to the
// baseline at the same arrival rate in the same run, so a slow day for the machine (its
// speed drifts by a fifth within hours) moves both sides and not the verdict; the absolute
// figures are given beside each for information.
export const OPEN_LOOP_TARGETS = [
  { fraction: 0.5, maxRatio: 1.3 },
  { fraction: 0.7, maxRatio: 1.5 },
];
export const FANOUT_TARGETS = { p99Ms: 200, rssMiB: 300 };
/** Above this share of failed requests an open-loop step's p99 (of the answered ones) is not trusted. */
export const MAX_FAILED_SHARE = 0.001;

/** The forum's variants a row may have: as benchmarked, and with REDIS_URL. */
export const VARIANTS = [
  { key: 'app', label: 'forum' },
  { key: 'redis', label: 'forum with Redis' },
];

const r2 = (value) => value.toFixed(2);
const ms = (value) => (value === null || value === undefined ? '–' : `${value} ms`);

/** The step of an open-loop sweep at `fraction` of capacity, or null. */
export function stepAt(openLoop, key, fraction) {
  const index = openLoop?.fractions?.findIndex((f) => Math.abs(f - fraction) < 1e-9) ?? -1;
  return index >= 0 ? (openLoop[key]?.[index] ?? null) : null;
}

/**
 * Every target that can be judged from `results`: { scenario, target, value, detail, met }
 * where met is true, false, or null (not measured in this run).
 */
export function judge(results) {
  const rows = [];
  // Against an earlier build (--compare) the baseline's targets do not apply.
  if (results.reference?.sha) return rows;
  for (const row of results.http ?? []) {
    if (!row.baseline) continue;
    const minRatio = row.minRatio ?? (row.id === 'S3' ? 0.6 : 0.7);
    for (const variant of VARIANTS) {
      const forum = row[variant.key];
      if (!forum) continue;
      const suffix = variant.key === 'app' ? '' : ` (${variant.label})`;
      const ratio = row.baseline.rps > 0 ? forum.rps / row.baseline.rps : null;
      rows.push({
        scenario: row.name + suffix,
        target: `closed-loop req/s ≥ ${minRatio.toFixed(2)} × baseline`,
        value: ratio === null ? '–' : `${r2(ratio)}`,
        detail: `${Math.round(forum.rps)} against ${Math.round(row.baseline.rps)} req/s`,
        met: ratio === null ? null : ratio >= minRatio,
      });
      // Runs from before the open-loop sweep, or scenarios without one, have only the above.
      if (!row.openLoop) continue;
      for (const { fraction, maxRatio } of OPEN_LOOP_TARGETS) {
        const mine = stepAt(row.openLoop, variant.key, fraction);
        const theirs = stepAt(row.openLoop, 'baseline', fraction);
        const target = `p99 ≤ ${maxRatio} × baseline's at ${Math.round(fraction * 100)} % of capacity`;
        if (!mine || !theirs || mine.p99 === null || theirs.p99 === null) {
          rows.push({ scenario: row.name + suffix, target, value: '–', detail: 'not measured', met: null });
          continue;
        }
        const ratio = mine.p99 / theirs.p99;
        const failedShare = mine.sent > 0 ? mine.failed / mine.sent : 0;
        rows.push({
          scenario: row.name + suffix,
          target,
          value: `${r2(ratio)}`,
          detail: `${ms(mine.p99)} against ${ms(theirs.p99)} at ${mine.rate} req/s${mine.failed ? `; ${mine.failed} of ${mine.sent} failed` : ''}`,
          met: ratio <= maxRatio && failedShare <= MAX_FAILED_SHARE,
        });
      }
    }
  }
  for (const [key, label] of [
    ['fanout', 'S5 live fan-out'],
    ['fanoutRedis', 'S5 live fan-out (forum with Redis)'],
  ]) {
    const fan = results.live?.[key];
    if (!fan) continue;
    rows.push(
      {
        scenario: label,
        target: `p99 < ${FANOUT_TARGETS.p99Ms} ms`,
        value: ms(fan.p99),
        detail: `p50 ${ms(fan.p50)}, max ${ms(fan.max)}`,
        met: fan.p99 !== null && fan.p99 < FANOUT_TARGETS.p99Ms,
      },
      {
        scenario: label,
        target: 'nothing lost',
        value: `${fan.lost} lost`,
        detail: `${fan.received} of ${fan.expected} received`,
        met: fan.lost === 0,
      },
      {
        scenario: label,
        target: `RSS < ${FANOUT_TARGETS.rssMiB} MiB with ${fan.sockets} sockets`,
        value: `${fan.rssPeakMiB} MiB`,
        detail: `peak; ${fan.rssConnectedMiB} MiB connected, ${fan.rssIdleMiB} MiB before`,
        met: fan.rssPeakMiB !== null && fan.rssPeakMiB < FANOUT_TARGETS.rssMiB,
      },
    );
  }
  return rows;
}

export const verdict = (met) => (met === null ? 'not measured' : met ? 'met' : '**missed**');
