import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { childrenCpuSeconds } from './child-cpu.js';

/** Where Debian installs Chromium; FACTSHEET_CHROMIUM names another. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export interface ChromiumRun {
  seconds: number;
  /** CPU seconds of the browser's processes, counted once it has closed. */
  cpuSeconds: number | null;
  version: string;
}

/** The Chromium to print with, or null when none is installed. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidate = env.FACTSHEET_CHROMIUM || DEFAULT_CHROMIUM;
  return existsSync(candidate) ? candidate : null;
}

/**
 * Prints every web page to PDF with one Chromium process, one page after the other:
 * what a press office would script beside Pandoc to get PDFs. Timed from the launch of
 * the browser to its close. playwright-core is loaded only here, when there is a Chromium.
 */
export async function timeChromium(executable: string, pages: readonly string[], dest: string): Promise<ChromiumRun> {
  const { chromium } = await import('playwright-core');
  mkdirSync(dest, { recursive: true });
  const cpuBefore = childrenCpuSeconds();
  const start = performance.now();
  const browser = await chromium.launch({ executablePath: executable });
  try {
    const page = await browser.newPage();
    for (const [index, file] of pages.entries()) {
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      await page.pdf({ path: path.join(dest, `${index}.pdf`), format: 'A4', printBackground: true });
    }
    const version = browser.version();
    await browser.close();
    const seconds = (performance.now() - start) / 1000;
    const cpuAfter = childrenCpuSeconds();
    return { seconds, cpuSeconds: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore, version };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
