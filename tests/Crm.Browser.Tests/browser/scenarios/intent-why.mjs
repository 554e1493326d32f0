import assert from 'node:assert/strict';
import { screenshot, signIn } from '../harness.mjs';
import { openProfile } from '../profiles.mjs';

// Bruno's greeting has waited two days for a reply: his intent is support because of it, and the why says so.
const name = 'Bruno Costa';

export default async function intentWhy(page) {
  await signIn(page);
  const customer = await openProfile(page, name);
  const unanswered = customer.intent.why.find((reason) => reason.kind === 'unanswered');
  assert.ok(unanswered, `the seed leaves ${name}'s message unanswered: ${JSON.stringify(customer.intent)}`);
  assert.equal(customer.intent.intent, 'support');

  const signal = page.getByTestId('intent-signal');
  await signal.locator('[data-intent="support"]').waitFor();
  await signal.getByText('Why?').click();
  const reasons = signal.locator('.why-reason');
  await reasons.first().waitFor();
  assert.equal(await reasons.count(), customer.intent.why.length);
  const reason = reasons.filter({ hasText: unanswered.text });
  assert.equal(await reason.getAttribute('data-kind'), 'unanswered');
  await screenshot(page, 'intent-why');

  await reason.getByTestId('why-conversation-link').click();
  await page.waitForURL((url) => url.searchParams.get('tab') === 'conversations' && url.searchParams.get('conversation') === unanswered.conversationId);
  const row = page.getByTestId('conversations').locator(`tr[data-conversation-id="${unanswered.conversationId}"]`);
  await row.waitFor();
  assert.equal(await row.getAttribute('aria-current'), 'true');
  assert.ok(!(await signal.locator('.why-list').isVisible()), 'following a reason closes the list over the tabs');
  const conversation = customer.recentConversations.find((item) => item.id === unanswered.conversationId);
  assert.ok(conversation.sentiment, 'the conversation has a sentiment from its inbound message');
  await row.locator(`.sentiment-${conversation.sentiment}`).waitFor();
  await screenshot(page, 'intent-why-conversation');
}
