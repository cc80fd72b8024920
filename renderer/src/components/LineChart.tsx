/**
 * A thin React wrapper over Chart.js: one chart instance per canvas, updated in place when the data change so
 * typing in a field does not rebuild the chart.
 */
import { useEffect, useRef } from 'react';
import {
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  BarController,
  BarElement,
  type ChartConfiguration,
} from 'chart.js';

Chart.register(LineController, LineElement, PointElement, BarController, BarElement, LinearScale, CategoryScale, Tooltip, Legend, Filler);
Chart.defaults.animation = false;
Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", sans-serif';

export function ChartCanvas({ config, label, height = 260 }: { config: ChartConfiguration; label: string; height?: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart | null>(null);

  useEffect(() => {
    chart.current = new Chart(canvas.current!, { ...config, options: { maintainAspectRatio: false, ...config.options } });
    return () => chart.current?.destroy();
    // The chart is created once; later config changes are applied below without re-creating it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (!chart.current) return;
    chart.current.data = config.data;
    if (config.options) chart.current.options = { maintainAspectRatio: false, ...config.options };
    chart.current.update();
  }, [config]);

  return (
    <div className="chart" style={{ height }}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
