import type { TFunction } from 'i18next';
import type { Distribution, ServiceMetricsResponse } from '@kept/contract/api-types.ts';
import type { Formatters } from '../i18n/use-format.ts';
import type { ChartOption } from './echart.tsx';

const FONT = 'system-ui, "Noto Sans", "Noto Sans Arabic", "Noto Sans Hebrew", sans-serif';

interface Ctx {
  t: TFunction;
  format: Formatters;
  rtl: boolean;
}

function base(ctx: Ctx, durations = false): ChartOption {
  return {
    textStyle: { fontFamily: FONT },
    tooltip: {
      trigger: 'axis',
      textStyle: { align: ctx.rtl ? 'right' : 'left' },
      ...(durations ? { valueFormatter: (v: unknown) => ctx.format.duration(Number(v)) } : {}),
    },
    grid: { left: 24, right: 24, top: 64, bottom: 36, containLabel: true },
    legend: { top: 0, [ctx.rtl ? 'right' : 'left']: 0 },
  };
}

/** A tick step in minutes that gives at most six ticks up to `max` and reads as a round time. */
export function durationStep(max: number): number {
  const steps = [5, 10, 15, 30, 60, 120, 180, 240, 360, 480, 720, 1440, 2880, 4320, 10080, 20160, 43200];
  return steps.find((step) => max / step <= 6) ?? Math.ceil(max / 6 / 43200) * 43200;
}

interface AxisOptions {
  /** the category axis's own title */
  categoryName?: string;
  /** values are minutes, up to this many: ticks at round times ("1 h", "2 h") read as durations */
  durations?: number;
  /** many categories (days): let the chart skip labels rather than print every one */
  dense?: boolean;
}

/**
 * Category axes run right-to-left in Arabic and Hebrew; the value axis sits on the start side.
 * Every category keeps its label: long ones (team names, Russian channel names) break onto a second
 * line, and many are turned, instead of being cut ("Arabic & He…") or silently dropped.
 */
function axes(ctx: Ctx, categories: string[], valueName: string, options: AxisOptions = {}): ChartOption {
  const crowded = categories.length > 6;
  return {
    xAxis: {
      type: 'category',
      data: categories,
      inverse: ctx.rtl,
      name: options.categoryName,
      nameLocation: 'middle',
      nameGap: crowded ? 56 : 40,
      // Turned labels are whole on one line; upright ones break onto two.
      axisLabel: options.dense
        ? { hideOverlap: true }
        : crowded
          ? { interval: 0, hideOverlap: false, rotate: 30 }
          : { interval: 0, hideOverlap: false, width: 100, overflow: 'break' },
    },
    yAxis: {
      type: 'value',
      name: options.durations !== undefined ? undefined : valueName,
      nameLocation: 'end',
      nameTextStyle: { align: ctx.rtl ? 'right' : 'left' },
      position: ctx.rtl ? 'right' : 'left',
      minInterval: 1,
      ...(options.durations ? { interval: durationStep(options.durations) } : {}),
      axisLabel: {
        formatter: (v: number) => (options.durations !== undefined ? ctx.format.duration(v) : ctx.format.number(v)),
      },
    },
  };
}

/**
 * One label per bucket. Times: "≤ 5 min" … and "> 1 w" for the values above the last bound (not the
 * largest value as an edge). Counts are whole numbers: a bucket covers (previous, le], so it reads
 * "0", "1", "4–5", "6–10", "> 10" rather than "≤ 5" after "≤ 3".
 */
export function bucketLabels(ctx: Ctx, distribution: Distribution, asDuration: boolean): string[] {
  const show = (v: number) => (asDuration ? ctx.format.duration(v) : ctx.format.number(v));
  let previous: number | null = null;
  return distribution.buckets.map((b) => {
    const below = previous;
    if (!b.over) previous = b.le;
    if (b.over && below !== null) return ctx.t('dashboard.bucketOver', { value: show(below) });
    if (asDuration) return ctx.t('dashboard.bucket', { value: show(b.le) });
    const from = below === null ? b.le : Math.floor(below) + 1;
    return from >= b.le ? show(b.le) : `${show(from)}–${show(b.le)}`;
  });
}

export function histogramOption(
  ctx: Ctx,
  distribution: Distribution,
  asDuration: boolean,
  categoryName: string,
): ChartOption {
  return {
    ...base(ctx),
    legend: { show: false },
    // Duration buckets name their unit in every label; a count axis ("Handoffs") needs its title.
    ...axes(ctx, bucketLabels(ctx, distribution, asDuration), ctx.t('dashboard.axis.cases'), {
      categoryName: asDuration ? undefined : categoryName,
    }),
    series: [
      {
        type: 'bar',
        name: ctx.t('dashboard.series.cases'),
        data: distribution.buckets.map((b) => b.count),
        itemStyle: { color: '#12b886' },
        barCategoryGap: '10%',
      },
    ],
  };
}

