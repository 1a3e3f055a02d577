import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const fmt = (value, digits = 0) => (value === null || value === undefined ? '–' : Number(value).toFixed(digits));
const yes = (ok) => (ok === null ? '–' : ok ? 'met' : 'missed');

function targets(row) {
  if (!row.app || !row.baseline) return null;
  const ratioTarget = row.id === 'S3' ? 0.6 : 0.7;
  const ratioOk = row.ratio >= ratioTarget;
  const p99Ok = row.id === 'S3' ? null : row.app.p99 < 50;
  return `${ratioOk ? 'met' : 'missed'} (≥ ${ratioTarget * 100} %)${p99Ok === null ? '' : `, p99 ${p99Ok ? 'met' : 'missed'} (< 50 ms)`}`;
}

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

export function toMarkdown(results) {
  const lines = [];
  const m = results.machine;
  lines.push(`### Benchmark ${results.startedAt} (scale ${results.scale})`, '');
  lines.push(
    `Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node}; ${m.pinning}. ${results.database}.`,
  );
  const d = results.data;
  if (d)
    lines.push(
      `Data: ${d.collaboratives} collaboratives, ${d.users} users, ${d.threads} threads, ${d.replies} replies, ${d.practices} practices (busiest collaborative ${d.busiestCollaborativeThreads} threads, busiest thread ${d.busiestThreadReplies} replies; ${d.databaseSize}).`,
    );
  const rounds = results.settings.rounds ?? 1;
  lines.push(
    `Load: autocannon, ${results.settings.connections} connections, ${results.settings.warmupSeconds} s warm-up then ${results.settings.seconds} s measured, one server running at a time; ${rounds} round${rounds === 1 ? '' : 's'} per server, alternating, the median round shown (every round's req/s in brackets).`,
    '',
  );
  // With --compare the second server is the forum at an earlier revision, and the targets (against the baseline) do not apply.
  const other = results.reference?.label ?? 'baseline';
  const comparing = Boolean(results.reference?.sha);
  if (comparing)
    lines.push(
      `Compared: this tree ("app") against the forum built at ${results.reference.sha} ("${other}"), on the same database with this tree's migrations.`,
      '',
    );
  lines.push(
    `| Scenario | Server | req/s | p50 ms | p97.5 ms | p99 ms | non-2xx | server CPU % | RSS MiB | load avg (1 min) before → after | app/${other} | per server CPU second | Target |`,
  );
  lines.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | --- |');
  for (const row of results.http) {
    for (const kind of ['app', 'baseline']) {
      const f = row[kind];
      if (!f) continue;
      const target = kind !== 'app' ? '' : comparing ? (row.shapesDiffer ? 'answers differ' : '–') : targets(row);
      lines.push(
        `| ${kind === 'app' ? row.name : ''} | ${kind === 'app' ? 'app' : other} | ${fmt(f.rps)}${f.rounds?.length > 1 ? ` (${f.rounds.join(', ')})` : ''} | ${f.p50} | ${f.p97_5} | ${f.p99} | ${f.non2xx + f.errors} | ${fmt(f.cpuPercent)} | ${fmt(f.rssMiB)} | ${f.loadBefore[0]} → ${f.loadAfter[0]} | ${kind === 'app' ? `${fmt(row.ratio, 2)}${comparing && row.roundRatios?.length > 1 ? ` (rounds: ${row.roundRatios.map((ratio) => fmt(ratio, 2)).join(', ')})` : ''}` : ''} | ${kind === 'app' ? fmt(row.cpuRatio, 2) : ''} | ${target} |`,
      );
    }
  }
  const fan = results.live.fanout;
  if (fan) {
    lines.push(
      '',
      `**S5 live fan-out** (app only; the baseline has no socket layer): ${fan.sockets} sockets (${fan.distinctUsers} people) following the busiest collaborative, ${fan.threads} threads posted 250 ms apart.`,
      '',
    );
    lines.push(
      '| p50 ms | p99 ms | max ms | received / expected | lost | RSS idle MiB | RSS connected MiB | RSS peak MiB | connect s | load before → after | Target |',
    );
    lines.push('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |');
    lines.push(
      `| ${fan.p50} | ${fan.p99} | ${fan.max} | ${fan.received} / ${fan.expected} | ${fan.lost} | ${fan.rssIdleMiB} | ${fan.rssConnectedMiB} | ${fan.rssPeakMiB} | ${fan.connectSeconds} | ${fan.loadBefore[0]} → ${fan.loadAfter[0]} | p99 ${yes(fan.p99 < 200)}, lost ${yes(fan.lost === 0)}, RSS ${yes(fan.rssPeakMiB < 300)} |`,
    );
    lines.push(
      '',
      'Latency is from the moment the POST answered to each socket receiving `thread.created` (negative: the event arrived before the answer).',
    );
  }
  const cu = results.live.catchUp;
  if (cu) {
    lines.push(
      '',
      `**S6 catch-up**: ${cu.sockets} sockets reconnect at once with \`lastEventId\` 100 events of the busy collaborative back (their own notifications come on top): all caught up in **${fmt(cu.allCaughtUpMs)} ms** (per socket p50 ${cu.p50} ms, p99 ${cu.p99} ms), ${cu.eventsReplayedMean} events replayed per socket, ${cu.notCaughtUp} not caught up, ${cu.connectFailed} failed to connect; load ${cu.loadBefore[0]} → ${cu.loadAfter[0]}.`,
    );
  }
  if (results.growth?.length) {
    lines.push('', '**Growth** (p99 at large ÷ p99 at small, latest run of each):', '');
    lines.push(
      '| Scenario | app small → large ms | app ratio | baseline small → large ms | baseline ratio | Target (< 1.5) |',
    );
    lines.push('| --- | --- | ---: | --- | ---: | --- |');
    for (const g of results.growth) {
      lines.push(
        `| ${g.name} | ${g.app.small} → ${g.app.large} | ${g.app.ratio} | ${g.baseline.small} → ${g.baseline.large} | ${g.baseline.ratio} | ${yes(g.app.ratio < 1.5)} |`,
      );
    }
  }
  return lines.join('\n');
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
