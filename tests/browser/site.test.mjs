// Browser checks of the built HTML site in headless Chromium: pages load
// without console errors, search finds the product, the theme toggle is
// remembered, screenshots are not blank, and `contentdoc serve` reloads the
// page after an edit.
//
// Usage: node site.test.mjs --site DIR --shots DIR --profile DIR
//        [--serve URL --serve-content DIR]
// --profile names an empty folder for a fresh Chromium profile.
// Settings from the environment: PRODUCT_PAGE (path of the product page in
// the site), SEARCH_TERM (text typed into the search box), CHROMIUM.

import { chromium } from "playwright-core";
import { appendFileSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const PRODUCT_PAGE = process.env.PRODUCT_PAGE || "data-sources/cisco/ironport-email.html";
const SEARCH_TERM = process.env.SEARCH_TERM || "ironport";
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const LAUNCH_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
// A page with fewer distinct colours than this is taken as blank.
const MIN_COLOURS = 8;
const RELOAD_TIMEOUT_MS = 30000;

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i += 2) args[argv[i].replace(/^--/, "")] = argv[i + 1];
  return args;
}

const args = parseArgs(process.argv.slice(2));
const results = { passed: 0, failed: 0 };

async function check(name, body) {
  try {
    await body();
    results.passed += 1;
    console.log(`ok - ${name}`);
  } catch (error) {
    results.failed += 1;
    console.log(`FAILED - ${name}: ${error && error.stack ? error.stack : error}`);
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

// Opens a page that records console errors, failed requests and uncaught exceptions.
async function openPage(context, url) {
  const page = await context.newPage();
  page.problems = [];
  page.on("console", (message) => {
    if (message.type() === "error") page.problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => page.problems.push(`exception: ${error.message}`));
  page.on("requestfailed", (request) => page.problems.push(`request failed: ${request.url()}`));
  await page.goto(url, { waitUntil: "load" });
  return page;
}

// Counts the distinct colours of a PNG by drawing it on a canvas in the browser.
async function distinctColours(context, png) {
  const page = await context.newPage();
  const count = await page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = image.width;
    canvas.height = image.height;
    const drawing = canvas.getContext("2d");
    drawing.drawImage(image, 0, 0);
    const pixels = drawing.getImageData(0, 0, image.width, image.height).data;
    const colours = new Set();
    for (let i = 0; i < pixels.length; i += 4) {
      colours.add((pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2]);
    }
    return colours.size;
  }, png.toString("base64"));
  await page.close();
  return count;
}

async function screenshotCheck(context, page, file) {
  const png = await page.screenshot({ fullPage: false });
  writeFileSync(file, png);
  const colours = await distinctColours(context, png);
  assert(colours >= MIN_COLOURS, `${file} looks blank: ${colours} distinct colours`);
}

// Wide tables scroll inside their own box; the page itself must not scroll sideways.
async function assertNoSideScroll(page) {
  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert(widths[0] <= widths[1], `the page is ${widths[0]} px wide in a ${widths[1]} px window`);
}

async function searchFindsProduct(page) {
  await page.fill("#search-input", "");
  await page.type("#search-input", SEARCH_TERM);
  const results = page.locator("#search-results a");
  await results.first().waitFor({ state: "visible", timeout: 5000 });
  const hrefs = await results.evaluateAll((links) => links.map((link) => link.href));
  const expected = hrefs.find((href) => href.split("#")[0].endsWith(PRODUCT_PAGE));
  assert(expected, `no result links to ${PRODUCT_PAGE}: ${hrefs.join(", ")}`);
  return expected;
}

// Runs the checks on a site at `base`, a URL ending in `/`.
async function checkSite(context, label, base) {
  const productUrl = new URL(PRODUCT_PAGE, base).href;
  const coverageUrl = new URL("attack-coverage.html", base).href;

  await check(`${label}: product page loads without errors`, async () => {
    const page = await openPage(context, productUrl);
    const title = (await page.textContent("h1")) || "";
    assert(title.trim().length > 0, "the product page has an empty h1");
    assert((await page.locator("table.heatmap").count()) === 1, "no heat map on the product page");
    await assertNoSideScroll(page);
    await screenshotCheck(context, page, join(args.shots, `${label}-product.png`));
    await page.screenshot({ fullPage: true, path: join(args.shots, `${label}-product-full.png`) });
    assert(page.problems.length === 0, page.problems.join("\n"));
    await page.close();
  });

  await check(`${label}: coverage page loads without errors`, async () => {
    const page = await openPage(context, coverageUrl);
    assert((await page.locator("table.heatmap").count()) === 1, "no heat map on the coverage page");
    await assertNoSideScroll(page);
    await screenshotCheck(context, page, join(args.shots, `${label}-coverage.png`));
    assert(page.problems.length === 0, page.problems.join("\n"));
    await page.close();
  });

  await check(`${label}: search from the coverage page leads to the product`, async () => {
    const page = await openPage(context, coverageUrl);
    const href = await searchFindsProduct(page);
    await page.focus("#search-input");
    await page.keyboard.press("ArrowDown");
    const focused = await page.evaluate(() => document.activeElement && document.activeElement.tagName);
    assert(focused === "A", `ArrowDown focused ${focused}, not the first result`);
    await page.goto(href, { waitUntil: "load" });
    assert(page.url().split("#")[0] === productUrl, `the result led to ${page.url()}`);
    assert(page.problems.length === 0, page.problems.join("\n"));
    await page.close();
  });

  await check(`${label}: search from a nested page links relative to it`, async () => {
    const page = await openPage(context, productUrl);
    const href = await searchFindsProduct(page);
    assert(href.split("#")[0] === productUrl, `the result points at ${href}`);
    await page.close();
  });

  await check(`${label}: theme toggle is remembered`, async () => {
    const page = await openPage(context, productUrl);
    const before = await page.evaluate(() => document.documentElement.getAttribute("data-theme"));
    await page.click("#theme-toggle");
    const after = await page.evaluate(() => document.documentElement.getAttribute("data-theme"));
    assert(after, "the toggle set no theme");
    assert(after !== before, `the toggle left the theme at ${after}`);
    await page.reload({ waitUntil: "load" });
    const reloaded = await page.evaluate(() => document.documentElement.getAttribute("data-theme"));
    assert(reloaded === after, `after a reload the theme is ${reloaded}, not ${after}`);
    await screenshotCheck(context, page, join(args.shots, `${label}-product-${after}.png`));
    assert(page.problems.length === 0, page.problems.join("\n"));
    await page.close();
  });
}

// Finds one product.yaml in the served content, to touch.
function findProductFile(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      const found = findProductFile(path);
      if (found) return found;
    } else if (name === "product.yaml") {
      return path;
    }
  }
  return null;
}

