// One run's results as Markdown (bench/results/<timestamp>.md and latest-<scale>.md), and the
// sections the results page (report-page.js) reuses. Every section reads only the fields it
// needs and is left out when they are missing, so older results (from before the open-loop
// sweep or the Redis runs) still render.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { judge, verdict } from './targets.js';

const fmt = (value, digits = 0) => (value === null || value === undefined ? '–' : Number(value).toFixed(digits));
const yes = (ok) => (ok === null ? '–' : ok ? 'met' : 'missed');
const SIDE_LABELS = { app: 'app', redis: 'app, REDIS_URL' };

/** Growth: p99 at large over p99 at small, from the latest run of each scale. */
function growth(resultsDir) {
  const read = (scale) => {
    const file = join(resultsDir, `latest-${scale}.json`);
    return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
  };
  const small = read('small');
  const large = read('large');
  if (!small || !large) return [];
  return large.http
    .filter((row) => row.id === 'S1' || row.id === 'S2')
    .map((row) => {
      const before = small.http.find((candidate) => candidate.name === row.name);
      if (!before) return null;
      return {
        name: row.name,
        app: {
          small: before.app.p99,
          large: row.app.p99,
          ratio: Math.round((row.app.p99 / before.app.p99) * 100) / 100,
        },
        baseline: {
          small: before.baseline.p99,
          large: row.baseline.p99,
          ratio: Math.round((row.baseline.p99 / before.baseline.p99) * 100) / 100,
        },
        smallRun: small.startedAt,
        largeRun: large.startedAt,
      };
    })
    .filter(Boolean);
}

export function headerSection(results) {
  const lines = [];
  const m = results.machine;
  lines.push(
    `Machine: ${m.cpuModel}, ${m.cpus} cores, ${m.memoryGiB} GiB, Node ${m.node}; ${m.pinning}. ${results.database}.`,
  );
  const git = results.git;
  lines.push(
    git
      ? `Code: commit \`${git.commit ?? 'unknown'}\`${git.dirty ? `, tree dirty (uncommitted changes to ${git.changedFiles} tracked files)` : git.dirty === false ? ', tree clean' : ''}.`
      : 'Code: commit not recorded (the run predates the runner recording it).',
  );
  const d = results.data;
  if (d)
    lines.push(
      `Data: ${d.collaboratives} collaboratives, ${d.users} users, ${d.threads} threads, ${d.replies} replies, ${d.practices} practices (busiest collaborative ${d.busiestCollaborativeThreads} threads, busiest thread ${d.busiestThreadReplies} replies; ${d.databaseSize}).`,
    );
  const rounds = results.settings.rounds ?? 1;
  lines.push(
    `Closed loop: autocannon, ${results.settings.connections} connections, ${results.settings.warmupSeconds} s warm-up then ${results.settings.seconds} s measured, one server running at a time; ${rounds} round${rounds === 1 ? '' : 's'} per server, alternating, the median round shown (every round's req/s in brackets).`,
  );
  const open = results.settings.openLoop;
  if (open)
    lines.push(
      `Open loop: requests at fixed arrival rates of ${open.fractions.map((f) => `${Math.round(f * 100)} %`).join(', ')} of the baseline's closed-loop req/s in this run, lowest first, ${open.stepWarmupSeconds} s warm-up then ${open.seconds} s measured each (after ${open.warmupSeconds} s at the second rate when the server starts); latency from each request's intended send time; late: handed to a socket more than ${open.lateMs} ms after it; failed: an error, a timeout (10 s) or a non-2xx answer.`,
    );
  if (results.redis) lines.push(`Redis: the "app, REDIS_URL" runs use ${results.redis.url}.`);
  return lines;
}

