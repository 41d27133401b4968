// One benchmark figure, as bench/results/latest.json holds it.
export interface Figure {
  name: string;
  value: number;
  unit: string;
  target: string;
  pass: boolean;
}
