// Browser benchmark of the canvas (issue 3, point 7): how long the editor takes to show a change in
// a large map, measured in the release build in headless Chromium.
//
//   node scripts/bench-canvas.mjs [--stages 50] [--cards 2000] [--runs 30]
//
// The map (N stages × 7 lanes, the cards spread over the cells) is put in localStorage before the
// app starts, then the map is opened and timed, in the page (performance.now):
//   open      — from navigation to the cards of the first columns drawn (columns far outside the
//               view are drawn as headings only, see the README)
//   frame     — the wait for the next frame with nothing changed (the floor under every figure)
//   keystroke — one character typed into the title of a card's edit form, until the next frame
//   save      — Enter in that form (an UpdateCard edit of the whole map) until the new title is
//               drawn and the next frame has started
//   move      — Alt+→ on a focused card (a MoveCard edit) until it is drawn in the next stage
//   emotion   — picking an emotion score (a SetEmotion edit) until its dot is drawn
// Printed as median, p90 and max in ms over the runs, with the DOM nodes each action added and
// removed (median); nothing is asserted (see the README).
//
//   --dist DIR       the build to measure (default dist/)
//   --css TEXT       extra style rules added before the timed edits
//   --metrics 1      also print Chrome's script, style and layout time per keystroke
//   --profile FILE   also record a CPU profile of the timed edits (Chrome's .cpuprofile) and print
//                    the functions with the most self time. For wasm function names, measure a
//                    build made with KEEP_NAMES=1 (scripts/post-build.mjs keeps the name section).
import { writeFileSync } from 'node:fs';
import { launch, serve } from '../tests/e2e/harness.mjs';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => {
    if (!a.startsWith('--')) return acc;
    const v = all[i + 1];
    return [...acc, [a.slice(2), /^\d+$/.test(v) ? Number(v) : v]];
  }, []),
);
const STAGES = args.stages ?? 50;
const CARDS = args.cards ?? 2000;
const RUNS = args.runs ?? 30;
const LANES = ['touchpoint', 'buying_role', 'pain_point', 'opportunity', 'question', 'research_source', 'note'];

function bigMap() {
  const now = '2026-12-01T00:00:00Z';
  const stages = Array.from({ length: STAGES }, (_, i) => ({ id: `s${i}`, name: `Stage ${i + 1}`, description: '' }));
  const cards = Array.from({ length: CARDS }, (_, i) => {
    const lane = LANES[i % LANES.length];
    const card = {
      id: `c${i}`,
      stage: `s${Math.floor(i / LANES.length) % STAGES}`,
      lane,
      title: `Card ${i} — ${lane.replace('_', ' ')}`,
      detail: i % 3 === 0 ? 'Some detail about what happens here.' : '',
    };
    if (lane === 'touchpoint') card.touchpoint = { channel: 'email', presence: 'online', content: '' };
    if (i % 97 === 0) card.span = 3;
    return card;
  });
  const lanes = LANES.map((id) => ({ id, name: id, kind: id, hidden: false }));
  const personas = [{ id: 'p1', name: 'Decision maker' }, { id: 'p2', name: 'User' }];
  return {
    id: 'bench', name: `Bench ${STAGES} × ${CARDS}`, source_model: 'blank', created: now, updated: now,
    stages, lanes, cards, personas, departments: [],
  };
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * (s.length - 1)))];
  return { median: q(0.5), p90: q(0.9), max: s.at(-1), n: s.length };
};
const fmt = (name, xs) => {
  const { median, p90, max, n } = stats(xs);
  return `${name.padEnd(10)} median ${median.toFixed(1).padStart(7)} ms   p90 ${p90.toFixed(1).padStart(7)} ms   max ${max.toFixed(1).padStart(7)} ms   (n = ${n})`;
};

const server = await serve(args.dist ?? 'dist');
const browser = await launch();
const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
const envelope = JSON.stringify({ schema: 1, rev: 1, writer: 'bench', saved_at: '2026-12-01T00:00:00Z', map: bigMap() });
await context.addInitScript((value) => {
  if (!localStorage.getItem('journey-mapper:map:bench')) localStorage.setItem('journey-mapper:map:bench', value);
}, envelope);
const page = await context.newPage();
const errors = [];
page.on('pageerror', (e) => errors.push(String(e)));

