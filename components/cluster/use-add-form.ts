"use client";

// The state of an "Add a …" form whose item joins a list on the page: its values, the errors it
// shows once an add was tried (then following every edit), and the submit that adds the item and
// starts afresh, or focuses the first wrong field.
import { type FormEvent, useState } from "react";
import { focusFirst } from "./form-field";
import type { Read } from "./form-read";

export function useAddForm<Values, Item, Field extends string>(
  fresh: () => Values,
  read: (values: Values) => Read<Item, Field>,
  onAdd: (item: Item) => void,
) {
  const [values, setValues] = useState(fresh);
  const [tried, setTried] = useState(false);
  const result = read(values);
  const set = <Key extends keyof Values>(key: Key, value: Values[Key]) => setValues((v) => ({ ...v, [key]: value }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!result.ok) {
      setTried(true);
      focusFirst(event.currentTarget, Object.keys(result.errors));
      return;
    }
    onAdd(result.item);
    setValues(fresh());
    setTried(false);
  }

  const errors: Partial<Record<Field, string>> = tried && !result.ok ? result.errors : {};
  return { values, set, errors, submit };
}
