import assert from 'node:assert/strict';
import { api, screenshot, signIn } from '../harness.mjs';
import { customerNamed, openProfile, openTab } from '../profiles.mjs';

const name = 'Ana Lima';

export default async function profile(page) {
  await signIn(page);
  const customer = await openProfile(page, name);
  assert.ok(page.url().endsWith(`/customers/${customer.id}`), 'the profile has its own address');

  const overview = page.getByRole('tabpanel', { name: 'Overview' });
  await overview.getByTestId('identities').getByText('+5511987654321').waitFor();
  await overview.getByText(customer.profile.email).first().waitFor();
  await overview.getByTestId('activity-chart').waitFor();
  assert.equal(await overview.getByTestId('profile-ltv').textContent(), customer.lifetimeValue.toLocaleString('en-US', { maximumFractionDigits: 2 }));
  await screenshot(page, 'profile');

  await openTab(page, 'Conversations');
  assert.equal(await page.getByTestId('conversations').locator('tbody tr').count(), customer.recentConversations.length);

  await openTab(page, 'Timeline');
  await page.getByTestId('timeline-entry').first().waitFor();
  const timeline = await api(`/api/v1/customers/${customer.id}/timeline?limit=50`);
  assert.equal(await page.getByTestId('timeline-entry').count(), timeline.items.length);

  await openTab(page, 'Notes');
  await page.getByTestId('note').filter({ hasText: 'Prefers WhatsApp in the mornings.' }).waitFor();
  await page.getByLabel('New note').fill('Asked for a renewal quote.');
  await page.getByRole('button', { name: 'Add note' }).click();
  await page.getByTestId('note').filter({ hasText: 'Asked for a renewal quote.' }).waitFor();
  assert.ok((await customerNamed(name)).notes.some((note) => note.text === 'Asked for a renewal quote.'));

  const segment = await api('/api/v1/segments', { method: 'POST', body: { name: 'Renewals Q1', kind: 'static' } });
  await openTab(page, 'Segments');
  const segments = page.getByTestId('segments');
  await segments.getByText('In no segment.').waitFor();
  await segments.getByLabel('Segment').selectOption({ label: 'Renewals Q1' });
  await segments.getByRole('button', { name: 'Assign' }).click();
  const member = segments.locator('.segment-item').filter({ hasText: 'Renewals Q1' });
  await member.waitFor();
  assert.deepEqual((await customerNamed(name)).segments, [segment.id]);
  await member.getByRole('button', { name: 'Remove' }).click();
  await segments.getByText('In no segment.').waitFor();
  assert.deepEqual((await customerNamed(name)).segments, []);

  await openTab(page, 'Custom fields');
  await page.getByTestId('attribute').filter({ hasText: 'plan' }).waitFor();
  assert.equal(await page.getByTestId('attribute').count(), Object.keys(customer.attributes).length);

  await page.getByLabel('Add tags, separated by commas').fill('renewal');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.getByTestId('profile-tags').locator('[data-tag="renewal"]').waitFor();
  assert.ok((await customerNamed(name)).tags.includes('renewal'));

  await openTab(page, 'Overview');
  await page.getByLabel('Lifecycle stage').selectOption('vip');
  await page.getByRole('button', { name: 'Change' }).click();
  await page.locator('.profile-badges [data-lifecycle="vip"]').waitFor();
  assert.equal((await customerNamed(name)).lifecycle, 'vip');

  await page.getByRole('button', { name: 'Edit profile' }).click();
  const form = page.getByTestId('edit-profile');
  await form.getByLabel('Email').fill('not-an-email');
  await form.getByRole('button', { name: 'Save' }).click();
  const emailError = form.locator('[data-field="email"]');
  await emailError.waitFor();
  assert.match(await emailError.textContent(), /email/i);
  await form.getByLabel('Email').fill(customer.profile.email);
  await form.getByLabel('City').fill('Campinas');
  await form.getByRole('button', { name: 'Save' }).click();
  await form.waitFor({ state: 'detached' });
  await page.getByRole('tabpanel', { name: 'Overview' }).getByText('Campinas, BR').waitFor();
  assert.equal((await customerNamed(name)).profile.city, 'Campinas');
}
