// A cluster's mode as the API and the pages name it; vocabularies that differ by mode key on it.
export type Mode = "active-passive" | "active-active";
