import * as echarts from 'echarts/core';
import { HeatmapChart } from 'echarts/charts';
import { VisualMapComponent } from 'echarts/components';
import { EChart, type ChartOption } from '../dashboard/echart.tsx';

// The retention screens add a heat map and its colour scale to what the dashboard registers.
echarts.use([HeatmapChart, VisualMapComponent]);

export type RetentionChartOption = echarts.EChartsCoreOption;

export function RetentionChart({
  option,
  ariaLabel,
  height = 320,
  testId,
}: {
  option: RetentionChartOption;
  ariaLabel: string;
  height?: number;
  testId: string;
}) {
  return <EChart option={option as ChartOption} ariaLabel={ariaLabel} height={height} testId={testId} />;
}

export const CHART_FONT = 'system-ui, "Noto Sans", "Noto Sans Arabic", "Noto Sans Hebrew", sans-serif';

/** Shared axis settings: category axes run right-to-left in Arabic and Hebrew, values on the start side. */
export function baseOption(rtl: boolean): Record<string, unknown> {
  return {
    textStyle: { fontFamily: CHART_FONT },
    tooltip: { trigger: 'axis', textStyle: { align: rtl ? 'right' : 'left' } },
    grid: { left: 24, right: 24, top: 48, bottom: 40, containLabel: true },
    legend: { top: 0, [rtl ? 'right' : 'left']: 0 },
  };
}
