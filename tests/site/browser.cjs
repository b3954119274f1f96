// Drives the system Chromium through the built site, as a workshop participant would:
// home page → a matrix cell → an impact-table article link → that article's history
// link → a search; checks keyboard focus, phone width, print and colour-free marks;
// runs axe-core on the home, pair, article and search pages; then crawls every local
// link, failing on a broken link or anchor and on any request leaving the folder.
// Run by tests/site_browser.rs:
//   node browser.cjs SITE_DIR CHROMIUM NODE_TOOLS OUT_DIR
// It prints one JSON object (what it saw) on stdout and exits 1 on the first failure.
"use strict";
const fs = require("fs");
const path = require("path");
const [siteDir, chromium, tools, outDir] = process.argv.slice(2);
const puppeteer = require(path.join(tools, "node_modules", "puppeteer-core"));
const AXE = path.join(tools, "node_modules", "axe-core", "axe.min.js");

const root = "file://" + path.resolve(siteDir) + "/";
const seen = {};
function fail(message) {
  console.error("FAILED: " + message);
  process.exit(1);
}
function check(cond, message) {
  if (!cond) fail(message);
}

// Every request a page makes must be for a file inside the site folder.
const outside = [];
async function open(browser) {
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on("request", (req) => {
    const url = req.url();
    if (url.startsWith(root)) {
      req.continue();
    } else {
      outside.push(url + " (from " + page.url() + ")");
      req.abort();
    }
  });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.errors = errors;
  return page;
}

async function axe(page, name) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length,
      first: v.nodes[0] && v.nodes[0].target.join(" "),
    }));
  });
  seen["axe_" + name] = result;
  const bad = result.filter((v) => v.impact === "serious" || v.impact === "critical");
  check(bad.length === 0, "axe on " + name + ": " + JSON.stringify(bad, null, 1));
}

async function shot(page, name, width, height) {
  await page.setViewport({ width, height });
  const file = path.join(outDir, name + ".png");
  await page.screenshot({ path: file });
  seen.screenshots = (seen.screenshots || []).concat(file);
}

async function text(page, selector) {
  return page.$eval(selector, (e) => e.textContent.trim());
}

async function noOverflow(page, name) {
  await page.setViewport({ width: 390, height: 844 });
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(wide <= 0, name + " is " + wide + "px wider than a phone screen");
}

