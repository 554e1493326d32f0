import assert from 'node:assert/strict';
import { api, apiKey, signIn } from '../harness.mjs';

const storedKey = (page) => page.evaluate(() => sessionStorage.getItem('crm.apiKey'));

export default async function signInScenario(page) {
  await page.goto('/');
  await page.getByLabel('API key').fill('crm_not-a-key-of-this-service');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('alert').filter({ hasText: 'not valid' }).waitFor();
  assert.equal(await storedKey(page), null, 'a refused key is not kept');

  const channel = await api('/api/v1/keys', { method: 'POST', body: { role: 'channel', name: 'adapter' } });
  await page.getByLabel('API key').fill(channel.key);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('alert').filter({ hasText: 'agent or admin key' }).waitFor();

  await signIn(page);
  assert.equal(await storedKey(page), apiKey);
  assert.equal(await page.evaluate(() => localStorage.length), 0, 'nothing is kept beyond the tab');

  await page.reload();
  await page.getByTestId('stat-all-value').filter({ hasNotText: '…' }).waitFor();
  assert.equal(await page.getByLabel('API key').count(), 0, 'a reload in the same tab stays signed in');

  const otherTab = await page.context().browser().newContext({ baseURL: new URL(page.url()).origin });
  const fresh = await otherTab.newPage();
  await fresh.goto('/');
  await fresh.getByLabel('API key').waitFor();
  await otherTab.close();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByLabel('API key').waitFor();
  assert.equal(await storedKey(page), null, 'signing out forgets the key');
}
