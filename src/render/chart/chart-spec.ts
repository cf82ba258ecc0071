/**
 * The Vega-Lite specification of a series chart: estimates as a solid line with points,
 * projections dashed, claims as marks of their own, disagreements as a rule between the values
 * that differ, every point labelled with its value and source, the latest one called out. Pure:
 * it only arranges the series' own values (nothing is interpolated; the lines join reported values).
 */
import type { TopLevelSpec } from 'vega-lite';
import { figureKinds, type FigureKind } from '../../core/types.js';
import type { ChartPoint, ChartSeries } from './chart-series.js';


/** The chart's size in CSS pixels, what a chat preview shows; the PNG is drawn at `chartScale` times this. */
export const chartSize = { width: 800, height: 400 } as const;
export const chartScale = 2;
export const chartFont = 'Inter';

/** Okabe–Ito colours, told apart with every common colour-vision deficiency; kinds differ by shape and dash too. */
const kindStyle: Record<FigureKind, { color: string; shape: string; name: string }> = {
  estimate: { color: '#0072B2', shape: 'circle', name: 'estimate' },
  projection: { color: '#E69F00', shape: 'square', name: 'projection (dashed)' },
  claim: { color: '#CC79A7', shape: 'diamond', name: 'claim' },
};

/** A point with what the marks need: its kind's legend name, its label lines and which side the label goes. */
interface PlotRow extends ChartPoint {
  readonly kindName: string;
  readonly text: string;
  readonly above: boolean;
  /** The value called out: the latest estimate, else the last value reported. */
  readonly callout: boolean;
  /** Pixels from the point to its label. */
  readonly offset: number;
}

