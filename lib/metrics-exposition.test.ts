import { describe, expect, it } from "vitest";
import { escapeHelp, escapeLabelValue, formatValue, renderExposition } from "./metrics-exposition.ts";

describe("Prometheus text exposition", () => {
  it("writes HELP and TYPE before each family's samples, one line each, newline-terminated", () => {
    const text = renderExposition([
      { name: "haops_up", help: "Up.", type: "gauge", samples: [{ value: 1 }] },
      {
        name: "haops_things_total",
        help: "Things.",
        type: "counter",
        samples: [
          { labels: { cluster: "a", outcome: "ok" }, value: 3 },
          { labels: { cluster: "b", outcome: "ok" }, value: 0 },
        ],
      },
    ]);
    expect(text).toBe(
      [
        "# HELP haops_up Up.",
        "# TYPE haops_up gauge",
        "haops_up 1",
        "# HELP haops_things_total Things.",
        "# TYPE haops_things_total counter",
        'haops_things_total{cluster="a",outcome="ok"} 3',
        'haops_things_total{cluster="b",outcome="ok"} 0',
        "",
      ].join("\n"),
    );
  });

  it("keeps a family without samples: HELP and TYPE alone", () => {
    expect(renderExposition([{ name: "haops_x", help: "X.", type: "gauge", samples: [] }])).toBe(
      "# HELP haops_x X.\n# TYPE haops_x gauge\n",
    );
  });

  it("escapes backslash, double quote and newline in label values, and backslash and newline in HELP", () => {
    expect(escapeLabelValue('a\\b"c\nd')).toBe('a\\\\b\\"c\\nd');
    expect(escapeHelp('path C:\\x\nnext "quoted"')).toBe('path C:\\\\x\\nnext "quoted"');
    const text = renderExposition([
      { name: "haops_n", help: "N.", type: "gauge", samples: [{ labels: { node: 'db "1"\n' }, value: 1 }] },
    ]);
    expect(text).toContain('haops_n{node="db \\"1\\"\\n"} 1\n');
  });

  it("replaces a lone UTF-16 surrogate, which UTF-8 cannot carry, and keeps a pair", () => {
    expect(escapeLabelValue("a\uD800b")).toBe("a\uFFFDb");
    expect(escapeLabelValue("\uDC00")).toBe("\uFFFD");
    expect(escapeLabelValue("😀")).toBe("😀");
  });

  it("spells special values as Prometheus reads them", () => {
    expect([NaN, Infinity, -Infinity, 0.25, 1e21, -3].map(formatValue)).toEqual([
      "NaN",
      "+Inf",
      "-Inf",
      "0.25",
      "1e+21",
      "-3",
    ]);
  });

  it("writes a histogram as cumulative buckets, +Inf equal to the count, then sum and count", () => {
    const text = renderExposition([
      {
        name: "haops_poll_duration_seconds",
        help: "Polls.",
        type: "histogram",
        samples: [
          {
            labels: { cluster: "c" },
            buckets: [
              { le: 0.005, count: 1 },
              { le: 0.5, count: 3 },
            ],
            sum: 0.75,
            count: 4,
          },
        ],
      },
    ]);
    expect(text.split("\n").slice(2)).toEqual([
      'haops_poll_duration_seconds_bucket{cluster="c",le="0.005"} 1',
      'haops_poll_duration_seconds_bucket{cluster="c",le="0.5"} 3',
      'haops_poll_duration_seconds_bucket{cluster="c",le="+Inf"} 4',
      'haops_poll_duration_seconds_sum{cluster="c"} 0.75',
      'haops_poll_duration_seconds_count{cluster="c"} 4',
      "",
    ]);
  });

  it("refuses names that are not Prometheus names and bucket bounds that do not ascend: they are bugs", () => {
    const gauge = (name: string, labels: Record<string, string> = {}) =>
      renderExposition([{ name, help: "h", type: "gauge", samples: [{ labels, value: 1 }] }]);
    expect(() => gauge("haops-bad")).toThrow(/not a metric name/);
    expect(() => gauge("haops_ok", { "bad-label": "x" })).toThrow(/not a label name/);
    expect(() => gauge("haops_ok", { __name__: "x" })).toThrow(/not a label name/);
    const buckets = [
      { le: 1, count: 1 },
      { le: 1, count: 1 },
    ];
    expect(() =>
      renderExposition([{ name: "h", help: "h", type: "histogram", samples: [{ buckets, sum: 1, count: 1 }] }]),
    ).toThrow(/ascend/);
  });
});
