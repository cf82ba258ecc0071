/** `sitrep chart [MEASURE] --out FILE.png`: the chart of a series of the set, written to a file. */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Briefing } from '../core/types.js';
import { findTimeline, pickChartSeries } from '../render/chart/chart-series.js';
import { renderChartPng } from '../render/chart/render-chart.js';
import type { CliIO } from './run-command.js';
import { UsageError } from './usage-error.js';

/**
 * Writes the chart of the series `measure` names (else the main series) to `out` and prints the
 * file's path. A series the set lacks, or one with a single value, is a usage error naming the
 * series there are.
 */
export async function writeChart(briefing: Briefing, measure: string | undefined, out: string | undefined, io: CliIO): Promise<number> {
  if (!out) throw new UsageError('chart needs --out FILE.png');
  if (!/\.png$/i.test(out)) throw new UsageError(`--out must name a .png file (got "${out}")`);
  const known = briefing.timelines.map((t) => t.measure ?? t.label).filter((v, i, all) => v && all.indexOf(v) === i).join(', ');
  const timeline = measure ? findTimeline(briefing, measure) : briefing.timelines[0];
  if (!timeline) throw new UsageError(measure ? `no series "${measure}" in the set (series: ${known || 'none'})` : 'the set gives no figures to chart');
  const series = pickChartSeries(briefing, measure);
  if (!series) throw new UsageError(`"${timeline.label}" has one value: nothing to chart (series: ${known})`);
  const image = await renderChartPng(series);
  const path = resolve(out);
  await writeFile(path, image.png);
  io.stdout(path);
  return 0;
}
