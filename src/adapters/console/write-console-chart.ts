import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '../../logger.js';
import type { ChartSeries } from '../../render/chart/chart-series.js';
import { renderChartPng } from '../../render/chart/render-chart.js';

/** Where the console writes charts: a terminal shows no pictures, so it prints the file's path. */
export const consoleChartDir = join(tmpdir(), 'sitrep-charts');

/** Draws the chart into `consoleChartDir` and returns the line to print (`Chart: /tmp/…png`), or undefined (logged) when it cannot. */
export async function writeConsoleChart(series: ChartSeries, logger: Logger, dir = consoleChartDir): Promise<string | undefined> {
  try {
    const image = await renderChartPng(series);
    await mkdir(dir, { recursive: true });
    const path = join(dir, image.filename);
    await writeFile(path, image.png);
    return `Chart: ${path}`;
  } catch (error) {
    logger.warn('chart not written', { error });
    return undefined;
  }
}
