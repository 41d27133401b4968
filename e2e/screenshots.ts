// Screenshots of a page in both themes at the widths people use, for a person to look at
// (test-results/, kept with the run's other artefacts).
import type { Locator, Page } from "@playwright/test";

export async function shootBothThemes(page: Page, name: string, target: (page: Page) => Locator | Page = (p) => p) {
  const viewport = page.viewportSize();
  for (const width of [1280, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      const shot = target(page);
      await shot.screenshot({ path: `test-results/${name}-${colorScheme}-${width}.png`, ...fullPage(shot, page) });
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  if (viewport) await page.setViewportSize(viewport);
}

const fullPage = (shot: Locator | Page, page: Page) => (shot === page ? { fullPage: true } : {});
