import { type ReactNode, useRef } from 'react';
import { saveFile } from '../download';
import { useT } from '../useT';

/** Rows as CSV (header from the first row's keys); numbers written in full precision. */
export function toCsv(rows: readonly Record<string, number | string | null>[]): string {
  if (rows.length === 0) return '';
  const keys = Object.keys(rows[0]);
  const cell = (v: number | string | null) =>
    v === null || (typeof v === 'number' && !Number.isFinite(v)) ? '' : typeof v === 'string' && /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : String(v);
  return `${[keys.join(','), ...rows.map((r) => keys.map((k) => cell(r[k] ?? null)).join(','))].join('\n')}\n`;
}

/** The light theme's colours of the variables the charts use (styles.css). */
const LIGHT = { line: '#d5d9de', muted: '#59616b', fg: '#1b1f24', panel: '#ffffff' };

/** The chart's SVG as a standalone file (with a white background for pasting into posts). */
function svgText(root: HTMLElement | null): string | null {
  const svg = root?.querySelector('svg.chart-surface');
  if (!svg) return null;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('style', 'background:#fff;font-family:sans-serif');
  // A file has no page stylesheet: theme colours become their light values.
  return new XMLSerializer().serializeToString(clone).replace(/var\(--(line|muted|fg|panel)\)/g, (_, name: keyof typeof LIGHT) => LIGHT[name]);
}

/**
 * A titled chart with downloads: the data as CSV, the figure as SVG and PNG, for authors who
 * want the figure in their post.
 */
export function ChartFrame({
  id,
  title,
  rows,
  children,
  caption,
}: {
  id: string;
  title: string;
  rows: readonly Record<string, number | string | null>[];
  children: ReactNode;
  caption?: ReactNode;
}) {
  const { t } = useT();
  const ref = useRef<HTMLDivElement>(null);
  const png = () => {
    const text = svgText(ref.current);
    const svg = ref.current?.querySelector('svg.chart-surface');
    if (!text || !svg) return;
    const { width, height } = svg.getBoundingClientRect();
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = width * 2;
      canvas.height = height * 2;
      const ctx = canvas.getContext('2d');
      if (!ctx) return;
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.scale(2, 2);
      ctx.drawImage(img, 0, 0, width, height);
      canvas.toBlob((b) => b && saveFile(`specplay-${id}.png`, b), 'image/png');
    };
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  };
  return (
    <figure className="chart" data-testid={id} ref={ref}>
      <figcaption>
        <strong>{title}</strong>
        <span className="chart-actions">
          <button
            type="button"
            data-testid={`${id}-csv`}
            disabled={rows.length === 0}
            onClick={() => saveFile(`specplay-${id}.csv`, new Blob([toCsv(rows)], { type: 'text/csv' }))}
          >
            CSV
          </button>
          <button
            type="button"
            data-testid={`${id}-svg`}
            onClick={() => {
              const text = svgText(ref.current);
              if (text) saveFile(`specplay-${id}.svg`, new Blob([text], { type: 'image/svg+xml' }));
            }}
          >
            SVG
          </button>
          <button type="button" onClick={png}>
            PNG
          </button>
        </span>
      </figcaption>
      <div className="chart-body">{children}</div>
      {caption && <p className="small chart-caption">{caption}</p>}
      <span className="sr-only">{t('chartHint')}</span>
    </figure>
  );
}
