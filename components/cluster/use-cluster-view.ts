"use client";

// The cluster page's view from its URL, and a change to it written back there (in the browser's
// history, with no round trip to the server), so the address bar always holds a shareable link.
// The view changes at once; the URL follows, and a link to another view (a marker's node) leads it.
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { type ClusterView, clusterSearch, clusterView } from "./cluster-view";

export type ChangeView = (next: Partial<ClusterView>) => void;

export function useClusterView(): [ClusterView, ChangeView] {
  const params = useSearchParams();
  const query = params.toString();
  const [view, setView] = useState(() => clusterView(params));
  const [read, setRead] = useState(query);
  if (query !== read) {
    setRead(query);
    setView(clusterView(params));
  }
  const change: ChangeView = (next) => {
    // The URL, not the last render: a zoom right after a node's selection keeps both.
    const updated = { ...clusterView(new URLSearchParams(window.location.search)), ...next };
    setView(updated);
    window.history.replaceState(null, "", `${window.location.pathname}${clusterSearch(updated)}`);
  };
  return [view, change];
}
