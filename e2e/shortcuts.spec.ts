// Keyboard shortcuts: g then a letter goes to a main page, / focuses the page's search, ? lists
// them in a dialog that keeps focus inside and gives it back on Escape; never while typing.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";

test("g and a letter go to the main pages; / focuses the search; typing in a field is left alone", async ({
  page,
  signInAs,
}) => {
  await signInAs("viewer");
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Clusters", level: 1 })).toBeVisible();
  const go = async (letter: string, path: RegExp, heading: string) => {
    await page.keyboard.press("g");
    await page.keyboard.press(letter);
    await expect(page).toHaveURL(path);
    await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
  };
  await go("x", /\/actions$/, "Actions");
  await go("d", /\/drills$/, "Drills");
  await go("u", /\/audit$/, "Audit log");

  await page.keyboard.press("/");
  const search = page.getByLabel("Search");
  await expect(search).toBeFocused();
  await page.keyboard.type("gx");
  await expect(search).toHaveValue("gx");
  await expect(page).toHaveURL(/\/audit$/);

  await search.blur();
  await page.keyboard.press("Control+g");
  await page.keyboard.press("x");
  await expect(page).toHaveURL(/\/audit$/);
  await go("c", /\/$/, "Clusters");
});

test("? lists the shortcuts in a dialog that keeps and gives back focus", async ({ page, signInAs }) => {
  await signInAs("viewer");
  await page.goto("/drills");
  await expect(page.getByRole("heading", { name: "Drills", level: 1 })).toBeVisible();
  const drillsLink = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Drills" });
  await drillsLink.focus();
  await page.keyboard.press("?");
  const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(dialog).toBeVisible();
  for (const [keys, does] of [
    ["g then c", "Clusters (the overview)"],
    ["g then a", "Alerts"],
    ["g then x", "Actions"],
    ["g then d", "Drills"],
    ["g then u", "Audit log"],
    ["/", "Focus the page's search or filter"],
  ]) {
    await expect(dialog.getByRole("row", { name: does })).toContainText(keys!);
  }
  const results = await new AxeBuilder({ page }).include("dialog").analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  for (let i = 0; i < 3; i++) {
    await page.keyboard.press("Tab");
    expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press("g");
  await page.keyboard.press("x");
  await expect(page).toHaveURL(/\/drills$/);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(drillsLink).toBeFocused();

  await page.getByRole("button", { name: "Keyboard shortcuts" }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("button", { name: "Keyboard shortcuts" })).toBeFocused();
});