async function checkLiveReload(context, base) {
  await check("serve: page reloads after a content edit", async () => {
    const page = await openPage(context, new URL(PRODUCT_PAGE, base).href);
    await page.evaluate(() => {
      window.contentdocMarker = true;
    });
    const product = findProductFile(args["serve-content"]);
    assert(product, "no product.yaml in the served content");
    appendFileSync(product, "\n# touched by the browser test\n");
    await page.waitForFunction(() => window.contentdocMarker === undefined, null, { timeout: RELOAD_TIMEOUT_MS });
    assert(page.problems.length === 0, page.problems.join("\n"));
    await page.close();
  });
}

async function main() {
  mkdirSync(args.shots, { recursive: true });
  const context = await chromium.launchPersistentContext(args.profile, {
    executablePath: CHROMIUM,
    args: LAUNCH_ARGS,
    headless: true,
    viewport: { width: 1280, height: 800 },
  });
  try {
    if (args.site) {
      const base = pathToFileURL(args.site.endsWith("/") ? args.site : `${args.site}/`).href;
      await checkSite(context, "file", base);
    }
    if (args.serve) {
      await checkSite(context, "serve", args.serve);
      if (args["serve-content"]) await checkLiveReload(context, args.serve);
    }
  } finally {
    await context.close();
  }
}

main()
  .catch((error) => {
    results.failed += 1;
    console.log(`FAILED - browser run: ${error && error.stack ? error.stack : error}`);
  })
  .finally(() => {
    console.log(`${results.passed} passed, ${results.failed} failed`);
    process.exitCode = results.failed === 0 && results.passed > 0 ? 0 : 1;
  });
