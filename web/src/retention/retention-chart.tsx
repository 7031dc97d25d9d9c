import { useEffect, useRef } from 'react';
import { Box } from '@mantine/core';
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

// The retention screens add a heat map and its colour scale to what the dashboard registers.
echarts.use([BarChart, LineChart, HeatmapChart, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

export type RetentionChartOption = echarts.EChartsCoreOption;

export function RetentionChart({ option, ariaLabel, height = 320, testId }: { option: RetentionChartOption; ariaLabel: string; height?: number; testId: string }) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => instance.resize());
    observer?.observe(element);
    return () => {
      observer?.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);
  return <Box ref={container} h={height} w="100%" role="img" aria-label={ariaLabel} data-testid={testId} />;
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
