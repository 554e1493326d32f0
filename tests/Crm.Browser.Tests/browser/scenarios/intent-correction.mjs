import assert from 'node:assert/strict';
import { api, eventually, screenshot, signIn } from '../harness.mjs';
import { customerNamed, openProfile } from '../profiles.mjs';

// Daniel wrote about a broken order, so the engine reads support; an agent who knows he is about to buy corrects it on
// his profile in one tab, and the list open in another tab follows: his row and the Sales Opportunities card move.
const name = 'Daniel Rocha';
const within = 5000;

export default async function intentCorrection(page) {
  await signIn(page);
  await page.locator('[data-testid="connection"][data-status="live"]').waitFor();
  const before = await api('/api/v1/stats');
  const daniel = await customerNamed(name);
  assert.equal(daniel.intent.intent, 'support', `the seed reads ${name}'s message as support: ${JSON.stringify(daniel.intent)}`);
  const row = page.locator(`[data-testid="customer-row"][data-id="${daniel.id}"]`);
  assert.equal(await row.locator('[data-intent]').getAttribute('data-intent'), 'support');

  const agent = await page.context().newPage();
  await signIn(agent);
  await openProfile(agent, name);
  const correction = agent.getByTestId('intent-correction');
  await correction.getByText('Correct…').click();
  await correction.getByLabel('Corrected intent').selectOption('sales_opportunity');
  await correction.getByLabel('Correction note').fill('asked for a quote for 20 seats on the phone');
  await correction.getByRole('button', { name: 'Save' }).click();

  await agent.getByTestId('intent-signal').locator('[data-intent="sales_opportunity"]').waitFor();
  const correctedBy = await agent.getByTestId('intent-corrected-by').textContent();
  assert.match(correctedBy, /^Corrected by key:/);
  assert.match(correctedBy, /asked for a quote for 20 seats on the phone/);
  await agent.getByTestId('intent-why').getByText('Why?').click();
  await agent.locator('.why-reason[data-kind="agent"]').filter({ hasText: 'asked for a quote for 20 seats on the phone' }).waitFor();
  await screenshot(agent, 'intent-correction');

  const corrected = await customerNamed(name);
  assert.equal(corrected.intent.intent, 'sales_opportunity');
  assert.equal(corrected.intentCorrection.computedIntentThen, 'support');
  const after = await api('/api/v1/stats');
  assert.equal(after.salesOpportunities, before.salesOpportunities + 1, 'the correction moved the Sales Opportunities card');

  await eventually(() => row.locator('[data-intent]').getAttribute('data-intent'), (intent) => intent === 'sales_opportunity', within, `${name}'s row in the other tab`);
  await eventually(
    () => page.getByTestId('stat-salesOpportunities-value').textContent(),
    (text) => text === after.salesOpportunities.toLocaleString('en-US'),
    within,
    'the Sales Opportunities card in the other tab',
  );
  await screenshot(page, 'intent-correction-list');
}