const opens = [];
for (let i = 0; i < 3; i++) {
  const t0 = Date.now();
  await page.goto(`${server.url}?map=bench`);
  // Card c76 is in the 11th stage: the columns in view and the buffer after them are drawn.
  await page.locator('[data-card-id="c76"]').waitFor({ timeout: 120_000 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
  opens.push(Date.now() - t0);
}

// Time from an action done inside the page to the first frame after `done()` holds. Each action
// also counts the DOM nodes added and removed while it ran (a MutationObserver), so a change in
// how much of the page an edit redraws shows up as a number.
const churn = { frame: [], keystroke: [], save: [], move: [], emotion: [] };
// --css TEXT: extra style rules added to the page before the timed edits (to try a change to the
// stylesheet without a build).
if (args.css) {
  await page.addStyleTag({ content: String(args.css) });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
}
await page.evaluate(() => {
  window.__churn = 0;
  new MutationObserver((list) => {
    for (const m of list) window.__churn += m.addedNodes.length + m.removedNodes.length;
  }).observe(document.body, { childList: true, subtree: true });
});
const timedAs = async (name, fn, arg) => {
  await page.evaluate(() => { window.__churn = 0; });
  const ms = await page.evaluate(fn, arg);
  // Mutation records are delivered after the action's task; wait a frame for the last ones.
  churn[name].push(await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(() => r(window.__churn), 0)))));
  return ms;
};
const nextFrame = 'new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))';

const frame = [];
const keystroke = [];
const save = [];
const move = [];
const emotion = [];
const drawnCards = await page.locator('.card').count();
const cdp = args.profile ? await context.newCDPSession(page) : null;
if (cdp) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
}
for (let run = 0; run < RUNS; run++) {
  // A card among those drawn now (focus scrolls the canvas, which changes the columns drawn).
  const id = await page.evaluate((run) => {
    const cards = [...document.querySelectorAll('.card:not(.bar)')];
    return cards[(run * 13) % cards.length].dataset.cardId;
  }, run);
  // Open the card's form (Enter on the card), then type one character and save.
  await page.locator(`[data-card-id="${id}"]`).focus();
  await page.keyboard.press('Enter');
  const input = page.locator('.card.editing input[id^="title-"]');
  await input.waitFor();
  // The same wait with nothing changed: what a frame of this page costs by itself.
  frame.push(await timedAs('frame', async (nf) => {
    const t0 = performance.now();
    await eval(nf);
    return performance.now() - t0;
  }, nextFrame));
  keystroke.push(await timedAs('keystroke', async (nf) => {
    const el = document.querySelector('.card.editing input[id^="title-"]');
    const t0 = performance.now();
    el.value += 'x';
    el.dispatchEvent(new InputEvent('input', { bubbles: true, data: 'x', inputType: 'insertText' }));
    await eval(nf);
    return performance.now() - t0;
  }, nextFrame));
  save.push(await timedAs('save', async ({ nf, id }) => {
    const el = document.querySelector('.card.editing input[id^="title-"]');
    const want = el.value;
    const t0 = performance.now();
    el.form.requestSubmit();
    while (document.querySelector(`[data-card-id="${id}"] .card-title`)?.textContent !== want) {
      await new Promise((r) => setTimeout(r, 0));
    }
    await eval(nf);
    return performance.now() - t0;
  }, { nf: nextFrame, id }));
  // Alt+→ on the card: moved to the next stage.
  await page.locator(`[data-card-id="${id}"]`).focus();
  move.push(await timedAs('move', async ({ nf, id }) => {
    const el = document.querySelector(`[data-card-id="${id}"]`);
    const from = el.closest('.cell').dataset.cellStage;
    const last = !el.closest('li.stage').nextElementSibling;
    const t0 = performance.now();
    el.dispatchEvent(new KeyboardEvent('keydown', { key: last ? 'ArrowLeft' : 'ArrowRight', altKey: true, bubbles: true }));
    while (document.querySelector(`[data-card-id="${id}"]`)?.closest('.cell')?.dataset.cellStage === from) {
      await new Promise((r) => setTimeout(r, 0));
    }
    await eval(nf);
    return performance.now() - t0;
  }, { nf: nextFrame, id }));
  emotion.push(await timedAs('emotion', async ({ nf, run }) => {
    const selects = document.querySelectorAll('.emotion-pick');
    const el = selects[(run * 7) % selects.length];
    const score = el.value === '2' ? -2 : el.value === '' ? (run % 5) - 2 : Number(el.value) + 1;
    const want = score > 0 ? `+${score}` : score < 0 ? `−${-score}` : '0';
    const t0 = performance.now();
    el.value = String(score);
    el.dispatchEvent(new Event('change', { bubbles: true }));
    while (el.closest('.emotion-cell')?.querySelector('.dot')?.textContent !== want) {
      await new Promise((r) => setTimeout(r, 0));
    }
    await eval(nf);
    return performance.now() - t0;
  }, { nf: nextFrame, run }));
}

