#!/usr/bin/env node
// Opens a coach's review link in Debian's headless Chromium and decides the attempt the way a
// person would: finds each rubric criterion by its legend, clicks the level by its label, types
// the feedback into the labelled text areas and presses the submit button by its name.
//
// Usage: node review-page.mjs '<choices JSON>'   (or the JSON on standard input)
//   {
//     "url": "http://127.0.0.1:PORT/review/TOKEN",
//     "levels": {"<criterion as shown>": "<level name as shown>", ...},
//     "criterionFeedback": {"<criterion>": "text", ...},      optional
//     "feedback": "overall feedback",                          optional
//     "outcome": "Award mastery",                              the submit button's name
//     "refusedFirst": {"levels": {"<criterion>": "<level>"}},  optional: submit these levels first,
//                                                              expect the page to refuse them and
//                                                              keep every choice, then correct them
//     "reopen": true,                                          open the link again afterwards
//     "artifactsDir": "target/browser"                         screenshots go here
//   }
// Prints one JSON object on stdout; on any failure prints the reason on stderr, saves
// failure.png in artifactsDir when a page was open, and exits 1 (2 for bad arguments).
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.MICROCRED_CHROMIUM || '/usr/bin/chromium';
// Without the background-networking switches Chromium keeps dialling Google services, which a
// closed network refuses, and page loads stall behind them.
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage'];
const STEP_TIMEOUT_MS = 15_000;
const WHOLE_RUN_MS = Number(process.env.MICROCRED_BROWSER_TIMEOUT_MS || 90_000);

class Failure extends Error {}

