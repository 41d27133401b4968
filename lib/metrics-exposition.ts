// Prometheus's text exposition format (version 0.0.4), written from plain figures. Pure and free of
// Node built-ins, so the console and the agent (which imports nothing above its own files and lib/)
// write the same format.
export const EXPOSITION_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

export type Labels = Record<string, string>;

export interface Sample {
  labels?: Labels;
  value: number;
}

/** One histogram series: cumulative counts per upper bound (ascending, without +Inf), their sum and count. */
export interface HistogramSample {
  labels?: Labels;
  buckets: { le: number; count: number }[];
  sum: number;
  count: number;
}

export type Family =
  | { name: string; help: string; type: "gauge" | "counter"; samples: Sample[] }
  | { name: string; help: string; type: "histogram"; samples: HistogramSample[] };

export const gauge = (name: string, help: string, samples: Sample[]): Family => ({
  name,
  help,
  type: "gauge",
  samples,
});

export const counter = (name: string, help: string, samples: Sample[]): Family => ({
  name,
  help,
  type: "counter",
  samples,
});

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
// The format is UTF-8: a lone UTF-16 surrogate has no encoding, so it becomes U+FFFD.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// Most values (cluster and node names) need no escaping: one test spares them four replaces.
const NEEDS_ESCAPE = /[\\"\n\uD800-\uDFFF]/;

export function escapeLabelValue(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value.replace(LONE_SURROGATE, "\uFFFD").replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
}

export function escapeHelp(text: string): string {
  return text.replace(LONE_SURROGATE, "\uFFFD").replace(/\\/g, "\\\\").replace(/\n/g, "\\n");
}

export function formatValue(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Infinity) return "+Inf";
  if (value === -Infinity) return "-Inf";
  return String(value);
}

const checkedLabelNames = new Set<string>();

function labelText(labels: Labels, extra?: [string, string]): string {
  const pairs = Object.entries(labels);
  if (extra) pairs.push(extra);
  if (pairs.length === 0) return "";
  for (const [name] of pairs) {
    if (checkedLabelNames.has(name)) continue;
    // Names are the code's own, never data: a bad one is a bug, not input to clean.
    if (!LABEL_NAME.test(name) || name.startsWith("__")) throw new Error(`"${name}" is not a label name`);
    checkedLabelNames.add(name);
  }
  return `{${pairs.map(([name, value]) => `${name}="${escapeLabelValue(value)}"`).join(",")}}`;
}

const line = (name: string, labels: Labels, value: number, extra?: [string, string]) =>
  `${name}${labelText(labels, extra)} ${formatValue(value)}\n`;

function histogramLines(name: string, sample: HistogramSample): string {
  const labels = sample.labels ?? {};
  let previous = -Infinity;
  let text = "";
  for (const { le, count } of sample.buckets) {
    if (!(le > previous)) throw new Error(`${name}: bucket bounds must ascend (${le} after ${previous})`);
    previous = le;
    text += line(`${name}_bucket`, labels, count, ["le", formatValue(le)]);
  }
  text += line(`${name}_bucket`, labels, sample.count, ["le", "+Inf"]);
  return text + line(`${name}_sum`, labels, sample.sum) + line(`${name}_count`, labels, sample.count);
}

/** The families as one exposition: HELP and TYPE before each family's samples, a newline after every line. */
export function renderExposition(families: readonly Family[]): string {
  let text = "";
  for (const family of families) {
    if (!METRIC_NAME.test(family.name)) throw new Error(`"${family.name}" is not a metric name`);
    text += `# HELP ${family.name} ${escapeHelp(family.help)}\n# TYPE ${family.name} ${family.type}\n`;
    if (family.type === "histogram") {
      for (const sample of family.samples) text += histogramLines(family.name, sample);
    } else {
      for (const sample of family.samples) text += line(family.name, sample.labels ?? {}, sample.value);
    }
  }
  return text;
}
