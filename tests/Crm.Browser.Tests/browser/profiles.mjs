import { api } from './harness.mjs';

/** The customer of that exact name, as the API returns it. */
export async function customerNamed(fullName) {
  const page = await api(`/api/v1/customers?q=${encodeURIComponent(fullName)}`);
  return api(`/api/v1/customers/${page.items.find((row) => row.name === fullName).id}`);
}

/** Opens the profile from its row in the list and returns the customer as the API has it. */
export async function openProfile(page, fullName) {
  await page.getByTestId('customer-name').filter({ hasText: fullName }).click();
  await page.getByTestId('profile-name').filter({ hasText: fullName }).waitFor();
  return customerNamed(fullName);
}

export async function openTab(page, label) {
  await page.getByRole('tab', { name: label }).click();
  await page.getByRole('tabpanel', { name: label }).waitFor();
}
