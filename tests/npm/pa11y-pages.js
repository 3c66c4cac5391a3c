#!/usr/bin/env node
// Run pa11y with HTML_CodeSniffer (WCAG 2 AA) over many pages in one browser,
// two at a time, and print one JSON list: [{page, issues: [...]}].
// Usage: node pa11y-pages.js CHROMIUM BASE_URL PAGE...   (used by tests/site/test_pa11y.py)
"use strict";

const pa11y = require("pa11y");
const puppeteer = require("puppeteer");

const [chromium, base, ...pages] = process.argv.slice(2);
const PARALLEL = 2;

async function check(browser, rel) {
  const page = await browser.newPage();
  try {
    const result = await pa11y(`${base}/${rel}`, {
      browser, page, standard: "WCAG2AA", runners: ["htmlcs"], timeout: 60000,
      includeWarnings: false, includeNotices: false,
    });
    return { page: rel, issues: result.issues.map(({ code, type, message, selector, context }) => ({ code, type, message, selector, context })) };
  } finally {
    await page.close();
  }
}

async function main() {
  const browser = await puppeteer.launch({
    executablePath: chromium, headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
  const results = [];
  try {
    const queue = pages.slice();
    const worker = async () => { while (queue.length) results.push(await check(browser, queue.shift())); };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(results));
}

main().catch((error) => { console.error(error.stack || String(error)); process.exit(1); });
