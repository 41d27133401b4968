"use client";

// The alarm seen from another tab, like Uptime Kuma's: the title starts with the count of open
// critical conditions and the icon turns red while there is one.
import { useEffect } from "react";

const CRITICAL_ICON = "/icon-critical.svg";
const COUNT = /^\(\d+\) /;

export function useTabAlarm(count: number) {
  useEffect(() => {
    const apply = () => {
      const base = document.title.replace(COUNT, "");
      const title = count > 0 ? `(${count}) ${base}` : base;
      if (document.title !== title) document.title = title;
      for (const link of document.querySelectorAll<HTMLLinkElement>('link[rel~="icon"]')) {
        link.dataset.calmHref ??= link.getAttribute("href") ?? "";
        const href = count > 0 ? CRITICAL_ICON : link.dataset.calmHref;
        if (link.getAttribute("href") !== href) link.setAttribute("href", href);
      }
    };
    apply();
    // Next.js writes the title and icons again on navigation: put the alarm back each time.
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [count]);
}