async function walk(browser) {
  const page = await open(browser);
  await page.setViewport({ width: 1200, height: 900 });

  // Home.
  await page.goto(root + "index.html");
  check((await text(page, "h1")) === "Drafts and comparisons", "home heading");
  seen.versions = await page.$$eval("table.versions-list tbody tr", (rows) => rows.map((r) => r.cells[0].textContent + " | " + r.cells[1].textContent));
  check(seen.versions.length === 6, "six versions on the home page: " + seen.versions);
  seen.matrix_links = await page.$$eval("table.matrix a", (a) => a.length);
  check(seen.matrix_links === 15, "fifteen comparisons in the matrix, got " + seen.matrix_links);
  await shot(page, "home", 1200, 900);
  // The keyboard: the first Tab reaches the skip link, and focus is visible.
  await page.keyboard.press("Tab");
  const focus = await page.evaluate(() => {
    const e = document.activeElement;
    const s = getComputedStyle(e);
    return { text: e.textContent, outline: s.outlineStyle, width: s.outlineWidth, left: e.getBoundingClientRect().left };
  });
  seen.first_tab = focus;
  check(focus.text === "Skip to content" && focus.outline !== "none" && focus.left >= 0, "visible skip link on Tab: " + JSON.stringify(focus));
  await axe(page, "home");
  await noOverflow(page, "the home page");
  await shot(page, "home-phone", 390, 844);
  await page.setViewport({ width: 1200, height: 900 });

  // A matrix cell: 1.0 → 3.0.
  await Promise.all([page.waitForNavigation(), page.click('table.matrix a[href="pair/1.0..3.0.html"]')]);
  check(page.url() === root + "pair/1.0..3.0.html", "pair URL: " + page.url());
  seen.pair_heading = await text(page, "h1");
  check(seen.pair_heading === "Redline: 1.0 → 3.0", "pair heading: " + seen.pair_heading);
  seen.impact_rows = await page.$$eval("table.impact tbody tr", (r) => r.length);
  check(seen.impact_rows >= 9, "an impact row per chapter: " + seen.impact_rows);
  // Deletions struck, insertions underlined: never colour alone, on screen and in print.
  const marks = async () => page.evaluate(() => ({
    del: getComputedStyle(document.querySelector("del")).textDecorationLine,
    ins: getComputedStyle(document.querySelector("ins")).textDecorationLine,
    nav: getComputedStyle(document.querySelector("nav.site")).display,
  }));
  const screen = await marks();
  check(screen.del.includes("line-through") && screen.ins.includes("underline"), "marks on screen: " + JSON.stringify(screen));
  await page.emulateMediaType("print");
  const print = await marks();
  check(print.del.includes("line-through") && print.ins.includes("underline") && print.nav === "none", "marks in print: " + JSON.stringify(print));
  await page.emulateMediaType("screen");
  // The filter form (script) narrows by severity.
  await page.select("form.filters select[name=severity]", "editorial");
  const shown = await page.$$eval("article.change", (as) => as.filter((a) => !a.closest("[hidden]")).map((a) => a.dataset.severity));
  check(shown.length > 0 && shown.every((s) => s === "editorial"), "severity filter: " + shown.slice(0, 5));
  await page.select("form.filters select[name=severity]", "");
  await axe(page, "pair");

  // The impact table's link to article 26 (1.0 article 20, renumbered and reworded).
  await page.click('table.impact td.articles a[href="#a-26"]');
  await page.waitForFunction(() => window.location.hash === "#a-26");
  seen.target_heading = await page.$eval(":target h3", (e) => e.textContent);
  check(seen.target_heading.startsWith("Article 20 → 26"), "the impact link shows the change: " + seen.target_heading);
  await shot(page, "pair", 1200, 900);

  // Its history link.
  await Promise.all([page.waitForNavigation(), page.click(":target p.history a")]);
  check(page.url() === root + "article/3.0/26.html", "article URL: " + page.url());
  seen.article_heading = await text(page, "h1");
  check(seen.article_heading === "Article 26 — Freedom of opinion and expression", "article heading: " + seen.article_heading);
  seen.article_versions = await page.$$eval("#versions tbody th", (t) => t.map((e) => e.textContent));
  check(seen.article_versions.includes("1.0") && seen.article_versions.includes("3.0"), "versions of article 26: " + seen.article_versions);
  seen.article_steps = await page.$$eval("section.step h3", (h) => h.map((e) => e.textContent));
  check(seen.article_steps.includes("1.0 → 3.0"), "steps: " + seen.article_steps);
  const rationale = await page.$$eval("#step-1\\.0\\.\\.3\\.0 .annotation", (a) => a.map((e) => e.textContent));
  check(rationale.some((r) => r.startsWith("democracy:")), "the rationale of 1.0 → 3.0: " + rationale);
  await axe(page, "article");
  await shot(page, "article", 1200, 900);
  await noOverflow(page, "the article page");

  // A search from the home page's form.
  await page.setViewport({ width: 1200, height: 900 });
  await page.goto(root + "index.html");
  await page.type("form.search input[name=q]", "journalists");
  await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
  check(page.url().startsWith(root + "search.html?q=journalists"), "search URL: " + page.url());
  await page.waitForSelector("#results li");
  seen.search_count = await text(page, "#count");
  seen.search_results = await page.$$eval("#results li a", (a) => a.map((e) => e.textContent + " → " + e.getAttribute("href")));
  check(seen.search_results.some((r) => r.startsWith("3.0 · Article 26 — Freedom of opinion and expression → article/3.0/26.html")), "search finds article 26: " + seen.search_results);
  const marked = await page.$$eval("#results mark", (m) => m.map((e) => e.textContent.toLowerCase()));
  check(marked.length > 0 && marked.every((m) => m === "journalists"), "matches marked: " + marked);
  // Filters alone, no words: the environment theme among articles of 3.0.
  await page.$eval("input[name=q]", (e) => { e.value = ""; });
  await page.select("select[name=v]", "5");
  await page.select("select[name=th]", "environment");
  await page.evaluate(() => new Promise((r) => setTimeout(r, 400)));
  seen.filtered = await page.$$eval("#results li", (li) => li.map((e) => e.querySelector("a").textContent + " | " + e.querySelector(".meta").textContent));
  check(seen.filtered.length > 0 && seen.filtered.every((r) => r.startsWith("3.0 · ") && r.includes("environment")), "filtered: " + seen.filtered);
  await axe(page, "search");
  check(page.errors.length === 0, "script errors: " + page.errors);
  await page.close();
}

