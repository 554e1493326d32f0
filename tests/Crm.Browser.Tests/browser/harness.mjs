import { isDeepStrictEqual } from 'node:util';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

/** Set by the xunit test that runs this scenario: the service's address, a key, and where screenshots go. */
export const baseUrl = required('CRM_URL');
export const apiKey = required('CRM_KEY');
export const screenshotFolder = required('CRM_SCREENSHOTS');

// TOOLCHAIN.md: without the networking flags Chromium keeps trying hosts it cannot reach.
const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run this scenario through the xunit tests of Crm.Browser.Tests.`);
  }
  return value;
}

/** Debian's Chromium, never a downloaded browser. */
function chromiumExecutable() {
  if (process.env.CHROMIUM_PATH) {
    return process.env.CHROMIUM_PATH;
  }
  try {
    return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('Chromium is not installed: apt-get install -y --no-install-recommends chromium (./test.sh does this).');
  }
}

/** Runs `scenario` with a fresh browser page; a failure leaves a screenshot of the page as it was. */
export async function withPage(name, scenario) {
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), headless: true, args: chromiumFlags });
  const pageErrors = [];
  try {
    const context = await browser.newContext({ baseURL: baseUrl, viewport: tallViewport, locale: 'en-US', acceptDownloads: true });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    try {
      await scenario(page);
    } catch (failure) {
      await screenshot(page, `failed-${name}`).catch(() => undefined);
      throw failure;
    }
    if (pageErrors.length > 0) {
      throw new Error(`The page threw: ${pageErrors.join('; ')}`);
    }
  } finally {
    await browser.close();
  }
}

/** Tall enough that the virtualised list renders every seeded row, so the page's rows can be compared with the API's. */
const tallViewport = { width: 1440, height: 2200 };
const screenViewport = { width: 1440, height: 900 };

/** A screenshot at an ordinary screen size. */
export async function screenshot(page, name) {
  mkdirSync(screenshotFolder, { recursive: true });
  const path = join(screenshotFolder, `${name}.png`);
  await page.setViewportSize(screenViewport);
  await page.waitForTimeout(300);
  await page.screenshot({ path });
  await page.setViewportSize(tallViewport);
  return path;
}

export async function signIn(page) {
  await page.goto('/');
  await page.getByLabel('API key').fill(apiKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('stat-all-value').filter({ hasNotText: '…' }).waitFor();
}

/** Calls the service's API directly, as the source of truth the page is compared with. */
export async function api(path, { method = 'GET', body } = {}) {
  const response = await fetch(new URL(path, baseUrl), {
    method,
    headers: { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  }
  return response.status === 204 ? undefined : response.json();
}

/** The names the list shows, in order, once the list has finished loading. */
export async function shownNames(page) {
  await page.getByTestId('list-footer').filter({ hasNotText: 'Loading…' }).waitFor();
  return page.getByTestId('customer-name').allTextContents();
}

/** Waits (at most 5 s) for the list to show exactly `expected`, in order, then returns it. */
export async function expectNames(page, expected, what = 'the list') {
  return eventually(() => shownNames(page), (names) => isDeepStrictEqual(names, expected), 5000, `${what} should be ${JSON.stringify(expected)}`);
}

/** The names the API lists for `query`, in order, as the page names a customer without one. */
export async function apiNames(query) {
  const page = await api(`/api/v1/customers?${query}${query ? '&' : ''}limit=200`);
  return page.items.map((row) => row.name ?? row.email ?? row.phone ?? 'Unnamed customer');
}

/** Waits until `read` returns a value `accept` takes, polling every 50 ms, for at most `timeoutMs`. */
export async function eventually(read, accept, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await read();
    if (accept(last)) {
      return last;
    }
    if (Date.now() > deadline) {
      throw new Error(`${what}: still ${JSON.stringify(last)} after ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