export function chartSpec(series: ChartSeries): TopLevelSpec {
  const rows = plotRows(series);
  const present = figureKinds.filter((k) => rows.some((r) => r.kind === k));
  const values = rows.map((r) => r.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const x = { field: 'step', type: 'ordinal' as const, title: null, scale: { type: 'point' as const, padding: 0.6 }, axis: { labelExpr: `${JSON.stringify(series.steps)}[datum.value]`, labelAngle: 0, labelFontSize: 12, ticks: false, domain: false, labelPadding: 8 } };
  const y = {
    field: 'value',
    type: 'quantitative' as const,
    title: axisTitle(series),
    scale: { domain: valueDomain(min, max), nice: true, zero: false },
    axis: { labelExpr: axisLabel(series.unit), tickCount: 5, labelFontSize: 12, titleFontSize: 13, titleFontWeight: 600, domain: false, ticks: false, gridColor: '#e4e4e4' },
  };
  const color = { field: 'kindName', type: 'nominal' as const, title: null, scale: { domain: present.map((k) => kindStyle[k].name), range: present.map((k) => kindStyle[k].color) } };
  const shape = { field: 'kindName', type: 'nominal' as const, title: null, scale: { domain: present.map((k) => kindStyle[k].name), range: present.map((k) => kindStyle[k].shape) } };
  const line = (kind: FigureKind, dash: number[]): object => ({
    transform: [{ filter: `datum.kind === '${kind}' && datum.joined` }],
    mark: { type: 'line', strokeWidth: 2.5, strokeDash: dash, color: kindStyle[kind].color, aria: false },
    encoding: { x, y, order: { field: 'step', type: 'ordinal' } },
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: chartSize.width,
    height: chartSize.height,
    autosize: { type: 'fit', contains: 'padding' },
    padding: { left: 12, right: 20, top: 12, bottom: 10 },
    background: '#ffffff',
    title: {
      text: series.label ? `${capitalize(series.label)}: as reported` : 'As reported',
      subtitle: 'Each value as the articles give it, with its source [n] as numbered in the briefing; lines join reported values only.',
      anchor: 'start',
      fontSize: 17,
      fontWeight: 600,
      subtitleFontSize: 12,
      subtitleColor: '#555555',
      offset: 10,
    },
    data: { values: rows as unknown as Record<string, unknown>[] },
    layer: [
      ...disputeLayer(series, x, y),
      ...(present.includes('estimate') ? [line('estimate', [])] : []),
      ...(present.includes('projection') ? [line('projection', [7, 5])] : []),
      ...labelLayers(x, y, true),
      {
        mark: { type: 'point', filled: true, opacity: 1, stroke: '#ffffff', strokeWidth: 1.2 },
        encoding: {
          x,
          y,
          color: { ...color, legend: { orient: 'top', direction: 'horizontal', labelFontSize: 12, symbolSize: 110, offset: 6 } },
          shape,
          size: { condition: { test: 'datum.callout', value: 260 }, value: 110 },
          description: { field: 'description' },
        },
      },
      ...labelLayers(x, y, false),
    ] as TopLevelSpec extends { layer: infer L } ? L : never,
    config: {
      font: chartFont,
      view: { stroke: null },
      axis: { labelColor: '#333333', titleColor: '#333333' },
      legend: { labelColor: '#333333' },
    },
  } as TopLevelSpec;
}

/** The rows plotted, each with an `aria-label` of its exact value (the SVG can be checked against the briefing). */
function plotRows(series: ChartSeries): (PlotRow & { readonly description: string })[] {
  const [low, high] = valueDomain(Math.min(...series.points.map((p) => p.value)), Math.max(...series.points.map((p) => p.value)));
  const callout = series.points.find((p) => p.latest && p.kind === 'estimate') ?? series.points.at(-1);
  const taken = new Map<string, number>();
  return series.points.map((p, i) => {
    // Labels alternate above and below along the line, stay inside the plot near its edges, and
    // stack when two values of one time fall on the same side.
    const at = (p.value - low) / (high - low || 1);
    const above = at < 0.22 ? true : at > 0.8 ? false : i % 2 === 0;
    const side = `${p.step}|${above}`;
    const stack = taken.get(side) ?? 0;
    taken.set(side, stack + 1);
    const value = p === callout ? `Latest: ${p.display}` : p.display;
    return {
      ...p,
      kindName: kindStyle[p.kind].name,
      text: `${value}${p.superseded ? ' (superseded)' : ''}\n${p.source}`,
      above,
      callout: p === callout,
      // Vega sets the first line of a label at its baseline: one above the point needs a line more.
      offset: above ? -(30 + stack * 32) : 14 + stack * 32,
      description: `value ${p.value}; kind ${p.kind}; step ${p.step}; source ${p.source}`,
    };
  });
}

/** The labels, or (`halo`) white outlines of them drawn under the points so a label stays readable where it crosses a line. */
function labelLayers(x: object, y: object, halo: boolean): object[] {
  const text = (above: boolean): object => ({
    transform: [{ filter: above ? 'datum.above' : '!datum.above' }],
    mark: {
      type: 'text',
      lineBreak: '\n',
      fontSize: 12,
      lineHeight: 15,
      dy: { expr: 'datum.offset' },
      baseline: above ? 'bottom' : 'top',
      color: '#222222',
      aria: false,
      fontWeight: { expr: 'datum.callout ? 600 : 400' },
      ...(halo ? { stroke: '#ffffff', strokeWidth: 4, strokeJoin: 'round', strokeOpacity: 0.9 } : {}),
    },
    encoding: { x, y, text: { field: 'text' } },
  });
  return [text(true), text(false)];
}

/** A grey rule joining values of the same kind and time that sources give differently. */
function disputeLayer(series: ChartSeries, x: object, y: object): object[] {
  const groups = new Map<string, number[]>();
  for (const p of series.points) {
    if (!p.disputed) continue;
    const key = `${p.kind}|${p.step}`;
    groups.set(key, [...(groups.get(key) ?? []), p.value]);
  }
  const rules = [...groups].map(([key, vs]) => ({ step: Number(key.split('|')[1]), low: Math.min(...vs), high: Math.max(...vs) }));
  if (!rules.length) return [];
  return [
    {
      data: { values: rules },
      mark: { type: 'rule', strokeWidth: 7, color: '#bbbbbb', opacity: 0.55, strokeCap: 'round', aria: false },
      encoding: { x, y: { ...(y as Record<string, unknown>), field: 'low' }, y2: { field: 'high' } },
    },
  ];
}

/**
 * Room above and below the values for their labels; from zero when the values are counts not far
 * from it, so that a small rise does not look like a steep one.
 */
function valueDomain(min: number, max: number): [number, number] {
  const span = max - min || Math.abs(max) || 1;
  const fromZero = min >= 0 && min <= max / 2;
  return [fromZero ? 0 : min - span * 0.35, max + span * 0.3];
}

function axisTitle(series: ChartSeries): string {
  const unit = { '%': 'per cent', $: 'US dollars', '£': 'pounds', '€': 'euros' }[series.unit];
  return unit ? `${series.label} (${unit})` : series.label || 'value';
}

/** Axis numbers as people read them: `12k`, `1.5M`, `$64B`, `12%`. */
function axisLabel(unit: string): string {
  const number = "replace(replace(format(datum.value, '~s'), 'G', 'B'), 'µ', 'u')";
  if (unit === '%') return `${number} + '%'`;
  if (unit) return `${JSON.stringify(unit)} + ${number}`;
  return number;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
