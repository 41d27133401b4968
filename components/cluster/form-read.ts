// What a form reads into: the item it makes when every field is right, else what is wrong with
// each field, in the form's order (the first one is where the focus goes).
export type Read<Item, Field extends string> =
  | { ok: false; errors: Partial<Record<Field, string>> }
  | { ok: true; item: Item };

/** `make` runs only when no field has something wrong. */
export function readOf<Item, Field extends string>(
  all: Partial<Record<Field, string>>,
  make: () => Item,
): Read<Item, Field> {
  const errors = Object.fromEntries(Object.entries(all).filter(([, error]) => error));
  if (Object.keys(errors).length > 0) return { ok: false, errors: errors as Partial<Record<Field, string>> };
  return { ok: true, item: make() };
}
