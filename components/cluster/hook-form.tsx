"use client";

// The "Add a hook" form: a hook's fields, checked as typed once an add was tried, the first wrong
// one focused. A hook read from it joins the list on the page; the list is saved as a whole.
import { type FormEvent, useId, useState } from "react";
import { HOOK_PHASE_LABELS, HOOK_PHASES, type HookKind, type HookPhase } from "@/lib/hooks";
import { FormField, focusFirst, TextField } from "./form-field";
import { type Hook, type HookValues, newHookValues, readHook } from "./hook-fields";

const KIND_LABELS: Record<HookKind, string> = { http: "HTTP POST, signed", command: "Command on a node" };

export function HookForm({ nodes, taken, onAdd }: { nodes: string[]; taken: string[]; onAdd: (hook: Hook) => void }) {
  const titleId = useId();
  const [values, setValues] = useState(() => newHookValues(nodes[0] ?? ""));
  const [tried, setTried] = useState(false);
  const read = readHook(values, taken);
  const errors = tried && read.errors ? read.errors : {};
  const set = <Key extends keyof HookValues>(key: Key, value: HookValues[Key]) =>
    setValues((v) => ({ ...v, [key]: value }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (read.errors) {
      setTried(true);
      focusFirst(event.currentTarget, Object.keys(read.errors));
      return;
    }
    onAdd(read.hook);
    setValues(newHookValues(nodes[0] ?? ""));
    setTried(false);
  }

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
        <label>
          When
          <select value={values.phase} onChange={(e) => set("phase", e.target.value as HookPhase)}>
            {HOOK_PHASES.map((phase) => (
              <option key={phase} value={phase}>
                {HOOK_PHASE_LABELS[phase]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Kind
          <select value={values.kind} onChange={(e) => set("kind", e.target.value as HookKind)}>
            {Object.entries(KIND_LABELS).map(([kind, label]) => (
              <option key={kind} value={kind}>
                {label}
              </option>
            ))}
          </select>
        </label>
        {values.kind === "http" ? (
          <TextField
            label="URL"
            name="url"
            type="url"
            value={values.url}
            error={errors.url}
            onChange={(value) => set("url", value)}
            placeholder="https://ci.example.com/failover"
          />
        ) : (
          <>
            <FormField label="Node (its agent runs it)" name="node" error={errors.node}>
              {(control) => (
                <select {...control} value={values.node} onChange={(e) => set("node", e.target.value)}>
                  {nodes.map((node) => (
                    <option key={node}>{node}</option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField label="Arguments, one a line" name="argv" error={errors.argv}>
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
          Required: its failure stops the action
        </label>
      </div>
      <div>
        <button type="submit">Add hook</button>
      </div>
    </form>
  );
}
