// A column chart drawn on the server as SVG: readable without JavaScript, nothing to download.
// Suppressed or missing values draw no column; the data table beside it says why.
// The drawing scales with its width, so on a narrow screen it keeps a minimum width and scrolls
// sideways: at 620 px its 15-unit text is 13 px, never smaller.

export interface SvgSeries {
  name: string;
  color: string;
  /** Dashed outline instead of a fill, so the series differ by more than colour. */
  outline?: boolean;
  values: (number | null)[];
}

const TEXT = 15;

export function SvgColumns({
  labels,
  series,
  title,
  description,
  unit,
}: {
  labels: string[];
  series: SvgSeries[];
  title: string;
  description: string;
  unit: string;
}) {
  const width = 720;
  const height = 240;
  const left = 96;
  const bottom = 44;
  const max = Math.max(1, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const slot = (width - left - 8) / Math.max(1, labels.length);
  const bar = Math.max(2, (slot * 0.8) / series.length);
  const y = (v: number) => height - bottom - (v / max) * (height - bottom - 12);
  const fmt = (v: number) => new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 }).format(v);
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={title}>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="svg-title svg-desc" className="h-auto w-full max-w-3xl min-w-[620px]">
        <title id="svg-title">{title}</title>
        <desc id="svg-desc">{description}</desc>
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line x1={left} x2={width - 8} y1={y(max * f)} y2={y(max * f)} stroke="#dfe1e2" />
            <text x={left - 6} y={y(max * f) + 4} textAnchor="end" fontSize={TEXT} fill="#565c65">
              {`${unit}${fmt(max * f)}`}
            </text>
          </g>
        ))}
        {labels.map((label, i) => (
          <g key={label}>
            {series.map((s, j) => {
              const v = s.values[i];
              if (v === null || v === undefined || v === 0) return null;
              return (
                <rect
                  key={s.name}
                  x={left + i * slot + slot * 0.1 + j * bar}
                  y={y(v)}
                  width={bar - 1}
                  height={height - bottom - y(v)}
                  fill={s.outline ? "white" : s.color}
                  stroke={s.color}
                  strokeDasharray={s.outline ? "3 2" : undefined}
                />
              );
            })}
            {i % Math.ceil(labels.length / 7) === 0 ? (
              <text x={left + i * slot + slot / 2} y={height - bottom + 18} textAnchor="middle" fontSize={TEXT} fill="#1b1b1b">
                {label}
              </text>
            ) : null}
          </g>
        ))}
        {series.map((s, j) => (
          <g key={s.name} transform={`translate(${left + j * 250}, ${height - 6})`}>
            <rect width="14" height="14" y="-12" fill={s.outline ? "white" : s.color} stroke={s.color} strokeDasharray={s.outline ? "3 2" : undefined} />
            <text x="18" fontSize={TEXT}>
              {s.name}
            </text>
          </g>
        ))}
      </svg>
    </div>
  );
}
