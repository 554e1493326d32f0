import assert from 'node:assert/strict';
import { api, eventually, signIn } from '../harness.mjs';

const within = 2000;

export default async function needsAttention(page) {
  await signIn(page);
  await page.locator('[data-testid="connection"][data-status="live"]').waitFor();
  const grace = (await api('/api/v1/customers?q=grace.kim@hooli.example')).items[0];
  assert.notEqual(grace.lifecycle, 'at_risk');

  const sent = Date.now();
  await api(`/api/v1/customers/${grace.id}/lifecycle`, { method: 'PUT', body: { lifecycle: 'at_risk' } });
  const toast = page.getByTestId('toast').filter({ hasText: 'Needs attention' }).filter({ hasText: 'Grace Kim' });
  await toast.waitFor({ timeout: within });
  const stats = await api('/api/v1/stats');
  await eventually(
    () => page.getByTestId('stat-needsAttention-value').textContent(),
    (text) => text === stats.needsAttention.toLocaleString('en-US'),
    within,
    'the Needs Attention card',
  );
  console.log(`toast shown ${Date.now() - sent} ms after the change`);

  await toast.getByRole('link', { name: 'Open profile' }).click();
  await page.getByTestId('profile-name').filter({ hasText: 'Grace Kim' }).waitFor();
  assert.ok(page.url().endsWith(`/customers/${grace.id}`));
}
