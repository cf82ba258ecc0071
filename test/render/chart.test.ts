/** The chart of a series: the values of the briefing and nothing else, drawn as a PNG of the promised size. */
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildBriefing } from '../../src/core/briefing.js';
import { chartSeries, pickChartSeries } from '../../src/render/chart/chart-series.js';
import { rasteriseChart, renderChartPng, renderChartSvg } from '../../src/render/chart/render-chart.js';
import { floodBriefing } from './chart-fixture.js';

/** Width, height and the raw scanlines of a PNG, inflated from its IDAT chunks. */
function decodePng(png: Buffer): { width: number; height: number; bytesPerPixel: number; raw: Buffer } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let at = 8;
  let header: { width: number; height: number; bytesPerPixel: number } | undefined;
  const data: Buffer[] = [];
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('ascii', at + 4, at + 8);
    const body = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), bytesPerPixel: ({ 2: 3, 6: 4, 0: 1, 4: 2 } as Record<number, number>)[body[9]!]! * (body[8]! / 8) };
    if (type === 'IDAT') data.push(body);
    at += 12 + length;
  }
  return { ...header!, raw: inflateSync(Buffer.concat(data)) };
}

describe('the series chart', () => {
  const series = pickChartSeries(floodBriefing)!;
  const deaths = floodBriefing.timelines[0]!;

  it('takes every value of the main series, with its kind and source, and nothing else', () => {
    expect(series.label).toBe(deaths.label);
    expect(series.points.map((p) => [p.value, p.kind])).toEqual(deaths.entries.map((e) => [e.value, e.kind]));
    expect(series.points.map((p) => p.source)).toEqual([
      'Alden Fire Service [1][2]',
      'Alden Fire Service [2][3]',
      'governor Mara Quist [2]',
      'Alden Fire Service [3]',
      'mayor of Rivertown [3]',
    ]);
    expect(series.steps).toEqual(['3 Mar', '4 Mar', '5 Mar']);
    // Each point keeps the sentence it came from.
    for (const p of series.points) expect(floodBriefing.figures.some((f) => f.citation.quote === p.citation.quote && f.value === p.value)).toBe(true);
  });

  it('marks the two authorities that disagree, joining only one of them to the line', () => {
    const disputed = series.points.filter((p) => p.disputed);
    expect(disputed.map((p) => p.value).sort()).toEqual([27, 35]);
    expect(disputed.filter((p) => p.joined)).toHaveLength(1);
  });

  it('plots exactly the series values in the SVG, each labelled with its value and source, the latest called out', async () => {
    const svg = await renderChartSvg(series);
    const plotted = [...svg.matchAll(/aria-label="value ([\d.e+-]+); kind (\w+); step (\d+);/g)].map((m) => [Number(m[1]), m[2], Number(m[3])]);
    expect(plotted).toEqual(series.points.map((p) => [p.value, p.kind, p.step]));
    for (const p of series.points) expect(svg).toContain(p.source);
    expect(svg).toContain('Latest: 35');
    // Projections are dashed; the disagreement is drawn as a rule.
    expect(svg).toMatch(/stroke-dasharray="7,5"|stroke-dasharray="7 5"/);
    expect(svg).toContain('3 Mar');
    expect(svg).toMatch(/font-family="Inter"|font-family="&quot;Inter&quot;"|font-family: Inter/);
  });

  it('draws a PNG of 1600×800 pixels (800×400 at twice the density) that decodes', async () => {
    const image = await renderChartPng(series);
    expect([image.width, image.height]).toEqual([1600, 800]);
    const png = decodePng(image.png);
    expect([png.width, png.height]).toEqual([1600, 800]);
    expect(png.raw.length).toBe(png.height * (1 + png.width * png.bytesPerPixel));
    expect(image.filename).toBe('chart-deaths.png');
    expect(image.alt).toMatch(/^Chart of deaths as reported: at least 12 → 35 \(latest, mayor of Rivertown \[3\]\); 5 values$/);
  });

  it('draws a series once: the same values again (another object) give the same picture, other values a new one', async () => {
    const first = await renderChartPng(series);
    const again = await renderChartPng(structuredClone(series));
    expect(again.png).toBe(first.png);
    const changed = { ...series, points: series.points.map((p, i) => (i === series.points.length - 1 ? { ...p, value: p.value + 1 } : p)) };
    const other = await renderChartPng(changed);
    expect(other.png).not.toBe(first.png);
    expect(other.png.equals(first.png)).toBe(false);
  });

  it('sets its text in the packaged font, with no system fonts: the labels put ink on the picture', async () => {
    const svg = await renderChartSvg(series);
    const withText = decodePng((await rasteriseChart(svg)).png).raw;
    const without = decodePng((await rasteriseChart(svg.replace(/<text\b[^>]*>[^<]*<\/text>/g, ''))).png).raw;
    // Raw (filtered) scanlines of a mostly white picture: text adds thousands of differing bytes.
    let differing = 0;
    for (let i = 0; i < withText.length; i++) if (withText[i] !== without[i]) differing++;
    expect(differing).toBeGreaterThan(20_000);
  });

  it('draws no chart of a series with one value', () => {
    const single = buildBriefing([{ id: 'a', origin: 'a.md', text: 'The Alden Fire Service said 12 people had died in the floods.' }]);
    expect(single.timelines[0]?.entries).toHaveLength(1);
    expect(pickChartSeries(single)).toBeUndefined();
    expect(chartSeries(single, single.timelines[0]!)).toBeUndefined();
  });

  it('finds a series by its measure or label words', () => {
    expect(pickChartSeries(floodBriefing, 'deaths')?.label).toBe(deaths.label);
    expect(pickChartSeries(floodBriefing, 'bridges')).toBeUndefined();
  });
});