export function closedLoopSection(results) {
  if (!results.http?.length) return [];
  // With --compare the second server is the forum at an earlier revision, and the targets (against the baseline) do not apply.
  const other = results.reference?.label ?? 'baseline';
  const comparing = Boolean(results.reference?.sha);
  const lines = [];
  if (comparing)
    lines.push(
      `Compared: this tree ("app") against the forum built at ${results.reference.sha} ("${other}"), on the same database with this tree's migrations.`,
      '',
    );
  lines.push(
    `| Scenario | Server | req/s | p50 ms | p97.5 ms | p99 ms | non-2xx | server CPU % | RSS MiB | load avg (1 min) before → after | app/${other} | per server CPU second |`,
  );
  lines.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |');
  for (const row of results.http) {
    let first = true;
    for (const kind of ['app', 'redis', 'baseline']) {
      const f = row[kind];
      if (!f) continue;
      const ratio = kind === 'baseline' || !row.baseline ? null : f.rps / row.baseline.rps;
      const ratioText =
        kind === 'app'
          ? `${fmt(row.ratio, 2)}${comparing && row.roundRatios?.length > 1 ? ` (rounds: ${row.roundRatios.map((r) => fmt(r, 2)).join(', ')})` : ''}${row.shapesDiffer ? ', answers differ' : ''}`
          : fmt(ratio, 2);
      lines.push(
        `| ${first ? row.name : ''} | ${SIDE_LABELS[kind] ?? other} | ${fmt(f.rps)}${f.rounds?.length > 1 ? ` (${f.rounds.join(', ')})` : ''} | ${f.p50} | ${f.p97_5} | ${f.p99} | ${f.non2xx + f.errors} | ${fmt(f.cpuPercent)} | ${fmt(f.rssMiB)} | ${f.loadBefore[0]} → ${f.loadAfter[0]} | ${kind === 'baseline' ? '' : ratioText} | ${kind === 'app' ? fmt(row.cpuRatio, 2) : ''} |`,
      );
      first = false;
    }
  }
  return lines;
}

export function openLoopSection(results) {
  const rows = (results.http ?? []).filter((row) => row.openLoop);
  if (!rows.length) return [];
  const other = results.reference?.label ?? 'baseline';
  const lines = [
    `| Scenario | Server | % of capacity | rate req/s | answered req/s | p50 ms | p99 ms | p99.9 ms | max ms | measured | late | failed |`,
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const row of rows) {
    let first = true;
    for (const kind of ['app', 'redis', 'baseline']) {
      for (const [i, step] of (row.openLoop[kind] ?? []).entries()) {
        lines.push(
          `| ${first ? row.name : ''} | ${i === 0 ? (SIDE_LABELS[kind] ?? other) : ''} | ${Math.round(row.openLoop.fractions[i] * 100)} | ${fmt(step.rate)} | ${fmt(step.achievedRps)} | ${fmt(step.p50, 1)} | ${fmt(step.p99, 1)} | ${fmt(step.p99_9, 1)} | ${fmt(step.max, 1)} | ${step.sent} | ${step.late} | ${step.failed} |`,
        );
        first = false;
      }
    }
  }
  return lines;
}

export function targetsSection(results) {
  const judged = judge(results);
  if (!judged.length) return [];
  const lines = ['| Scenario | Target | Value | Figures | Verdict |', '| --- | --- | ---: | --- | --- |'];
  for (const t of judged) lines.push(`| ${t.scenario} | ${t.target} | ${t.value} | ${t.detail} | ${verdict(t.met)} |`);
  return lines;
}

