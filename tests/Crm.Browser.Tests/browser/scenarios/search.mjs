import assert from 'node:assert/strict';
import { apiNames, expectNames, shownNames, signIn } from '../harness.mjs';

export default async function search(page) {
  await signIn(page);
  const everyone = await shownNames(page);

  await page.getByLabel('Search customers').fill('acme');
  await page.waitForURL((url) => url.searchParams.get('q') === 'acme');
  const matches = await expectNames(page, await apiNames('q=acme'), 'the search for acme');
  assert.ok(matches.length > 0 && matches.length < everyone.length, `search narrows ${everyone.length} rows to ${matches.length}`);

  await page.getByLabel('Search customers').fill('wholesale');
  await page.waitForURL((url) => url.searchParams.get('q') === 'wholesale');
  const tagged = await expectNames(page, await apiNames('q=wholesale'), 'the search for a tag');
  assert.ok(tagged.length > 0);

  await page.reload();
  assert.equal(await page.getByLabel('Search customers').inputValue(), 'wholesale', 'the search is in the URL');
  await expectNames(page, tagged, 'the reloaded search');
}
