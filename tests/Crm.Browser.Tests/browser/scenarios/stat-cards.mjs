import assert from 'node:assert/strict';
import { api, apiNames, expectNames, screenshot, signIn } from '../harness.mjs';

const cards = ['all', 'active', 'needsAttention', 'salesOpportunities'];

export default async function statCards(page) {
  await signIn(page);
  const stats = await api('/api/v1/stats');
  for (const card of cards) {
    assert.equal(await page.getByTestId(`stat-${card}-value`).textContent(), stats[card].toLocaleString('en-US'), `the ${card} card`);
  }
  assert.ok(stats.needsAttention > 0 && stats.salesOpportunities > 0, 'the seed has customers behind every card');

  const allNames = await expectNames(page, await apiNames(''), 'the unfiltered list');
  assert.equal(allNames.length, stats.all, 'the unfiltered list shows every customer');
  await screenshot(page, 'customers');

  await page.getByTestId('stat-needsAttention').click();
  await page.waitForURL(/lifecycle=at_risk/);
  const atRisk = await expectNames(page, await apiNames('lifecycle=at_risk'), 'the Needs Attention list');
  assert.equal(atRisk.length, stats.needsAttention);

  await page.getByTestId('stat-salesOpportunities').click();
  await page.waitForURL((url) => url.searchParams.get('intent') === 'sales_opportunity' && !url.searchParams.has('lifecycle'));
  const opportunities = await expectNames(page, await apiNames('intent=sales_opportunity'), 'the Sales Opportunities list');
  assert.equal(opportunities.length, stats.salesOpportunities);

  await page.getByTestId('stat-all').click();
  await page.waitForURL((url) => url.search === '');
  await expectNames(page, allNames, 'the list of everyone');
}