// Every link of every page reachable from the home page, and every search result.
async function crawl(browser) {
  const page = await open(browser);
  const queue = ["index.html"];
  const visited = new Set(queue);
  const ids = {};
  const wanted = []; // [from, file, fragment]
  const broken = [];
  function want(from, href) {
    const url = new URL(href, root + from);
    if (url.protocol !== "file:" || !url.href.startsWith(root)) {
      broken.push(from + " links outside the site: " + href);
      return;
    }
    const file = decodeURIComponent(url.pathname).slice(decodeURIComponent(new URL(root).pathname).length);
    if (!fs.existsSync(path.join(siteDir, file))) {
      broken.push(from + " → missing " + file);
      return;
    }
    if (url.hash.length > 1) wanted.push([from, file, decodeURIComponent(url.hash.slice(1))]);
    if (file.endsWith(".html") && !visited.has(file)) {
      visited.add(file);
      queue.push(file);
    }
  }
  while (queue.length) {
    const file = queue.shift();
    await page.goto(root + file);
    const found = await page.evaluate(() => ({
      ids: Array.from(document.querySelectorAll("[id]"), (e) => e.id),
      links: Array.from(document.querySelectorAll("a[href], [src], link[href]"), (e) => e.getAttribute("href") || e.getAttribute("src")),
    }));
    ids[file] = new Set(found.ids);
    found.links.forEach((href) => want(file, href));
  }
  // The search results' links, from the index the browser reads.
  const script = fs.readFileSync(path.join(siteDir, "search-index.js"), "utf8");
  const sandbox = { window: {} };
  new Function("window", script)(sandbox.window);
  const records = sandbox.window.DRAFTDIFF_SEARCH.records;
  records.forEach((r) => want("search-index.js", r.u));
  for (const [from, file, fragment] of wanted) {
    if (!ids[file]) {
      await page.goto(root + file);
      ids[file] = new Set(await page.evaluate(() => Array.from(document.querySelectorAll("[id]"), (e) => e.id)));
    }
    if (!ids[file].has(fragment)) broken.push(from + " → " + file + "#" + fragment + ": no such anchor");
  }
  seen.crawled_pages = visited.size;
  seen.checked_links = wanted.length;
  seen.search_records = records.length;
  seen.broken = broken.slice(0, 20);
  check(broken.length === 0, broken.length + " broken links:\n" + broken.slice(0, 20).join("\n"));
  check(page.errors.length === 0, "script errors: " + page.errors);
  await page.close();
}

(async () => {
  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    userDataDir: path.join(outDir, "profile"),
  });
  try {
    await walk(browser);
    await crawl(browser);
    seen.outside = outside;
    check(outside.length === 0, "requests leaving the folder: " + outside.slice(0, 10));
  } finally {
    await browser.close();
  }
  console.log(JSON.stringify(seen, null, 1));
})().catch((e) => fail(e && e.stack ? e.stack : String(e)));
