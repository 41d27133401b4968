// A step that did not do its part but does not stop the action (a best-effort hook, a client route):
// its detail starts so, and the action's outcome names it.
export const NOT_DONE = "did not succeed; the action went on";
