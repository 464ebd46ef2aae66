import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Opens a list page, picks an option per label in its filter bar (the search landmark named
 * `filterBar`), applies them and waits for the URL to carry them; returns the filter bar.
 */
export async function filterList(page: Page, path: string, filterBar: string, choices: Record<string, string>, url: RegExp): Promise<Locator> {
  await page.goto(path);
  const filters = page.getByRole('search', { name: filterBar });
  for (const [label, option] of Object.entries(choices)) await filters.getByLabel(label).selectOption(option);
  await filters.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(url);
  return filters;
}