export function byChannelOption(ctx: Ctx, metrics: ServiceMetricsResponse): ChartOption {
  const rows = metrics.firstResponseByChannel;
  return {
    ...base(ctx, true),
    ...axes(
      ctx,
      rows.map((r) => ctx.t(`channel.${r.channel}`)),
      ctx.t('dashboard.axis.minutes'),
      { durations: Math.max(1, ...rows.map((r) => Math.max(r.p50 ?? 0, r.p90 ?? 0))) },
    ),
    series: [
      {
        type: 'bar',
        name: ctx.t('dashboard.series.p50'),
        data: rows.map((r) => r.p50 ?? 0),
        itemStyle: { color: '#12b886' },
      },
      {
        type: 'bar',
        name: ctx.t('dashboard.series.p90'),
        data: rows.map((r) => r.p90 ?? 0),
        itemStyle: { color: '#fd7e14' },
      },
    ],
  };
}

/** Teams by name, "No team" (the empty name) last: the chart and the table list them alike. */
export function teamRows(metrics: ServiceMetricsResponse): ServiceMetricsResponse['firstResponseByTeam'] {
  return [...metrics.firstResponseByTeam].sort((a, b) =>
    a.team === '' ? 1 : b.team === '' ? -1 : a.team.localeCompare(b.team),
  );
}

/** Median and 90th percentile of first response per team; cases whose owner is in no team under "No team". */
export function byTeamOption(ctx: Ctx, metrics: ServiceMetricsResponse): ChartOption {
  const rows = teamRows(metrics);
  return {
    ...base(ctx, true),
    ...axes(
      ctx,
      rows.map((r) => r.team || ctx.t('teams.none')),
      ctx.t('dashboard.axis.minutes'),
      { durations: Math.max(1, ...rows.map((r) => Math.max(r.p50 ?? 0, r.p90 ?? 0))) },
    ),
    series: [
      {
        type: 'bar',
        name: ctx.t('dashboard.series.p50'),
        data: rows.map((r) => r.p50 ?? 0),
        itemStyle: { color: '#12b886' },
      },
      {
        type: 'bar',
        name: ctx.t('dashboard.series.p90'),
        data: rows.map((r) => r.p90 ?? 0),
        itemStyle: { color: '#fd7e14' },
      },
    ],
  };
}

export function dailyOption(ctx: Ctx, metrics: ServiceMetricsResponse): ChartOption {
  // "7 Nov", not "7 Nov 2026" cut to "7 нояб. 202…": the period is chosen above the chart.
  const dayMonth = new Intl.DateTimeFormat(ctx.format.language, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const days = metrics.daily.map((d) => dayMonth.format(new Date(`${d.day}T00:00:00Z`)));
  return {
    ...base(ctx),
    ...axes(ctx, days, ctx.t('dashboard.axis.cases'), { dense: true }),
    series: [
      {
        type: 'line',
        name: ctx.t('dashboard.series.received'),
        data: metrics.daily.map((d) => d.received),
        itemStyle: { color: '#228be6' },
      },
      {
        type: 'line',
        name: ctx.t('dashboard.series.answered'),
        data: metrics.daily.map((d) => d.answered),
        itemStyle: { color: '#12b886' },
      },
      {
        type: 'line',
        name: ctx.t('dashboard.series.escalations'),
        data: metrics.daily.map((d) => d.escalations),
        itemStyle: { color: '#fa5252' },
      },
    ],
  };
}

export function promisesOption(ctx: Ctx, metrics: ServiceMetricsResponse): ChartOption {
  const p = metrics.promises;
  const colors = { kept: '#40c057', open: '#228be6', renegotiated: '#fd7e14', broken: '#fa5252' } as const;
  const data = (Object.keys(colors) as Array<keyof typeof colors>)
    .map((key) => ({
      name: ctx.t(`promiseStatus.${key}`),
      value: p[key],
      itemStyle: { color: colors[key] },
    }))
    .filter((d) => d.value > 0);
  return {
    textStyle: { fontFamily: FONT },
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['40%', '70%'],
        data,
        label: {
          formatter: (params: { name: string; value: unknown }) =>
            `${params.name}: ${ctx.format.number(Number(params.value))}`,
        },
      },
    ],
  };
}
