"use client";

// One numeric setting: the amount, its unit (a choice where the quantity has several), and what is
// wrong with it, tied to the input for screen readers.
import { useId } from "react";
import { UNITS } from "@/lib/units";
import type { FieldValue, SettingField } from "./settings-fields";

export function UnitField({
  spec,
  value,
  error,
  onChange,
}: {
  spec: SettingField;
  value: FieldValue;
  error?: string;
  onChange: (value: FieldValue) => void;
}) {
  const id = useId();
  const label = spec.hint ? `${spec.name} (${spec.hint})` : spec.name;
  return (
    <div className="unit-field">
      <label htmlFor={`${id}-amount`}>{label}</label>
      <div className="unit-field-row">
        <input
          id={`${id}-amount`}
          name={spec.field}
          inputMode="decimal"
          autoComplete="off"
          value={value.amount}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => onChange({ ...value, amount: e.target.value })}
        />
        {spec.quantity ? (
          <select
            aria-label={`Unit of ${spec.name}`}
            value={value.unit}
            onChange={(e) => onChange({ ...value, unit: e.target.value })}
          >
            {UNITS[spec.quantity].map((u) => (
              <option key={u.unit}>{u.unit}</option>
            ))}
          </select>
        ) : (
          <span className="unit-field-unit">{spec.unit}</span>
        )}
      </div>
      {error ? (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}
