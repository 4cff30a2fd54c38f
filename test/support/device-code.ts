/** The "other device" of the device flow: Chromium opens the address, types the code, signs in. */
import type { Browser as Chromium } from 'playwright-core';
import { submitSignInForm, type Credentials } from './hosted-ui.ts';

/** Uses `code` at `address` as `credentials`; returns the title of the page it ends on. */
export async function useDeviceCode(
  chromium: Chromium,
  address: string,
  code: string,
  credentials: Credentials = { username: 'alice', password: 'Passw0rd!alice' },
): Promise<string> {
  const context = await chromium.newContext();
  try {
    const page = await context.newPage();
    await page.goto(address);
    await page.fill('input[name="user_code"]', code);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await submitSignInForm(page, credentials);
    await page.getByRole('heading', { name: 'Signed in' }).waitFor();
    return await page.title();
  } finally {
    await context.close();
  }
}