export function liveSection(results) {
  const lines = [];
  const fans = [
    ['app', results.live?.fanout],
    ['app, REDIS_URL', results.live?.fanoutRedis],
  ].filter(([, fan]) => fan);
  if (fans.length) {
    const [, fan] = fans[0];
    lines.push(
      `**S5 live fan-out** (app only; the baseline has no socket layer): ${fan.sockets} sockets (${fan.distinctUsers} people) following the busiest collaborative, ${fan.threads} threads posted 250 ms apart.`,
      '',
      '| Server | p50 ms | p99 ms | max ms | received / expected | lost | RSS idle MiB | RSS connected MiB | RSS peak MiB | connect s | load before → after | Target |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |',
    );
    for (const [label, f] of fans)
      lines.push(
        `| ${label} | ${f.p50} | ${f.p99} | ${f.max} | ${f.received} / ${f.expected} | ${f.lost} | ${f.rssIdleMiB} | ${f.rssConnectedMiB} | ${f.rssPeakMiB} | ${f.connectSeconds} | ${f.loadBefore[0]} → ${f.loadAfter[0]} | p99 ${yes(f.p99 < 200)}, lost ${yes(f.lost === 0)}, RSS ${yes(f.rssPeakMiB < 300)} |`,
      );
    lines.push(
      '',
      'Latency is from the moment the POST answered to each socket receiving `thread.created` (negative: the event arrived before the answer).',
    );
  }
  const cu = results.live?.catchUp;
  if (cu) {
    lines.push(
      ...(lines.length ? [''] : []),
      `**S6 catch-up**: ${cu.sockets} sockets reconnect at once with \`lastEventId\` 100 events of the busy collaborative back (their own notifications come on top): all caught up in **${fmt(cu.allCaughtUpMs)} ms** (per socket p50 ${cu.p50} ms, p99 ${cu.p99} ms), ${cu.eventsReplayedMean} events replayed per socket, ${cu.notCaughtUp} not caught up, ${cu.connectFailed} failed to connect; load ${cu.loadBefore[0]} → ${cu.loadAfter[0]}.`,
    );
  }
  return lines;
}

export function growthSection(results) {
  if (!results.growth?.length) return [];
  const lines = [
    '**Growth** (p99 at large ÷ p99 at small, latest run of each):',
    '',
    '| Scenario | app small → large ms | app ratio | baseline small → large ms | baseline ratio | Target (< 1.5) |',
    '| --- | --- | ---: | --- | ---: | --- |',
  ];
  for (const g of results.growth)
    lines.push(
      `| ${g.name} | ${g.app.small} → ${g.app.large} | ${g.app.ratio} | ${g.baseline.small} → ${g.baseline.large} | ${g.baseline.ratio} | ${yes(g.app.ratio < 1.5)} |`,
    );
  return lines;
}

/** The sections in order, each separated by a blank line; `extra` goes after the open-loop table (the page's plots). */
export function bodySections(results, { headingLevel = 4, afterOpenLoop = [] } = {}) {
  const h = '#'.repeat(headingLevel);
  const parts = [
    [`${h} Targets`, targetsSection(results)],
    [`${h} Closed loop`, closedLoopSection(results)],
    [`${h} Open loop`, openLoopSection(results), afterOpenLoop],
    [`${h} Live`, liveSection(results)],
    [`${h} Growth`, growthSection(results)],
  ];
  const lines = [];
  for (const [heading, body, after = []] of parts) {
    if (!body.length) continue;
    lines.push(heading, '', ...body, '');
    if (after.length) lines.push(...after, '');
  }
  return lines;
}

export function toMarkdown(results) {
  return [
    `### Benchmark ${results.startedAt} (scale ${results.scale})`,
    '',
    ...headerSection(results),
    '',
    ...bodySections(results),
  ]
    .join('\n')
    .trimEnd();
}

export function report(root, results) {
  const dir = join(root, 'bench', 'results');
  const stamp = results.startedAt.replace(/[:.]/g, '-');
  // Only a complete, unprofiled run becomes the latest of its scale (and feeds growth).
  const complete = results.complete;
  if (complete) writeFileSync(join(dir, `latest-${results.scale}.json`), JSON.stringify(results, null, 2));
  results.growth = complete ? growth(dir) : [];
  const markdown = toMarkdown(results);
  const files = [join(dir, `${stamp}.json`), join(dir, `${stamp}.md`)];
  writeFileSync(files[0], JSON.stringify(results, null, 2));
  writeFileSync(files[1], `${markdown}\n`);
  if (complete) {
    writeFileSync(join(dir, `latest-${results.scale}.json`), JSON.stringify(results, null, 2));
    writeFileSync(join(dir, `latest-${results.scale}.md`), `${markdown}\n`);
  }
  return { markdown, files };
}
