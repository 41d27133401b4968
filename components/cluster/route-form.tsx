"use client";

// The "Add a route" form: a PgBouncer pool or a DNS name with its TSIG key, checked as typed once an
// add was tried, the first wrong field focused. A route read from it joins the list on the page.
import { useId } from "react";
import { ROUTE_KINDS, TSIG_ALGORITHMS } from "@/lib/hooks";
import { type InputProps, SelectField, TextField } from "./form-field";
import { newRouteValues, type Route, ROUTE_KIND_LABELS, type RouteField, readRoute } from "./route-fields";
import { useAddForm } from "./use-add-form";

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
  const { values, set, errors, submit } = useAddForm(
    () => newRouteValues(nodes[0] ?? ""),
    (typed) => readRoute(typed, taken),
    onAdd,
  );
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

  return (
    <form className="panel form" onSubmit={submit} aria-labelledby={titleId} noValidate>
      <h2 id={titleId}>Add a route</h2>
      <div className="form-row">
        {text("name", "Name")}
        <SelectField
          label="Kind"
          name="kind"
          value={values.kind}
          options={ROUTE_KINDS}
          labels={ROUTE_KIND_LABELS}
          onChange={(kind) => set("kind", kind)}
        />
        {values.kind === "pgbouncer" ? (
          <>
            <SelectField
              label="Node running PgBouncer"
              name="node"
              value={values.node}
              options={nodes}
              error={errors.node}
              onChange={(node) => set("node", node)}
            />
            {text("database", "Database (pool entry)")}
          </>
        ) : (
          <>
            {text("server", "DNS server (host:port)")}
            {text("zone", "Zone")}
            {text("record", "Record")}
            {text("ttl", "TTL (s)", { inputMode: "numeric" })}
            {text("keyName", "TSIG key name")}
            <SelectField
              label="Key algorithm"
              name="algorithm"
              value={values.algorithm}
              options={TSIG_ALGORITHMS}
              onChange={(algorithm) => set("algorithm", algorithm)}
            />
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
