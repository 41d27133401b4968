"use client";

// A labelled field with what is wrong with it under it, tied to the control for screen readers; the
// error stays outside the label so the field's accessible name is its label alone.
import { type InputHTMLAttributes, type ReactNode, useId } from "react";

export interface ControlProps {
  id: string;
  name: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
}

export function FormField({
  label,
  name,
  error,
  className,
  children,
}: {
  label: string;
  name: string;
  error?: string;
  /** Besides "field": "wide" takes two columns of a form row (a long choice or a list). */
  className?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const id = useId();
  return (
    <div className={className ? `field ${className}` : "field"}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        name,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": error ? `${id}-error` : undefined,
      })}
      {error ? (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}

export type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name" | "value" | "onChange">;

/** A one-line text field; not spell-checked nor filled in by the browser unless `input` says so. */
export function TextField({
  label,
  name,
  value,
  error,
  onChange,
  ...input
}: { label: string; name: string; value: string; error?: string; onChange: (value: string) => void } & InputProps) {
  return (
    <FormField label={label} name={name} error={error}>
      {(control) => (
        <input
          autoComplete="off"
          spellCheck={false}
          {...input}
          {...control}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </FormField>
  );
}

/** A choice among `options`, each shown by its label or, without one, as it is. */
export function SelectField<Value extends string>({
  label,
  name,
  value,
  options,
  labels,
  error,
  className,
  onChange,
}: {
  label: string;
  name: string;
  value: Value;
  options: readonly Value[];
  labels?: Record<Value, string>;
  error?: string;
  className?: string;
  onChange: (value: Value) => void;
}) {
  return (
    <FormField label={label} name={name} error={error} className={className}>
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value as Value)}>
          {options.map((option) => (
            <option key={option} value={option}>
              {labels?.[option] ?? option}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

/** Moves the focus to the first of the named fields in the form, where the reader fixes it. */
export function focusFirst(form: HTMLFormElement | HTMLElement | null, names: readonly string[]) {
  if (names[0] !== undefined) form?.querySelector<HTMLElement>(`[name="${CSS.escape(names[0])}"]`)?.focus();
}
