// The accessibility check: no serious or critical axe violation in the part of the page named, in
// both themes; the page is left in the light one.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export async function expectAxeClean(page: Page, include: string) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).include(include).analyze();
    expect(
      results.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${colorScheme} ${v.id}: ${v.help}`),
    ).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: "light" });
}
