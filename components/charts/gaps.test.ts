import { describe, expect, it } from "vitest";
import { pointKey, type SeriesRow, withGaps } from "./gaps";

const STEP = 5_000;
const row = (t: number, values: Record<string, number | null>): SeriesRow => ({ t: t * STEP, ...values });

describe("withGaps", () => {
  it("leaves a series sampled every step as it is", () => {
    const rows = [row(0, { a: 1 }), row(1, { a: 2 }), row(2, { a: 3 })];
    expect(withGaps(rows, ["a"], STEP)).toEqual({ rows, bridged: new Set() });
  });

  it("breaks a series whose samples are more than two steps apart", () => {
    const { rows } = withGaps([row(0, { a: 1 }), row(1, { a: 2 }), row(9, { a: 3 })], ["a"], STEP);
    expect(rows).toEqual([row(0, { a: 1 }), row(1, { a: 2 }), row(2, { a: null }), row(9, { a: 3 })]);
  });

  it("breaks one series in another's rows, and gives two series breaking at once one row", () => {
    const gapped = withGaps(
      [row(0, { a: 1, b: 1 }), row(1, { b: 2 }), row(2, { b: 3 }), row(3, { b: 4 }), row(4, { a: 5, b: 5 })],
      ["a", "b"],
      STEP,
    );
    expect(gapped.rows[1]).toEqual(row(1, { a: null, b: 2 }));
    const both = withGaps([row(0, { a: 1, b: 1 }), row(5, { a: 2, b: 2 })], ["a", "b"], STEP);
    expect(both.rows).toEqual([row(0, { a: 1, b: 1 }), row(1, { a: null, b: null }), row(5, { a: 2, b: 2 })]);
  });

  it("bridges a hole of one bucket in a straight line and marks the point as not measured", () => {
    const { rows, bridged } = withGaps(
      [row(0, { a: 10, b: 1 }), row(1, { b: 2 }), row(2, { a: 20, b: 3 })],
      ["a", "b"],
      STEP,
    );
    expect(rows[1]).toEqual(row(1, { a: 15, b: 2 }));
    expect(bridged).toEqual(new Set([pointKey(STEP, "a")]));
  });

  it("keeps a sample stored without a value as a gap", () => {
    const { rows } = withGaps([row(0, { a: 1 }), row(1, { a: null }), row(2, { a: 3 })], ["a"], STEP);
    expect(rows[1]).toEqual(row(1, { a: null }));
  });

  it("sorts the rows by time and leaves its input alone", () => {
    const input = [row(2, { a: 3 }), row(0, { a: 1 })];
    expect(withGaps(input, ["a"], STEP).rows.map((r) => r.t)).toEqual([0, 2 * STEP]);
    expect(input[0]).toEqual(row(2, { a: 3 }));
  });
});
