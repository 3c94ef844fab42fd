// Scaling for the daily usage chart (an SVG bar chart; no chart library needed for one series).
// Pure: bars and gridlines in SVG user units from the AI Credit Details daily series.
import { MICRO_PER_CREDIT } from '../../../shared/billing/money';
import { formatCreditsShort } from './format';

export interface DailyPoint {
  date: string;
  creditsUsedMicro: number;
}

export interface ChartBar {
  date: string;
  x: number;
  y: number;
  width: number;
  height: number;
  label: string;
}

export interface ChartTick {
  y: number;
  label: string;
}

export interface ChartLayout {
  bars: ChartBar[];
  ticks: ChartTick[];
  /** The top of the axis in micro-credits (a "nice" number ≥ the largest day). */
  maxMicro: number;
}

/** The smallest 1, 2 or 5 × 10^n credits (in micro-credits) at or above `micro`; 1 credit at least. */
export function niceCeiling(micro: number): number {
  const credits = Math.max(1, micro / MICRO_PER_CREDIT);
  const power = 10 ** Math.floor(Math.log10(credits));
  for (const step of [1, 2, 5, 10]) {
    if (step * power >= credits - 1e-9) return Math.round(step * power * MICRO_PER_CREDIT);
  }
  return Math.round(10 * power * MICRO_PER_CREDIT);
}

/** Lays out one bar per day in a width × height plot area, with `tickCount` + 1 gridlines. */
export function layoutChart(points: readonly DailyPoint[], width: number, height: number, tickCount = 4): ChartLayout {
  const largest = points.reduce((m, p) => Math.max(m, p.creditsUsedMicro), 0);
  const maxMicro = niceCeiling(largest);
  const slot = points.length > 0 ? width / points.length : width;
  const gap = Math.min(4, slot * 0.2);
  const bars = points.map((p, i) => {
    const h = (p.creditsUsedMicro / maxMicro) * height;
    // a day with any usage stays visible (at least one unit tall)
    const barHeight = p.creditsUsedMicro > 0 ? Math.max(1, h) : 0;
    return {
      date: p.date,
      x: i * slot + gap / 2,
      y: height - barHeight,
      width: Math.max(1, slot - gap),
      height: barHeight,
      label: `${p.date}: ${formatCreditsShort(p.creditsUsedMicro, 'up')} credits`,
    };
  });
  const ticks = Array.from({ length: tickCount + 1 }, (_, i) => {
    const micro = Math.round((maxMicro * i) / tickCount);
    return { y: height - (micro / maxMicro) * height, label: formatCreditsShort(micro, 'up') };
  });
  return { bars, ticks, maxMicro };
}
