import assert from 'node:assert/strict';
import { api, eventually, signIn } from '../harness.mjs';

const within = 2000;

export default async function liveUpdate(page) {
  await signIn(page);
  await page.locator('[data-testid="connection"][data-status="live"]').waitFor();

  const before = await api('/api/v1/stats');
  const bruno = (await api('/api/v1/customers?q=bruno@globex.example')).items[0];
  assert.notEqual(bruno.intent, 'sales_opportunity', 'the customer starts without buying intent');
  const row = page.locator(`[data-testid="customer-row"][data-id="${bruno.id}"]`);
  assert.equal(await row.getByTestId('row-conversations').textContent(), String(bruno.conversations));

  const sent = Date.now();
  await api('/api/v1/events', {
    method: 'POST',
    body: {
      events: [
        {
          id: `live-${sent}`,
          type: 'message_received',
          channel: 'email',
          identity: 'bruno@globex.example',
          occurredAt: new Date().toISOString(),
          conversationId: `live-conversation-${sent}`,
          text: 'What is the price of the enterprise plan? We want to buy 20 seats this week, please send a quote.',
        },
      ],
    },
  });
  const after = await api('/api/v1/stats');
  const changed = (await api('/api/v1/customers?q=bruno@globex.example')).items[0];
  assert.notDeepEqual(after, before, 'the event moved a card');
  assert.equal(changed.conversations, bruno.conversations + 1);

  const card = Object.keys(after).find((name) => after[name] !== before[name]);
  await eventually(() => page.getByTestId(`stat-${card}-value`).textContent(), (text) => text === after[card].toLocaleString('en-US'), within - (Date.now() - sent), `the ${card} card`);
  await eventually(() => row.getByTestId('row-conversations').textContent(), (text) => text === String(changed.conversations), within - (Date.now() - sent), "the row's conversation count");
  await eventually(() => row.locator('[data-intent]').getAttribute('data-intent'), (intent) => intent === changed.intent, within - (Date.now() - sent), "the row's intent");
  const elapsed = Date.now() - sent;
  assert.ok(elapsed <= within, `the page followed the event in ${elapsed} ms`);
  console.log(`card and row followed the event in ${elapsed} ms`);

  if (changed.intent === 'sales_opportunity') {
    await page.getByTestId('toast').filter({ hasText: 'Sales opportunity' }).filter({ hasText: 'Bruno Costa' }).waitFor({ timeout: within });
  }
}
