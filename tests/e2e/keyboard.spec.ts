import { expect, test } from '@playwright/test';
import { cellList, liftWithKeyboard, listTexts, openApp, tabTo } from './helpers';

test('keyboard only: create a plan, add an item, place it, reorder it, open it', async ({ page }) => {
  await openApp(page);
  // Create a plan from the example.
  await tabTo(page, page.getByRole('button', { name: 'Planer', exact: true }));
  await page.keyboard.press('Enter');
  const plans = page.getByRole('dialog', { name: 'Planer' });
  await tabTo(page, plans.getByLabel('Namn'));
  await page.keyboard.type('Workshop 28 mars');
  await tabTo(page, plans.getByRole('button', { name: 'Skapa plan' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Workshop 28 mars');
  await expect(plans).toBeHidden();

  // Add an item.
  const add = page.getByRole('button', { name: 'Nytt inspel' });
  await tabTo(page, add);
  await page.keyboard.press('Enter');
  await page.keyboard.type('Gemensam kompetensplan för primärvården');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');

  // Place it last in "Ledarskap och kompetensförsörjning, Viktiga milstolpar 2026" (4 items).
  const item = page.getByRole('button', { name: /Gemensam kompetensplan/ });
  await tabTo(page, item);
  await liftWithKeyboard(page);
  await page.keyboard.press('ArrowLeft'); // Inspel → the last blade
  await page.keyboard.press('PageUp'); // 2025 → 2026
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
  await expect(page.locator('[id^="DndLiveRegion"]')).toContainText(
    'Ledarskap och kompetensförsörjning, Viktiga milstolpar 2026, plats 5 av 5',
  );
  await page.keyboard.press('Enter');
  const cell = cellList(page, 'Ledarskap och kompetensförsörjning', 'Viktiga milstolpar 2026');
  await expect.poll(async () => (await listTexts(cell)).at(-1)).toBe('Gemensam kompetensplan för primärvården');

  // Reorder: lift again (focus followed the item) and move it to the top.
  const placed = cell.getByRole('button', { name: /Gemensam kompetensplan/ });
  await expect(placed).toBeFocused();
  await liftWithKeyboard(page);
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Space');
  await expect.poll(async () => (await listTexts(cell))[0]).toBe('Gemensam kompetensplan för primärvården');

  // Open it for editing.
  await expect(cell.getByRole('button', { name: /^1\.\s+Gemensam kompetensplan/ })).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Aktivitet' });
  await expect(dialog.getByLabel('Text')).toHaveValue('Gemensam kompetensplan för primärvården');
  await expect(dialog).toContainText('Ligger i: Ledarskap och kompetensförsörjning, Viktiga milstolpar 2026');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(cell.getByRole('button', { name: /Gemensam kompetensplan/ })).toBeFocused();
});
