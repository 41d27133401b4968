// Screenshots of a page in both themes at the widths people use, for a person to look at
// (test-results/, kept with the run's other artefacts): the whole page, or the view around a part of
// it (a live page's parts keep moving, so the part itself never holds still for an element shot).
import type { Locator, Page } from "@playwright/test";

export async function shootBothThemes(page: Page, name: string, part?: (page: Page) => Locator) {
  const viewport = page.viewportSize();
  for (const width of [1280, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      if (part) await part(page).scrollIntoViewIfNeeded();
      await page.screenshot({ path: `test-results/${name}-${colorScheme}-${width}.png`, fullPage: !part });
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  if (viewport) await page.setViewportSize(viewport);
}
