import { type ReactNode, useEffect, useState } from 'react';

/** A labelled control with its tooltip (title) and a visible hint for screen readers. */
export function Field({ label, tip, children, htmlFor }: { label: string; tip: string; children: ReactNode; htmlFor: string }) {
  const hintId = `${htmlFor}-tip`;
  return (
    <div className="field" title={tip} aria-describedby={hintId}>
      <label htmlFor={htmlFor}>
        {label}{' '}
        <span className="tip" aria-hidden="true">
          ?
        </span>
      </label>
      {children}
      <span id={hintId} className="sr-only">
        {tip}
      </span>
    </div>
  );
}

/**
 * A number input that commits on change when the text parses, and snaps back to the store's
 * (clamped) value on blur, so typing "0." never restarts the run with a half-typed number.
 */
export function NumberInput({
  id,
  value,
  onCommit,
  min,
  max,
  step,
  testId,
}: {
  id: string;
  value: number;
  onCommit: (v: number) => void;
  min: number;
  max: number;
  step: number;
  testId?: string;
}) {
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  return (
    <input
      id={id}
      type="number"
      inputMode="decimal"
      data-testid={testId}
      min={min}
      max={max}
      step={step}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const v = Number(e.target.value);
        if (e.target.value.trim() !== '' && Number.isFinite(v) && v >= min && v <= max) onCommit(v);
      }}
      onBlur={() => setText(String(value))}
    />
  );
}

/** A slider with its number beside it. */
export function Slider({
  id,
  value,
  min,
  max,
  step,
  onChange,
  testId,
  disabled,
}: {
  id: string;
  value: number;
  min: number;
  max: number;
  step: number;
  onChange: (v: number) => void;
  testId?: string;
  disabled?: boolean;
}) {
  return (
    <div className="slider">
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        data-testid={testId}
        disabled={disabled}
        onChange={(e) => onChange(Number(e.target.value))}
      />
      <output htmlFor={id}>{value}</output>
    </div>
  );
}
