/**
 * Charts: the time to draw one chart of the seed story's main series, the first (which loads Vega,
 * Vega-Lite, resvg and the font) apart from the rest, and where the time goes (spec → SVG, SVG → PNG).
 * renderChartPng keeps recent drawings by series, so the drawing itself is timed through the
 * uncached steps it is made of, and the kept one apart.
 */
import { fileURLToPath } from 'node:url';
import { pickChartSeries } from '../src/render/chart/chart-series.js';
import { rasteriseChart, renderChartPng, renderChartSvg } from '../src/render/chart/render-chart.js';
import { loadTopic } from '../src/topics/topic-library.js';
import { ms, percentiles } from './support.js';

const seed = fileURLToPath(new URL('../briefings/north-korea-troops', import.meta.url));

async function timed(fn: () => Promise<unknown>, runs: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

export async function benchChart(print: (line: string) => void, runs = 30): Promise<void> {
  const series = pickChartSeries((await loadTopic(seed)).briefing);
  if (!series) throw new Error('the seed story has no series to chart');
  const [first] = await timed(() => renderChartPng(series), 1);
  const png = percentiles(await timed(async () => rasteriseChart(await renderChartSvg(series)), runs));
  const svg = percentiles(await timed(() => renderChartSvg(series), runs));
  const kept = percentiles(await timed(() => renderChartPng(series), runs));
  const image = await renderChartPng(series);
  print(`one chart (seed story, ${series.points.length} values, ${image.width}×${image.height} PNG, ${Math.round(image.png.length / 1024)} KiB): first ${ms(first!)} (loads the charting stack), then p50 ${ms(png.p50)}, p99 ${ms(png.p99)}`);
  print(`of which Vega-Lite → SVG p50 ${ms(svg.p50)}; resvg SVG → PNG about ${ms(Math.max(0, png.p50 - svg.p50))}; the same series again (kept): p50 ${ms(kept.p50)}`);
}

// Run alone: `npx tsx bench/chart.ts`.
if (import.meta.url === `file://${process.argv[1]}`) await benchChart((line) => console.log(line));
