import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { api, signIn } from '../harness.mjs';

export default async function bulkTags(page) {
  await signIn(page);
  const rows = page.getByTestId('customer-row');
  await rows.nth(2).waitFor();
  const chosen = [];
  for (let index = 0; index < 3; index++) {
    const row = rows.nth(index);
    chosen.push(await row.getAttribute('data-id'));
    await row.getByRole('checkbox').check();
  }
  const bar = page.getByTestId('bulk-bar');
  await bar.getByText('3 selected').waitFor();

  await bar.getByRole('button', { name: 'Add tags' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add tags' });
  await dialog.getByLabel('Tags, separated by commas').fill('follow-up');
  assert.equal(await dialog.getByTestId('confirm-question').textContent(), 'Add follow-up to 3 customers?');
  for (const id of chosen) {
    assert.ok(!(await api(`/api/v1/customers/${id}`)).tags.includes('follow-up'), 'nothing changes before confirming');
  }
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await dialog.getByTestId('bulk-succeeded').filter({ hasText: '3 succeeded' }).waitFor();
  assert.equal(await dialog.getByTestId('bulk-failed').textContent(), '0 failed');
  await dialog.getByRole('button', { name: 'Done' }).click();

  for (const id of chosen) {
    await page.locator(`[data-testid="customer-row"][data-id="${id}"] [data-tag="follow-up"]`).waitFor();
    assert.ok((await api(`/api/v1/customers/${id}`)).tags.includes('follow-up'));
  }

  await bar.getByRole('button', { name: 'Export CSV' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export CSV' });
  assert.equal(await exportDialog.locator('.confirm-question').textContent(), 'Download 3 customers as a CSV file?');
  const [download] = await Promise.all([page.waitForEvent('download'), exportDialog.getByRole('button', { name: 'Confirm' }).click()]);
  const lines = (await readFile(await download.path(), 'utf8')).trim().split(/\r?\n/);
  assert.match(lines[0], /^id,name,email/);
  assert.deepEqual(lines.slice(1).map((line) => line.split(',')[0]).sort(), [...chosen].sort());
  await exportDialog.getByTestId('bulk-outcome').filter({ hasText: '3 customers exported.' }).waitFor();
}
