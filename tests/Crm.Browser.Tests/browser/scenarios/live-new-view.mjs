import assert from 'node:assert/strict';
import { api, eventually, signIn } from '../harness.mjs';

const within = 2000;

/**
 * A row that comes into view after the dashboard narrowed its row pushes, and changes at once: the change lands before
 * the hub hears of the new view as often as after it, and the row must follow it either way.
 */
export default async function liveNewView(page) {
  const watches = watchConfirmations(page);
  await signIn(page);
  await page.locator('[data-testid="connection"][data-status="live"]').waitFor();

  await page.getByLabel('Search customers').fill('elena@umbrella.example');
  await page.locator('[data-testid="customer-row"]').filter({ hasText: 'Elena Petrova' }).waitFor();
  await page.locator('[data-testid="customer-row"]').filter({ hasText: 'Sven Larsen' }).waitFor({ state: 'detached' });
  await eventually(() => watches.confirmed, (count) => count > 0, 5000, 'confirmed watchCustomers calls');

  const sven = (await api('/api/v1/customers?q=sven@umbrella.example')).items[0];
  await page.getByLabel('Search customers').fill('sven@umbrella.example');
  const row = page.locator(`[data-testid="customer-row"][data-id="${sven.id}"]`);
  await row.waitFor();

  const sent = Date.now();
  await api('/api/v1/events', {
    method: 'POST',
    body: {
      events: [
        {
          id: `new-view-${sent}`,
          type: 'message_received',
          channel: 'email',
          identity: 'sven@umbrella.example',
          occurredAt: new Date().toISOString(),
          conversationId: `new-view-conversation-${sent}`,
          text: 'Hello again, a quick question about my last invoice.',
        },
      ],
    },
  });
  const changed = (await api('/api/v1/customers?q=sven@umbrella.example')).items[0];
  assert.equal(changed.conversations, sven.conversations + 1);

  await eventually(() => row.getByTestId('row-conversations').textContent(), (text) => text === String(changed.conversations), within - (Date.now() - sent), "the new row's conversation count");
  console.log(`the row that came into view followed the event in ${Date.now() - sent} ms`);
}

/** Counts the hub's answers to the page's watchCustomers calls, read from the SignalR JSON frames on the socket. */
function watchConfirmations(page) {
  const state = { confirmed: 0 };
  const pending = new Set();
  page.on('websocket', (socket) => {
    if (!socket.url().includes('/hubs/dashboard')) {
      return;
    }
    socket.on('framesent', ({ payload }) => {
      for (const message of messages(payload)) {
        if (message.type === 1 && message.target === 'watchCustomers') {
          pending.add(message.invocationId);
        }
      }
    });
    socket.on('framereceived', ({ payload }) => {
      for (const message of messages(payload)) {
        if (message.type === 3 && pending.delete(message.invocationId)) {
          state.confirmed++;
        }
      }
    });
  });
  return state;
}

/** SignalR's JSON protocol ends every message with the record separator 0x1e. */
function messages(payload) {
  return String(payload)
    .split('\u001e')
    .filter((text) => text.startsWith('{'))
    .map((text) => JSON.parse(text));
}
