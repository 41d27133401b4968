"use client";

// The cluster page's view from its URL, and a change to it written back there (in the browser's
// history, with no round trip to the server), so the address bar always holds a shareable link.
import { useSearchParams } from "next/navigation";
import { type ClusterView, clusterSearch, clusterView } from "./cluster-view";

export function useClusterView(): [ClusterView, (change: Partial<ClusterView>) => void] {
  const view = clusterView(useSearchParams());
  const change = (next: Partial<ClusterView>) => {
    // The URL, not the last render: a zoom right after a node's selection keeps both.
    const current = clusterView(new URLSearchParams(window.location.search));
    window.history.replaceState(null, "", `${window.location.pathname}${clusterSearch({ ...current, ...next })}`);
  };
  return [view, change];
}
