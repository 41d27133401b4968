// Quantities a person sets in a form (bytes, durations) in the unit they read best in, and back to
// the number the API stores: 16777216 bytes is "16 MiB", 600000 ms is "10 min".
export type Quantity = "bytes" | "ms" | "s" | "min";

export interface Unit {
  unit: string;
  /** How many of the quantity's stored unit one of this is. */
  factor: number;
}

export const UNITS: Record<Quantity, Unit[]> = {
  bytes: [
    { unit: "B", factor: 1 },
    { unit: "KiB", factor: 1024 },
    { unit: "MiB", factor: 1024 ** 2 },
    { unit: "GiB", factor: 1024 ** 3 },
    { unit: "TiB", factor: 1024 ** 4 },
  ],
  ms: [
    { unit: "ms", factor: 1 },
    { unit: "s", factor: 1_000 },
    { unit: "min", factor: 60_000 },
    { unit: "h", factor: 3_600_000 },
  ],
  s: [
    { unit: "s", factor: 1 },
    { unit: "min", factor: 60 },
    { unit: "h", factor: 3_600 },
  ],
  min: [
    { unit: "min", factor: 1 },
    { unit: "h", factor: 60 },
  ],
};

const factorOf = (quantity: Quantity, unit: string) => UNITS[quantity].find((u) => u.unit === unit)?.factor ?? 1;
const hundredths = (value: number) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6;

/** The largest unit the value is at least one of and says with two decimals at most. */
export function bestUnit(quantity: Quantity, value: number): string {
  const fits = UNITS[quantity].filter((u) => Math.abs(value) >= u.factor && hundredths(value / u.factor));
  return (fits.at(-1) ?? UNITS[quantity][0]!).unit;
}

/** The value as a number of `unit`, as a form field shows it ("1.5", not "1.5000000001"). */
export function amountIn(quantity: Quantity, value: number, unit: string): string {
  return String(Number((value / factorOf(quantity, unit)).toPrecision(12)));
}

/** An amount of `unit` in the stored unit. */
export function toStored(quantity: Quantity, amount: number, unit: string): number {
  return Number((amount * factorOf(quantity, unit)).toPrecision(12));
}

/** A stored value said in its best unit: "100 ms", "1 min", "16 MiB". */
export function spoken(quantity: Quantity, value: number): string {
  const unit = bestUnit(quantity, value);
  return `${amountIn(quantity, value, unit)} ${unit}`;
}
