"use client";

// One numeric setting: the amount, its unit (a choice where the quantity has several), and what is
// wrong with it, tied to the input for screen readers.
import { UNITS } from "@/lib/units";
import { FormField } from "./form-field";
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
  const label = spec.hint ? `${spec.name} (${spec.hint})` : spec.name;
  return (
    <FormField label={label} name={spec.field} error={error} className="unit-field">
      {(control) => (
        <div className="unit-field-row">
          <input
            {...control}
            inputMode="decimal"
            autoComplete="off"
            value={value.amount}
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
      )}
    </FormField>
  );
}
