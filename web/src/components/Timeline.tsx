// Attack timeline across victims: connections to flagged infrastructure per victim org over time (uPlot).
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface TimelineData { bucket: number; times: number[]; series: Array<{ org: string; values: number[]; total: number }> }

const COLORS = ['#d9480f', '#1971c2', '#2f9e44', '#9c36b5', '#e67700', '#0c8599', '#c2255c', '#5c940d', '#364fc7', '#862e9c', '#a61e4d', '#087f5b', '#868e96'];

export function Timeline({ data }: { data: TimelineData }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current || data.times.length === 0) return;
    const width = el.current.clientWidth || 800;
    const opts: uPlot.Options = {
      width, height: 260,
      scales: { x: { time: true } },
      axes: [{}, { label: 'connections', size: 60 }],
      legend: { live: false },
      series: [{}, ...data.series.map((s, i) => ({ label: s.org, stroke: COLORS[i % COLORS.length], width: 1.5, fill: `${COLORS[i % COLORS.length]}18`, points: { show: false } }))],
    };
    const plot = new uPlot(opts, [data.times, ...data.series.map((s) => s.values)] as uPlot.AlignedData, el.current);
    const onResize = () => plot.setSize({ width: el.current?.clientWidth ?? width, height: 260 });
    window.addEventListener('resize', onResize);
    return () => { window.removeEventListener('resize', onResize); plot.destroy(); };
  }, [data]);
  return <div className="timeline" ref={el} data-testid="timeline" />;
}
