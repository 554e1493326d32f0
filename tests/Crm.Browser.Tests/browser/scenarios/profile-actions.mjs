import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { api, signIn } from '../harness.mjs';
import { customerNamed, openProfile } from '../profiles.mjs';

export default async function profileActions(page) {
  await signIn(page);
  const survivor = await openProfile(page, 'Sven Larsen');
  const duplicate = await customerNamed("Liam O'Brien");

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'GDPR export' }).click()]);
  assert.equal(download.suggestedFilename(), `customer-${survivor.id}.json`);
  const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(exported.customer.id, survivor.id);
  assert.ok(Array.isArray(exported.timeline) && exported.timeline.length > 0, 'the export holds the timeline');

  await page.getByRole('button', { name: 'Merge with…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Merge with another customer' });
  await dialog.getByLabel('Find the duplicate').fill("O'Brien");
  await dialog.getByRole('button', { name: /Liam O'Brien/ }).click();
  const preview = dialog.getByTestId('merge-preview');
  await preview.getByText(duplicate.profile.email).waitFor();
  assert.equal((await api(`/api/v1/customers/${duplicate.id}`)).mergedInto, null, 'the preview is a dry run');

  await dialog.getByRole('button', { name: 'Confirm merge' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByTestId('identities').getByText(duplicate.profile.email).waitFor();
  assert.ok(page.url().endsWith(`/customers/${survivor.id}`));
  assert.equal((await api(`/api/v1/customers/${duplicate.id}`)).mergedInto, survivor.id);
}
