// Where each thing the console names lives, so a page, an event or an audit row links to it by name.

/** A thing named in a text, and where it lives: pages link its name wherever the text says it. */
export interface Ref {
  label: string;
  href: string;
}

const seg = encodeURIComponent;

export const clusterHref = (cluster: string) => `/clusters/${seg(cluster)}`;
export const nodeHref = (cluster: string, node: string) => `${clusterHref(cluster)}?node=${seg(node)}`;
export const actionHref = (id: string) => `/actions/${seg(id)}`;
export const drillHref = (id: string) => `/drills/${seg(id)}`;
export const incidentHref = (id: string) => `/incidents/${seg(id)}`;
export const incidentsHref = (cluster: string) => `${clusterHref(cluster)}/incidents`;

export const clusterRef = (cluster: string): Ref => ({ label: cluster, href: clusterHref(cluster) });
export const nodeRef = (cluster: string, node: string): Ref => ({ label: node, href: nodeHref(cluster, node) });
