// The cluster settings form's numeric fields: each in the unit a person reads it in (MiB, s, min),
// read back into the number the API stores, or a sentence saying what is wrong with it.
import { type NumericSetting, SETTING_LIMITS } from "@/lib/cluster-settings";
import { amountIn, bestUnit, type Quantity, spoken, toStored } from "@/lib/units";

export interface SettingField {
  field: NumericSetting;
  name: string;
  /** Said after the name: what an empty field means. */
  hint?: string;
  /** A quantity offers its units; a plain count or share has one fixed unit. */
  quantity?: Quantity;
  unit?: string;
  /** The unit an empty field starts in. */
  preferred?: string;
  /** Counted in whole stored units (polls, minutes); bytes and ms are rounded instead. */
  whole?: string;
  optional?: boolean;
}

export const SETTING_FIELDS: SettingField[] = [
  { field: "intervalMs", name: "Poll interval", quantity: "ms" },
  { field: "timeoutMs", name: "Poll timeout", quantity: "ms" },
  { field: "failureThreshold", name: "Failures to DOWN", unit: "polls", whole: "polls" },
  { field: "rpoBudgetBytes", name: "RPO budget (data)", quantity: "bytes", preferred: "MiB" },
  { field: "rpoBudgetSeconds", name: "RPO budget (time)", quantity: "s" },
  { field: "rtoTargetMs", name: "RTO target", quantity: "ms", preferred: "s" },
  { field: "cooldownMs", name: "Failover cooldown", quantity: "ms", preferred: "min" },
  { field: "availabilityTarget", name: "Availability target", unit: "%" },
  { field: "lagAlertBytes", name: "Data lag alert", hint: "empty: RPO", quantity: "bytes", preferred: "MiB" },
  { field: "lagAlertSeconds", name: "Time lag alert", hint: "empty: RPO", quantity: "s" },
  { field: "imbalanceAlertPercent", name: "Imbalance alert", hint: "empty: off", unit: "points" },
  { field: "alertRepeatMinutes", name: "Repeat open alerts", hint: "empty: never", quantity: "min", whole: "minutes" },
].map((spec) => ({ ...spec, optional: spec.hint !== undefined }) as SettingField);

export interface FieldValue {
  amount: string;
  unit: string;
}

export function fieldValue(spec: SettingField, stored: number | null): FieldValue {
  if (!spec.quantity) return { amount: stored === null ? "" : String(stored), unit: spec.unit ?? "" };
  if (stored === null || stored === 0) {
    return { amount: stored === null ? "" : "0", unit: spec.preferred ?? bestUnit(spec.quantity, 0) };
  }
  const unit = bestUnit(spec.quantity, stored);
  return { amount: amountIn(spec.quantity, stored, unit), unit };
}

const say = (spec: SettingField, stored: number) =>
  spec.quantity ? spoken(spec.quantity, stored) : `${stored} ${spec.unit}`;

/** The number to store, or what is wrong, in words. */
export function readField(spec: SettingField, value: FieldValue): { stored: number | null } | { error: string } {
  const text = value.amount.trim().replace(",", ".");
  if (text === "") return spec.optional ? { stored: null } : { error: `${spec.name} is needed.` };
  const amount = Number(text);
  if (!Number.isFinite(amount)) return { error: `${spec.name} must be a number, like 1.5.` };
  const raw = spec.quantity ? toStored(spec.quantity, amount, value.unit) : amount;
  const rounds = spec.quantity === "ms" || spec.quantity === "bytes";
  const stored = rounds ? Math.round(raw) : raw;
  if (spec.whole && !Number.isInteger(stored))
    return { error: `${spec.name} must be a whole number of ${spec.whole}.` };
  const { min, max } = SETTING_LIMITS[spec.field];
  if (stored < min) return { error: `${spec.name} must be at least ${say(spec, min)}.` };
  if (stored > max) return { error: `${spec.name} must be at most ${say(spec, max)}.` };
  return { stored };
}
