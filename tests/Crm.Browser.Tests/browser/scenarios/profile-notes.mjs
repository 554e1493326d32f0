import assert from 'node:assert/strict';
import { signIn } from '../harness.mjs';
import { customerNamed, openProfile, openTab } from '../profiles.mjs';

const name = 'Maya Singh';

export default async function profileNotes(page) {
  await signIn(page);
  await openProfile(page, name);
  await openTab(page, 'Notes');
  await page.getByLabel('New note').fill('Asked for a renewal quote.');
  await page.getByRole('button', { name: 'Add note' }).click();
  const added = page.getByTestId('note').filter({ hasText: 'Asked for a renewal quote.' });
  await added.getByRole('button', { name: 'Edit' }).click();
  const editing = page.getByTestId('note').filter({ has: page.getByLabel('Note text') });
  await editing.getByLabel('Note text').fill('Asked for a renewal quote for 20 seats.');
  await editing.getByRole('button', { name: 'Save' }).click();
  const edited = page.getByTestId('note').filter({ hasText: 'for 20 seats.' });
  await edited.getByText('edited').waitFor();
  assert.deepEqual((await customerNamed(name)).notes.map((note) => note.text), ['Asked for a renewal quote for 20 seats.']);

  await edited.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog', { name: 'Delete note' }).getByRole('button', { name: 'Delete' }).click();
  await edited.waitFor({ state: 'detached' });
  await page.getByText('No notes yet.').waitFor();
  assert.deepEqual((await customerNamed(name)).notes, []);
}
