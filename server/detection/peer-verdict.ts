// Whether a node the console cannot reach is down for everyone (confirmed) or only cut off from
// the console (isolated), from what its peers last said about it.
export interface PeerView {
  /** What this peer's last fresh status says about the node; undefined when it says nothing. */
  reachable: boolean | undefined;
}

export interface PeerVerdict {
  confirmedDown: boolean;
  isolated: boolean;
  unreachableBy: number;
  reachableBy: number;
  peers: number;
  /** Confirmed by the node's own agent (its process is gone), not by its peers. */
  byOwnAgent?: boolean;
}

export function byOwnAgent(peers: number): PeerVerdict {
  return { confirmedDown: true, isolated: false, unreachableBy: 0, reachableBy: 0, peers, byOwnAgent: true };
}

export function peerVerdict(views: PeerView[]): PeerVerdict {
  const peers = views.length;
  const unreachableBy = views.filter((view) => view.reachable === false).length;
  const reachableBy = views.filter((view) => view.reachable === true).length;
  const majority = Math.floor(peers / 2) + 1;
  return {
    // With no peers at all the console's own view is the only one there is.
    confirmedDown: peers === 0 || unreachableBy >= majority,
    isolated: peers > 0 && reachableBy >= majority,
    unreachableBy,
    reachableBy,
    peers,
  };
}

export function describeVerdict(verdict: PeerVerdict): string {
  if (verdict.byOwnAgent) return "confirmed by its own agent";
  if (verdict.peers === 0) return "no peers to ask";
  if (verdict.isolated) return `${verdict.reachableBy}/${verdict.peers} peers still reach it`;
  if (verdict.confirmedDown) return `confirmed by ${verdict.unreachableBy}/${verdict.peers} peers`;
  return `not confirmed: ${verdict.unreachableBy}/${verdict.peers} peers report it unreachable`;
}
