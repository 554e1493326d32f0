import assert from 'node:assert/strict';
import { api, eventually, signIn } from '../harness.mjs';

const within = 2000;

export default async function needsAttention(page) {
  await signIn(page);
  await page.locator('[data-testid="connection"][data-status="live"]').waitFor();
  const [customer] = (await api('/api/v1/customers?lifecycle=customer&sort=-lastActive&limit=1')).items;
  assert.ok(customer, 'the seed has a recently active customer to lose');

  const sent = Date.now();
  await api(`/api/v1/customers/${customer.id}/lifecycle`, { method: 'PUT', body: { lifecycle: 'at_risk' } });
  const toast = page.getByTestId('toast').filter({ hasText: 'Needs attention' }).filter({ hasText: customer.name });
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
  await page.getByTestId('profile-name').filter({ hasText: customer.name }).waitFor();
  assert.ok(page.url().endsWith(`/customers/${customer.id}`));
}
