import { expect, test } from '@playwright/test';
import { addInspel, cellList, center, dragTo, exportVia, inspel, itemPoint, listTexts, openApp, waitSaved, openPlanSettings } from './helpers';

test('after one visit the app starts, edits and saves with the network off', async ({ page, context }) => {
  await openApp(page);
  // The service worker has precached the app and controls the page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
  });
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('svg.fan')).toBeVisible();
  await addInspel(page, 'Skrivet utan nätverk');
  await waitSaved(page);
  await page.reload();
  await expect(inspel(page).getByRole('button', { name: /Skrivet utan nätverk/ })).toBeVisible();
  await context.setOffline(false);
});

test('a whole session stays on its own origin and runs under the CSP without violations', async ({ page }) => {
  const requests: string[] = [];
  const violations: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`Refused to load: CSP ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await openApp(page);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');

  await addInspel(page, 'Ursprungstest');
  const target = cellList(page, 'Nära invånaren', 'Önskad målbild 2027');
  await dragTo(page, await center(inspel(page).getByRole('button').first()), await itemPoint(target.getByRole('button').first()));
  await expect.poll(async () => (await listTexts(target)).includes('Ursprungstest')).toBe(true);
  await page.getByRole('button', { name: 'Planer', exact: true }).click();
  await expect(page.getByTestId('storage-use')).toContainText('Lagring i webbläsaren:');
  await page.keyboard.press('Escape');
  await openPlanSettings(page);
  // The dialog's code loads on first use: close it once it is there.
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  const download = await exportVia(page, 'JSON');
  expect(download.suggestedFilename()).toBe('KL HoS handlingsplan 2025–2027 (utkast).json');
  // Word and the picture are made in the page too: no request leaves it.
  expect((await exportVia(page, 'Word (.docx)')).suggestedFilename()).toBe('KL HoS handlingsplan 2025–2027 (utkast) – handlingsplan.docx');
  expect((await exportVia(page, 'Bild (PNG)')).suggestedFilename()).toBe('KL HoS handlingsplan 2025–2027 (utkast).png');
  await page.reload();
  await expect(page.locator('svg.fan')).toBeVisible();

  // The automation hook exists only when asked for (?automation).
  expect(await page.evaluate(() => 'solfjadern' in window || '__solfjadern' in window)).toBe(false);

  const origin = new URL(page.url()).origin;
  expect(requests.length).toBeGreaterThan(0);
  expect(requests.filter((u) => new URL(u).origin !== origin && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
  expect(violations).toEqual([]);
});

test('the server sends the security policy as headers: no framing by other sites, the same CSP as the page', async ({ request, page }) => {
  const response = await request.get('/');
  const headers = response.headers();
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['content-security-policy']).toContain("connect-src 'self'");
  expect(headers['x-frame-options']).toBe('DENY');
  // A page of another origin cannot show the app in a frame.
  const blocked: string[] = [];
  page.on('console', (m) => blocked.push(m.text()));
  await page.setContent(`<iframe src="${response.url()}"></iframe>`);
  await expect.poll(() => blocked.some((t) => /frame-ancestors|X-Frame-Options|refused to display/i.test(t))).toBe(true);
});
