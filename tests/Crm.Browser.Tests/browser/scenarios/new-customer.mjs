import assert from 'node:assert/strict';
import { api, signIn } from '../harness.mjs';

export default async function newCustomer(page) {
  await signIn(page);
  await page.getByRole('link', { name: 'New customer' }).click();
  const form = page.getByTestId('new-customer');
  await form.getByLabel('Name').fill('Zoe Fontaine');
  await form.getByLabel('Email').fill('zoe at example');
  await form.getByLabel('Phone').fill('+33 6 12 34 56 78');
  await form.getByLabel('Company').fill('Fontaine & Fils');
  await form.getByLabel('City').fill('Nantes');
  await form.getByLabel('Country').fill('FR');
  await form.getByLabel('Language').fill('fr');
  await form.getByLabel('Tags').fill('walk-in, trade-show');
  await form.getByRole('button', { name: 'Create customer' }).click();

  const emailError = form.locator('[data-field="email"]');
  await emailError.waitFor();
  assert.match(await emailError.textContent(), /email/i);
  assert.equal((await api('/api/v1/customers?q=Fontaine')).items.length, 0, 'a refused form creates nothing');

  await form.getByLabel('Email').fill('zoe@fontaine.example');
  await form.getByRole('button', { name: 'Create customer' }).click();
  await page.getByTestId('profile-name').filter({ hasText: 'Zoe Fontaine' }).waitFor();

  const created = (await api('/api/v1/customers?q=Fontaine')).items;
  assert.equal(created.length, 1);
  assert.ok(page.url().endsWith(`/customers/${created[0].id}`));
  assert.deepEqual([...created[0].tags].sort(), ['trade-show', 'walk-in']);
  assert.equal(created[0].phone, '+33612345678');
}
