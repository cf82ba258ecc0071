/**
 * Draws a series chart: Vega-Lite compiles the spec, Vega renders it to SVG headless (no DOM, no
 * canvas), resvg rasterises the SVG to PNG with the Inter font files shipped by an npm package and
 * no system fonts, so a fresh machine draws the same picture. The charting stack is imported on
 * first use only, so start-up and every other command pay nothing for it.
 */
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import type * as Vega from 'vega';
import type { ChartSeries } from './chart-series.js';
import { chartFont, chartScale, chartSize, chartSpec } from './chart-spec.js';
import { fontTextWidth } from './chart-text-metrics.js';

/** A drawn chart: the PNG, its size in pixels and a file name for uploads. */
export interface ChartImage {
  readonly png: Buffer;
  readonly width: number;
  readonly height: number;
  readonly filename: string;
  /** What the chart shows, for screen readers and platforms' alt text. */
  readonly alt: string;
}

/** The chart as SVG: what is rasterised, and what tests read the plotted values from. */
export async function renderChartSvg(series: ChartSeries): Promise<string> {
  const [vega, vegaLite] = await Promise.all([loadVega(), import('vega-lite')]);
  const compiled = vegaLite.compile(chartSpec(series)).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** How many distinct charts are kept drawn: a few topics' main series, each a few hundred kB. */
const keptCharts = 16;
const drawn = new Map<string, Promise<ChartImage>>();

/**
 * The chart as a PNG of `chartSize` times `chartScale` pixels. Drawing takes about a quarter of a
 * second of CPU, and every digest of a topic carries the same chart, so the last `keptCharts`
 * drawings are kept by the series they show (a failed one is not kept): 10,000 channels due in
 * one minute draw it once, not 10,000 times.
 */
export function renderChartPng(series: ChartSeries): Promise<ChartImage> {
  const key = JSON.stringify(series);
  const kept = drawn.get(key);
  if (kept) {
    drawn.delete(key);
    drawn.set(key, kept);
    return kept;
  }
  const image = drawChartPng(series);
  drawn.set(key, image);
  image.catch(() => {
    if (drawn.get(key) === image) drawn.delete(key);
  });
  for (const oldest of drawn.keys()) {
    if (drawn.size <= keptCharts) break;
    drawn.delete(oldest);
  }
  return image;
}

async function drawChartPng(series: ChartSeries): Promise<ChartImage> {
  const image = await rasteriseChart(await renderChartSvg(series));
  return { ...image, filename: chartFilename(series), alt: chartAlt(series) };
}

/** A chart's SVG as a PNG, `chartScale` times its size, its text set in the packaged Inter only (no system fonts). */
export async function rasteriseChart(svg: string): Promise<{ png: Buffer; width: number; height: number }> {
  const { Resvg } = await import('@resvg/resvg-js');
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: chartSize.width * chartScale },
    font: { fontFiles: fontFiles(), loadSystemFonts: false, defaultFontFamily: chartFont },
    background: '#ffffff',
  });
  const image = resvg.render();
  return { png: image.asPng(), width: image.width, height: image.height };
}

/** `chart-deaths-in-rivertown.png` */
export function chartFilename(series: ChartSeries): string {
  const slug = series.label.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
  return `chart-${slug || 'series'}.png`;
}

/** One line saying what is drawn: `Chart of deaths as reported: at least 12 → 35 (latest, mayor of Rivertown [3]); 5 values`. */
export function chartAlt(series: ChartSeries): string {
  const first = series.points[0]!;
  const latest = series.points.find((p) => p.latest && p.kind === 'estimate') ?? series.points.at(-1)!;
  return `Chart of ${series.label || 'a figure'} as reported: ${first.display} → ${latest.display} (latest, ${latest.source}); ${series.points.length} values`;
}

let vegaLoaded: Promise<typeof Vega> | undefined;
/** Vega, laying text out with the widths of the font it is drawn with (`textMetrics` is exported, not typed). */
function loadVega(): Promise<typeof Vega> {
  vegaLoaded ??= Promise.all([import('vega'), fontTextWidth(...fontFiles())]).then(([vega, width]) => {
    (vega as unknown as { textMetrics: { width: unknown } }).textMetrics.width = width;
    return vega;
  });
  return vegaLoaded;
}

let fonts: [string, string] | undefined;
/** Inter Regular and SemiBold, from @expo-google-fonts/inter (TrueType files resvg reads directly). */
function fontFiles(): [string, string] {
  if (!fonts) {
    const root = dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/inter/package.json'));
    fonts = [join(root, '400Regular/Inter_400Regular.ttf'), join(root, '600SemiBold/Inter_600SemiBold.ttf')];
  }
  return fonts;
}
