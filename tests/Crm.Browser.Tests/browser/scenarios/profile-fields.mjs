import assert from 'node:assert/strict';
import { signIn } from '../harness.mjs';
import { customerNamed, openProfile, openTab } from '../profiles.mjs';

const name = 'Hugo Martin';

export default async function profileFields(page) {
  await signIn(page);
  await openProfile(page, name);
  await openTab(page, 'Custom fields');
  const fields = page.getByTestId('attributes');

  await fields.getByTestId('attribute').filter({ hasText: 'plan' }).getByRole('button', { name: 'Edit' }).click();
  await fields.getByLabel('Value').first().fill('pro');
  await fields.getByRole('button', { name: 'Save' }).first().click();
  await fields.getByTestId('attribute').filter({ hasText: 'plan' }).filter({ hasText: 'pro' }).waitFor();

  await fields.getByLabel('Field name').fill('renewal');
  await fields.getByLabel('Field type').last().selectOption('date');
  await fields.getByLabel('Value').last().fill('2027-01-31');
  await fields.getByRole('button', { name: 'Save' }).last().click();
  await fields.getByTestId('attribute').filter({ hasText: 'renewal' }).waitFor();

  await fields.getByTestId('attribute').filter({ hasText: 'seats' }).getByRole('button', { name: 'Remove' }).click();
  await fields.getByTestId('attribute').filter({ hasText: 'seats' }).waitFor({ state: 'detached' });

  const { attributes } = await customerNamed(name);
  assert.equal(attributes.plan.text, 'pro');
  assert.equal(attributes.renewal.kind, 'date');
  assert.equal(attributes.renewal.date, '2027-01-31');
  assert.equal(attributes.seats, undefined);
}
