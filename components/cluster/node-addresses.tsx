"use client";

// Where clients reach each node (host:port, one field a node, empty for none): what a DNS route
// writes into its record and a PgBouncer route points its pool at. Saved with the routes, which the
// server refuses while a node has none.
import { TextField } from "./form-field";

export function NodeAddresses({
  addresses,
  errors,
  onChange,
}: {
  addresses: Record<string, string>;
  /** What the server said is wrong, by node. */
  errors: Record<string, string>;
  onChange: (node: string, address: string) => void;
}) {
  return (
    <fieldset className="field-group">
      <legend>Client addresses (host:port; every node needs one while there are routes, an IP address for DNS)</legend>
      <div className="form-row">
        {Object.entries(addresses).map(([node, address]) => (
          <TextField
            key={node}
            label={node}
            name={`address-${node}`}
            value={address}
            error={errors[node]}
            onChange={(value) => onChange(node, value)}
          />
        ))}
      </div>
    </fieldset>
  );
}
