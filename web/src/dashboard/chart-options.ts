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

function base(ctx: Ctx): ChartOption {
  return {
    textStyle: { fontFamily: FONT },
    tooltip: { trigger: 'axis', textStyle: { align: ctx.rtl ? 'right' : 'left' } },
    grid: { left: 24, right: 24, top: 64, bottom: 36, containLabel: true },
    legend: { top: 0, [ctx.rtl ? 'right' : 'left']: 0 },
  };
}

/** Category axes run right-to-left in Arabic and Hebrew; the value axis sits on the start side. */
function axes(ctx: Ctx, categories: string[], valueName: string, categoryName?: string): ChartOption {
  return {
    xAxis: {
      type: 'category',
      data: categories,
      inverse: ctx.rtl,
      name: categoryName,
      nameLocation: 'middle',
      nameGap: 32,
      axisLabel: { interval: 0, hideOverlap: true, width: 90, overflow: 'truncate' },
    },
    yAxis: {
      type: 'value',
      name: valueName,
      nameLocation: 'end',
      nameTextStyle: { align: ctx.rtl ? 'right' : 'left' },
      position: ctx.rtl ? 'right' : 'left',
      minInterval: 1,
      axisLabel: { formatter: (v: number) => ctx.format.number(v) },
    },
  };
}

export function bucketLabels(ctx: Ctx, distribution: Distribution, asDuration: boolean): string[] {
  const finite = distribution.buckets.filter((b) => Number.isFinite(b.le));
  const last = finite.at(-1)?.le ?? 0;
  return distribution.buckets.map((b) => {
    if (!Number.isFinite(b.le) || b.le === null) {
      return ctx.t('dashboard.bucketOver', { value: asDuration ? ctx.format.duration(last) : ctx.format.number(last) });
    }
    return ctx.t('dashboard.bucket', { value: asDuration ? ctx.format.duration(b.le) : ctx.format.number(b.le) });
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
    ...axes(ctx, bucketLabels(ctx, distribution, asDuration), ctx.t('dashboard.axis.cases'), categoryName),
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
    ...base(ctx),
    ...axes(
      ctx,
      rows.map((r) => ctx.t(`channel.${r.channel}`)),
      ctx.t('dashboard.axis.minutes'),
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
    ...base(ctx),
    ...axes(
      ctx,
      rows.map((r) => r.team || ctx.t('teams.none')),
      ctx.t('dashboard.axis.minutes'),
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
  const days = metrics.daily.map((d) => ctx.format.date(d.day));
  return {
    ...base(ctx),
    ...axes(ctx, days, ctx.t('dashboard.axis.cases')),
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