function readChoices() {
  const text = process.argv[2] ?? readFileSync(0, 'utf8');
  let choices;
  try {
    choices = JSON.parse(text);
  } catch (e) {
    usage(`the choices are not JSON: ${e.message}`);
  }
  if (typeof choices.url !== 'string' || !/^https?:\/\//.test(choices.url)) usage('"url" must be an http(s) URL');
  if (!choices.levels || typeof choices.levels !== 'object' || Object.keys(choices.levels).length === 0) {
    usage('"levels" must map every rubric criterion to a level name');
  }
  if (typeof choices.outcome !== 'string' || choices.outcome === '') usage('"outcome" must name a submit button');
  if (choices.refusedFirst !== undefined && !Object.keys(choices.refusedFirst?.levels ?? {})
    .every(criterion => criterion in choices.levels)) {
    usage('"refusedFirst.levels" must override criteria named in "levels"');
  }
  return choices;
}

function usage(reason) {
  process.stderr.write(`review-page: ${reason}\nUsage: node review-page.mjs '{"url":..., "levels":{...}, "outcome":"Award mastery"}'\n`);
  process.exit(2);
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every visible form control must have a label a screen reader announces, and radios a legend. */
async function checkLabels(page) {
  const problems = await page.locator('form').evaluateAll(forms => {
    const found = [];
    for (const form of forms) {
      for (const control of form.querySelectorAll('input:not([type=hidden]), textarea, select')) {
        const labelled = (control.labels && [...control.labels].some(l => l.textContent.trim() !== ''))
          || control.getAttribute('aria-label') || control.getAttribute('aria-labelledby');
        const what = `${control.tagName.toLowerCase()}[name=${control.getAttribute('name')}]`;
        if (!labelled) found.push(`${what} has no label`);
        if (control.type === 'radio') {
          const legend = control.closest('fieldset')?.querySelector('legend');
          if (!legend || legend.textContent.trim() === '') found.push(`${what} is not in a fieldset with a legend`);
        }
      }
      for (const button of form.querySelectorAll('button, input[type=submit]')) {
        if ((button.textContent || button.value || '').trim() === '') found.push('a submit button has no name');
      }
    }
    return found;
  });
  const radios = await page.getByRole('radio').count();
  if (radios === 0) problems.push('the page has no radio buttons for the rubric levels');
  if (problems.length > 0) throw new Failure(`the review form is not fully labelled: ${problems.join('; ')}`);
  return radios;
}

async function heading(page) {
  const h1 = page.getByRole('heading', { level: 1 });
  return (await h1.count()) > 0 ? (await h1.first().innerText()).trim() : '';
}

async function decide(page, choices, artifactsDir, timings) {
  let mark = Date.now();
  const lap = name => { const now = Date.now(); timings[name] = now - mark; mark = now; };
  const opened = await page.goto(choices.url, { waitUntil: 'load' });
  const status = opened?.status();
  if (status !== 200) {
    const text = (await page.locator('body').innerText()).replace(/\s+/g, ' ').slice(0, 300);
    throw new Failure(`opening the review link answered ${status}: ${text}`);
  }
  const title = await heading(page);
  const radios = await checkLabels(page);
  lap('open');
  const output = { title, radios };

  if (choices.refusedFirst) {
    // A first try the server must refuse: the page comes back with the reasons and the coach's
    // choices and feedback still in place, so only the corrected levels need changing.
    const first = { ...choices.levels, ...choices.refusedFirst.levels };
    await chooseLevels(page, first);
    await typeFeedback(page, choices);
    const answer = await submit(page, choices);
    const alert = page.getByRole('alert');
    if ((await alert.count()) === 0) throw new Failure(`the first try was not refused (${answer.status()})`);
    await page.screenshot({ path: join(artifactsDir, 'review-refused.png'), fullPage: true });
    output.refused = {
      ...(await pageState(page)), status: answer.status(),
      alert: (await alert.innerText()).replace(/\s+/g, ' ').trim(),
      kept: await keptChoices(page, first, choices),
    };
    await checkLabels(page);
    await chooseLevels(page, Object.fromEntries(Object.keys(choices.refusedFirst.levels)
      .map(criterion => [criterion, choices.levels[criterion]])));
    lap('refused');
  } else {
    await chooseLevels(page, choices.levels);
    await typeFeedback(page, choices);
  }
  lap('fill');
  await page.screenshot({ path: join(artifactsDir, 'review-form.png'), fullPage: true });
  lap('screenshot');

  const answer = await submit(page, choices);
  lap('submit');
  const result = await pageState(page);
  await page.screenshot({ path: join(artifactsDir, 'review-decided.png'), fullPage: true });
  const alert = page.getByRole('alert');
  if ((await alert.count()) > 0) {
    throw new Failure(`the decision was refused (${answer.status()}): ${(await alert.innerText()).replace(/\s+/g, ' ')}`);
  }
  output.submitted = { ...result, status: answer.status() };

  if (choices.reopen) {
    const again = await page.goto(choices.url, { waitUntil: 'load' });
    output.reopened = { ...(await pageState(page)), status: again?.status() };
    lap('reopen');
    await page.screenshot({ path: join(artifactsDir, 'review-reopened.png'), fullPage: true });
  }
  output.timingsMs = timings;
  return output;
}

function criterionGroup(page, criterion) {
  return page.getByRole('group', { name: criterion, exact: true });
}

// The label reads "<level>[ (passing)]: <description>": match the level's name at the start.
function levelRadio(group, level) {
  return group.getByLabel(new RegExp(`^\\s*${escapeRegExp(level)}(\\s*\\(passing\\))?:`));
}

/** Clicks the level of each criterion by its label, as a person would. */
async function chooseLevels(page, levels) {
  for (const [criterion, level] of Object.entries(levels)) {
    const group = criterionGroup(page, criterion);
    if ((await group.count()) !== 1) throw new Failure(`no rubric criterion named "${criterion}" on the page`);
    const radio = levelRadio(group, level);
    if ((await radio.count()) !== 1) throw new Failure(`criterion "${criterion}" has no level "${level}"`);
    await radio.click();
    if (!(await radio.isChecked())) throw new Failure(`clicking "${level}" for "${criterion}" did not select it`);
  }
}

async function typeFeedback(page, choices) {
  for (const [criterion, text] of Object.entries(choices.criterionFeedback ?? {})) {
    await type(criterionGroup(page, criterion).getByLabel(`Feedback on ${criterion}`, { exact: true }), text);
  }
  if (choices.feedback) {
    await type(page.getByLabel(/^Overall feedback/), choices.feedback);
  }
}

/** Whether the refused form still shows every chosen level and every typed text. */
async function keptChoices(page, levels, choices) {
  for (const [criterion, level] of Object.entries(levels)) {
    if (!(await levelRadio(criterionGroup(page, criterion), level).isChecked())) return false;
  }
  for (const [criterion, text] of Object.entries(choices.criterionFeedback ?? {})) {
    const field = criterionGroup(page, criterion).getByLabel(`Feedback on ${criterion}`, { exact: true });
    if ((await field.inputValue()) !== text) return false;
  }
  return !choices.feedback || (await page.getByLabel(/^Overall feedback/).inputValue()) === choices.feedback;
}

/** Presses the outcome button by its name and waits for the page the POST answers with. */
async function submit(page, choices) {
  const button = page.getByRole('button', { name: choices.outcome, exact: true });
  if ((await button.count()) !== 1) throw new Failure(`no "${choices.outcome}" button on the page`);
  const [answer] = await Promise.all([
    page.waitForResponse(response => response.request().method() === 'POST' && response.url() === choices.url),
    button.click(),
  ]);
  await page.waitForLoadState('load');
  return answer;
}

/** Types like a person: focus the field by clicking it, then key the text in. */
async function type(field, text) {
  if ((await field.count()) !== 1) throw new Failure(`expected one text area for ${field}`);
  await field.click();
  await field.pressSequentially(text);
  if ((await field.inputValue()) !== text) throw new Failure(`typing into ${field} did not keep the text`);
}

async function pageState(page) {
  return {
    url: page.url(),
    heading: await heading(page),
    text: (await page.locator('main').innerText()).trim(),
    forms: await page.locator('form').count(),
    radios: await page.getByRole('radio').count(),
  };
}

async function main() {
  const choices = readChoices();
  const artifactsDir = resolve(choices.artifactsDir || 'target/browser');
  mkdirSync(artifactsDir, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'microcred-chromium-'));
  let context;
  let page;
  const watchdog = setTimeout(() => {
    process.stderr.write(`review-page: gave up after ${WHOLE_RUN_MS} ms\n`);
    process.exit(1);
  }, WHOLE_RUN_MS);
  const timings = {};
  const started = Date.now();
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM, headless: true, args: ARGS, timeout: 30_000,
    });
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    page = context.pages()[0] ?? await context.newPage();
    timings.launch = Date.now() - started;
    const output = await decide(page, choices, artifactsDir, timings);
    process.stdout.write(`${JSON.stringify(output)}\n`);
    process.exitCode = 0;
  } catch (error) {
    const reason = error instanceof Failure ? error.message : (error.stack || String(error));
    process.stderr.write(`review-page: ${reason}\n`);
    if (page) {
      const shot = join(artifactsDir, 'failure.png');
      try {
        await page.screenshot({ path: shot, fullPage: true, timeout: 5_000 });
        process.stderr.write(`review-page: screenshot of the page at ${shot} (url ${page.url()})\n`);
      } catch {
        // The page may be gone with the browser; the reason above is what matters.
      }
    }
    process.exitCode = 1;
  } finally {
    clearTimeout(watchdog);
    await context?.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  }
}

await main();
