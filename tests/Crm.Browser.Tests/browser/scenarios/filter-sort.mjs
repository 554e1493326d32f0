import assert from 'node:assert/strict';
import { apiNames, expectNames, signIn } from '../harness.mjs';

export default async function filterAndSort(page) {
  await signIn(page);
  await page.getByLabel('Sort').selectOption({ label: 'Lifetime value, highest first' });
  await page.waitForURL((url) => url.searchParams.get('sort') === '-ltv');
  await expectNames(page, await apiNames('sort=-ltv'), 'everyone by lifetime value');

  await page.getByRole('button', { name: /^Filters/ }).click();
  await page.getByTestId('filter-panel').getByLabel('Customer', { exact: true }).check();
  await page.waitForURL((url) => url.searchParams.getAll('lifecycle').join() === 'customer');
  const names = await expectNames(page, await apiNames('lifecycle=customer&sort=-ltv'), 'customers by lifetime value');
  assert.ok(names.length > 1, 'the filter leaves several rows to order');

  const values = (await page.getByTestId('row-ltv').allTextContents()).map((text) => Number(text.replace(/,/g, '')));
  assert.deepEqual(values, [...values].sort((a, b) => b - a), 'highest lifetime value first');

  await page.reload();
  await expectNames(page, names, 'the reloaded filter and sort');
}
