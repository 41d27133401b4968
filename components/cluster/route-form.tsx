"use client";

// The "Add a route" form: a PgBouncer pool or a DNS name with its TSIG key, checked as typed once an
// add was tried, the first wrong field focused. A route read from it joins the list on the page.
import { type FormEvent, useId, useState } from "react";
import { ROUTE_KINDS, type RouteKind, TSIG_ALGORITHMS } from "@/lib/hooks";
import { FormField, focusFirst, type InputProps, TextField } from "./form-field";
import {
  newRouteValues,
  type Route,
  ROUTE_KIND_LABELS,
  type RouteField,
  type RouteValues,
  readRoute,
} from "./route-fields";

export function RouteForm({
  nodes,
  taken,
  onAdd,
}: {
  nodes: string[];
  taken: string[];
  onAdd: (route: Route) => void;
}) {
  const titleId = useId();
  const [values, setValues] = useState(() => newRouteValues(nodes[0] ?? ""));
  const [tried, setTried] = useState(false);
  const read = readRoute(values, taken);
  const errors = tried && read.errors ? read.errors : {};
  const set = <Key extends keyof RouteValues>(key: Key, value: RouteValues[Key]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const text = (field: Exclude<RouteField, "node">, label: string, input: InputProps = {}) => (
    <TextField
      label={label}
      name={field}
      value={values[field]}
      error={errors[field]}
      onChange={(value) => set(field, value)}
      {...input}
    />
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (read.errors) {
      setTried(true);
      focusFirst(event.currentTarget, Object.keys(read.errors));
      return;
    }
    onAdd(read.route);
    setValues(newRouteValues(nodes[0] ?? ""));
    setTried(false);
  }

  return (
    <form className="panel form" onSubmit={submit} aria-labelledby={titleId} noValidate>
      <h2 id={titleId}>Add a route</h2>
      <div className="form-row">
        {text("name", "Name")}
        <label>
          Kind
          <select value={values.kind} onChange={(e) => set("kind", e.target.value as RouteKind)}>
            {ROUTE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {ROUTE_KIND_LABELS[kind]}
              </option>
            ))}
          </select>
        </label>
        {values.kind === "pgbouncer" ? (
          <>
            <FormField label="Node running PgBouncer" name="node" error={errors.node}>
              {(control) => (
                <select {...control} value={values.node} onChange={(e) => set("node", e.target.value)}>
                  {nodes.map((node) => (
                    <option key={node}>{node}</option>
                  ))}
                </select>
              )}
            </FormField>
            {text("database", "Database (pool entry)")}
          </>
        ) : (
          <>
            {text("server", "DNS server (host:port)")}
            {text("zone", "Zone")}
            {text("record", "Record")}
            {text("ttl", "TTL (s)", { inputMode: "numeric" })}
            {text("keyName", "TSIG key name")}
            <label>
              Key algorithm
              <select
                value={values.algorithm}
                onChange={(e) => set("algorithm", e.target.value as RouteValues["algorithm"])}
              >
                {TSIG_ALGORITHMS.map((algorithm) => (
                  <option key={algorithm}>{algorithm}</option>
                ))}
              </select>
            </label>
            {text("secret", "Key secret (base64)", { type: "password", autoComplete: "new-password" })}
          </>
        )}
        {text("timeout", "Timeout (s)", { inputMode: "decimal" })}
      </div>
      <div>
        <button type="submit">Add route</button>
      </div>
    </form>
  );
}
