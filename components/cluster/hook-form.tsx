"use client";

// The "Add a hook" form: a hook's fields, checked as typed once an add was tried, the first wrong
// one focused. A hook read from it joins the list on the page; the list is saved as a whole.
import { useId } from "react";
import { HOOK_KINDS, HOOK_PHASE_LABELS, HOOK_PHASES, type HookKind } from "@/lib/hooks";
import { FormField, SelectField, TextField } from "./form-field";
import { type Hook, newHookValues, readHook } from "./hook-fields";
import { useAddForm } from "./use-add-form";

const KIND_LABELS: Record<HookKind, string> = { http: "HTTP POST, signed", command: "Command on a node" };

export function HookForm({ nodes, taken, onAdd }: { nodes: string[]; taken: string[]; onAdd: (hook: Hook) => void }) {
  const titleId = useId();
  const { values, set, errors, submit } = useAddForm(
    () => newHookValues(nodes[0] ?? ""),
    (typed) => readHook(typed, taken),
    onAdd,
  );

  return (
    <form className="panel form" onSubmit={submit} aria-labelledby={titleId} noValidate>
      <h2 id={titleId}>Add a hook</h2>
      <div className="form-row">
        <TextField
          label="Name"
          name="name"
          value={values.name}
          error={errors.name}
          onChange={(value) => set("name", value)}
          placeholder="e.g. notify-ci"
        />
        <SelectField
          label="When"
          name="phase"
          value={values.phase}
          options={HOOK_PHASES}
          labels={HOOK_PHASE_LABELS}
          className="wide"
          onChange={(phase) => set("phase", phase)}
        />
        <SelectField
          label="Kind"
          name="kind"
          value={values.kind}
          options={HOOK_KINDS}
          labels={KIND_LABELS}
          onChange={(kind) => set("kind", kind)}
        />
        {values.kind === "http" ? (
          <TextField
            label="URL"
            name="url"
            type="url"
            value={values.url}
            error={errors.url}
            onChange={(value) => set("url", value)}
            placeholder="https://ci.example.com/hook"
          />
        ) : (
          <>
            <SelectField
              label="Node (its agent runs it)"
              name="node"
              value={values.node}
              options={nodes}
              error={errors.node}
              onChange={(node) => set("node", node)}
            />
            <FormField label="Arguments, one a line" name="argv" error={errors.argv} className="wide">
              {(control) => (
                <textarea
                  {...control}
                  rows={3}
                  value={values.argv}
                  onChange={(e) => set("argv", e.target.value)}
                  placeholder={"/usr/local/bin/repoint\n--to-new-primary"}
                  spellCheck={false}
                />
              )}
            </FormField>
          </>
        )}
        <TextField
          label="Timeout (s)"
          name="timeout"
          inputMode="decimal"
          value={values.timeout}
          error={errors.timeout}
          onChange={(value) => set("timeout", value)}
        />
        <label className="checkbox">
          <input type="checkbox" checked={values.required} onChange={(e) => set("required", e.target.checked)} />{" "}
          Required: before fencing or draining, its failure stops the action
        </label>
      </div>
      <div>
        <button type="submit">Add hook</button>
      </div>
    </form>
  );
}
