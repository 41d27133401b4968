import type { ReactNode } from "react";

export function AppHeader({ children }: { children?: ReactNode }) {
  return (
    <header className="app-header">
      <a className="brand" href="/">
        HA Ops Console
      </a>
      {children}
    </header>
  );
}