// --metrics: where the keystrokes' time went (Chrome's counters over 20 more keystrokes).
if (args.metrics) {
  const m = await context.newCDPSession(page);
  await m.send('Performance.enable');
  const read = async () => Object.fromEntries((await m.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value]));
  const id = await page.evaluate(() => document.querySelector('.card:not(.bar)').dataset.cardId);
  await page.locator(`[data-card-id="${id}"]`).focus();
  await page.keyboard.press('Enter');
  await page.locator('.card.editing input[id^="title-"]').waitFor();
  const before = await read();
  for (let i = 0; i < 20; i++) {
    await page.evaluate(async (nf) => {
      const el = document.querySelector('.card.editing input[id^="title-"]');
      el.value += 'y';
      el.dispatchEvent(new InputEvent('input', { bubbles: true, data: 'y', inputType: 'insertText' }));
      await eval(nf);
    }, nextFrame);
  }
  const after = await read();
  const per = (k) => ((after[k] - before[k]) * 1000 / 20).toFixed(2);
  console.log(`per keystroke (ms): script ${per('ScriptDuration')}, style ${per('RecalcStyleDuration')}, layout ${per('LayoutDuration')}, task ${per('TaskDuration')}; style recalcs ${(after.RecalcStyleCount - before.RecalcStyleCount) / 20}, layouts ${(after.LayoutCount - before.LayoutCount) / 20}`);
}

if (cdp) {
  const { profile } = await cdp.send('Profiler.stop');
  writeFileSync(args.profile, JSON.stringify(profile));
  // Self time per function: samples × the mean interval.
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dt = (profile.endTime - profile.startTime) / 1000 / profile.samples.length;
  for (const id of profile.samples) {
    const f = byId.get(id).callFrame;
    const name = f.functionName || `(${f.url.split('/').pop() || 'program'})`;
    self.set(name, (self.get(name) ?? 0) + dt);
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`CPU profile of the timed edits: ${args.profile} (${total.toFixed(0)} ms sampled); most self time:`);
  for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`  ${ms.toFixed(1).padStart(8)} ms  ${(100 * ms / total).toFixed(1).padStart(5)} %  ${name.slice(0, 140)}`);
  }
}
console.log(`Canvas benchmark: ${STAGES} stages × ${CARDS} cards (${LANES.length} lanes), release build, Chromium headless`);
console.log(`cards drawn at open: ${drawnCards} of ${CARDS} (columns in view + buffer)`);
console.log(fmt('open', opens));
console.log(fmt('frame', frame));
console.log(fmt('keystroke', keystroke));
console.log(fmt('save', save));
console.log(fmt('move', move));
console.log(fmt('emotion', emotion));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`DOM nodes added + removed per action (median): ${Object.entries(churn).map(([k, v]) => `${k} ${median(v)}`).join(', ')}`);
if (errors.length) console.log('page errors:', errors);
await browser.close();
server.stop();
