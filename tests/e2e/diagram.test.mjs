// End-to-end: the Diagram view. A Hinge map drawn linear (its decision's three outcomes: forward,
// a loop on its own stage, an exit), downloaded as SVG, PNG, Markdown and Mermaid, and printed; a
// Scaleo map drawn circular by default with its closing arrow; Russian and Korean once each.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { test } from 'node:test';
import { OUT, openApp, saved, shot, useServedApp } from './harness.mjs';

const app = useServedApp();

async function newMap(page, template) {
  await page.locator(`button[data-template="${template}"]`).click();
  await page.locator('li.stage').first().waitFor();
  await page.getByTestId('diagram-tab').click();
  await page.getByTestId('diagram-page').waitFor();
  await page.locator('svg#journey-diagram').waitFor();
}

async function save(page, click) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = `${OUT}/${download.suggestedFilename()}`;
  await download.saveAs(path);
  return { path, name: download.suggestedFilename() };
}

/** Loads `bytes` in the page as an <img> and returns its natural size. */
async function imageSize(page, bytes, mime) {
  const url = `data:${mime};base64,${Buffer.from(bytes).toString('base64')}`;
  return page.evaluate(
    (src) =>
      new Promise((resolve, reject) => {
        const img = new Image();
        img.onload = () => resolve({ w: img.naturalWidth, h: img.naturalHeight });
        img.onerror = () => reject(new Error('the image did not load'));
        img.src = src;
      }),
    url,
  );
}

/** An SVG element's box (getBBox) as plain numbers. */
const box = (el) => {
  const { x, y, width, height } = el.getBBox();
  return { x, y, width, height };
};

/** The text of an element without its tooltip (<title>). */
const ownText = (locator) =>
  locator.evaluate((el) => [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join('').trim());

/** Pairs of elements among `locator` whose boxes overlap (as "a / b"). */
async function overlaps(locator) {
  return locator.evaluateAll((els) => {
    const boxes = els.map((e) => ({ t: e.textContent, r: e.getBoundingClientRect() }));
    const out = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i].r, boxes[j].r];
        if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
          out.push(`${boxes[i].t} / ${boxes[j].t}`);
      }
    return out;
  });
}

test('Hinge: the decision outcomes are drawn, the diagram downloads as SVG, PNG, Markdown and Mermaid, and prints', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await newMap(page, 'hinge');
  const svg = page.locator('svg#journey-diagram');

  // Not a circular map: linear first.
  assert.equal(await page.getByTestId('diagram-view-linear').isChecked(), true);
  assert.equal(await page.getByTestId('diagram-scroll').getAttribute('data-view'), 'linear');
  assert.equal(await svg.locator('.stage-box').count(), 4);

  // Hired → client experience: forward, above the stages.
  const hired = svg.locator('g.move[data-outcome="hired"]');
  assert.match(await hired.getAttribute('class'), /\bforward\b/);
  assert.equal(await hired.getAttribute('data-from'), 'pre_purchase');
  assert.equal(await hired.getAttribute('data-to'), 'client_experience');
  assert.equal((await hired.locator('.move-label').textContent()).trim(), 'Hired');
  const stageTop = await svg.locator('.stage-box[data-stage="pre_purchase"] rect').evaluate((r) => r.getBBox().y);
  const hiredBox = await hired.locator('path').evaluate(box);
  assert.ok(hiredBox.y < stageTop, `forward arc above the stages (${hiredBox.y} < ${stageTop})`);

  // Not now: a loop back into pre-purchase, below the stages, marked ↺.
  const notNow = svg.locator('g.move[data-outcome="not_now"]');
  assert.match(await notNow.getAttribute('class'), /\bbackward\b.*\bself\b/);
  assert.equal(await notNow.getAttribute('data-from'), 'pre_purchase');
  assert.equal(await notNow.getAttribute('data-to'), 'pre_purchase');
  assert.equal((await notNow.locator('.move-label').textContent()).trim(), '↺ Not now');
  const stageBottom = await svg
    .locator('.stage-box[data-stage="pre_purchase"] rect')
    .evaluate((r) => r.getBBox().y + r.getBBox().height);
  const loopBox = await notNow.locator('path').evaluate(box);
  assert.ok(loopBox.y + loopBox.height > stageBottom + 10, 'the loop runs below the stages');

  // No way: out of the journey, into an exit marker.
  const noWay = svg.locator('g.move[data-outcome="no_way"]');
  assert.match(await noWay.getAttribute('class'), /\bexit\b/);
  assert.equal(await noWay.getAttribute('data-to'), 'exit');
  assert.equal((await noWay.locator('.move-label').textContent()).trim(), 'No way → Exit');
  // Hinge's exits: no way, and the former client's good and bad experience.
  assert.equal(await svg.locator('.exit-marker').count(), 3);
  // Between engagements: returns (back to client experience) and drifts away (forward).
  assert.match(await svg.locator('g.move[data-outcome="returns"]').getAttribute('class'), /\bbackward\b/);
  assert.match(await svg.locator('g.move[data-outcome="drifts_away"]').getAttribute('class'), /\bforward\b/);
  // Cards of the visible lanes are drawn, their titles as text.
  const cards = await svg.locator('.card-box').count();
  assert.ok(cards > 4, `cards drawn: ${cards}`);
  assert.deepEqual(await overlaps(svg.locator('.move-label')), []);
  await shot(page, 'diagram-linear');

  // SVG: a file that opens as an image.
  const exports = page.locator('.diagram-exports');
  const svgFile = await save(page, () => exports.getByRole('button', { name: 'Download SVG' }).click());
  assert.match(svgFile.name, /-diagram\.svg$/);
  const svgText = await readFile(svgFile.path, 'utf8');
  assert.match(svgText, /<svg[^>]+xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.ok(svgText.includes('Hired') && svgText.includes('journey-chart'), 'the drawing and its styles');
  const svgImage = await imageSize(page, Buffer.from(svgText), 'image/svg+xml');
  assert.ok(svgImage.w > 0 && svgImage.h > 0, `SVG image ${JSON.stringify(svgImage)}`);

  // PNG: twice the drawing's size.
  const pngFile = await save(page, () => exports.getByRole('button', { name: 'Download PNG' }).click());
  const png = await readFile(pngFile.path);
  assert.deepEqual([...png.subarray(1, 4)], [0x50, 0x4e, 0x47]);
  const pngImage = await imageSize(page, png, 'image/png');
  const viewBoxWidth = Number((await svg.getAttribute('viewBox')).split(' ')[2]);
  assert.ok(pngImage.w > 0, `PNG image ${JSON.stringify(pngImage)}`);
  assert.equal(pngImage.w, Math.ceil(viewBoxWidth * 2));

  // Markdown: a section per stage with the decision's outcomes.
  const md = await readFile((await save(page, () => page.getByTestId('diagram-markdown').click())).path, 'utf8');
  for (const s of ['Pre-purchase experience', 'Client experience', 'Between-engagements experience', 'Former client'])
    assert.ok(md.includes(`. ${s}\n`), `Markdown section ${s}`);
  assert.equal((md.match(/^## /gm) ?? []).length, 4);
  assert.match(md, /^- Hired → Client experience$/m);
  assert.match(md, /^- No way → Exit$/m);

  // Mermaid: a journey with one section per stage and a task line per touchpoint.
  const mmFile = await save(page, () => page.getByTestId('diagram-mermaid').click());
  assert.match(mmFile.name, /\.mmd$/);
  const mm = await readFile(mmFile.path, 'utf8');
  assert.match(mm, /^journey\n  title /);
  assert.deepEqual(
    mm.match(/^ {2}section .+$/gm),
    ['  section Pre-purchase experience', '  section Client experience', '  section Between-engagements experience', '  section Former client'],
  );
  assert.ok(/^ {4}[^:]+: [1-5]$/m.test(mm), 'task lines with a score');

  // Page size: the printed page is the style sheet's named A3 page when A3 is chosen.
  await page.getByTestId('diagram-page-size').selectOption('a3');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.diagram-page').evaluate((e) => getComputedStyle(e).page), 'a3');
  await page.emulateMedia({ media: 'screen' });

  // Print: no app chrome, no controls, the drawing fits the page width.
  await page.emulateMedia({ media: 'print' });
  for (const chrome of ['.app-bar', '.view-tabs', '.toolbar', '.diagram-controls'])
    assert.equal(await page.locator(chrome).first().isVisible(), false, `${chrome} hidden in print`);
  assert.equal(await svg.isVisible(), true);
  const { svgWidth, pageWidth } = await page.evaluate(() => ({
    svgWidth: document.querySelector('svg#journey-diagram').getBoundingClientRect().width,
    pageWidth: document.querySelector('.diagram-page').getBoundingClientRect().width,
  }));
  assert.ok(Math.abs(svgWidth - pageWidth) < 2, `fits the width: ${svgWidth} vs ${pageWidth}`);
  await shot(page, 'diagram-print');
  await page.emulateMedia({ media: 'screen' });

  // The switch works from the keyboard: circular view of the same map.
  await page.getByTestId('diagram-view-linear').focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.getByTestId('diagram-view-circular').isChecked(), true);
  await svg.locator('.stage-node').first().waitFor();
  assert.equal(await svg.locator('.stage-node').count(), 4);
  assert.match(await svg.locator('g.move[data-outcome="not_now"]').getAttribute('class'), /\bself\b/);
  assert.equal(await svg.locator('g.move.closing').count(), 0, 'Hinge is not circular');
  await shot(page, 'diagram-circular-hinge');

  assert.deepEqual(errors, []);
  await context.close();
});

test('Scaleo: circular by default, seven stage names outside the circle, the closing arrow back to the start', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await newMap(page, 'scaleo');
  const svg = page.locator('svg#journey-diagram');
  assert.equal(await page.getByTestId('diagram-view-circular').isChecked(), true);
  assert.equal(await page.getByTestId('diagram-scroll').getAttribute('data-view'), 'circular');

  const names = svg.locator('.stage-node .stage-name');
  assert.equal(await names.count(), 7);
  const texts = await names.evaluateAll((els) => els.map((el) => [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join('').trim()));
  for (const s of ['Out of market', 'Trigger', 'Active evaluation', 'Purchase decision', 'Experience', 'Loyalty'])
    assert.ok(texts.some((t) => t.startsWith(s)), `stage name ${s} in ${texts}`);
  assert.deepEqual(await overlaps(names), []);
  // Every name lies outside the circle.
  const outside = await svg.evaluate((el) => {
    const orbit = el.querySelector('.orbit');
    const [cx, cy, r] = ['cx', 'cy', 'r'].map((a) => Number(orbit.getAttribute(a)));
    return [...el.querySelectorAll('.stage-node .stage-name')].map((t) => {
      const b = t.getBBox();
      // The point of the name's box nearest the centre.
      const nx = Math.min(Math.max(cx, b.x), b.x + b.width);
      const ny = Math.min(Math.max(cy, b.y), b.y + b.height);
      return Math.hypot(nx - cx, ny - cy) > r;
    });
  });
  assert.deepEqual(outside, Array(7).fill(true));

  // The closing arrow: loyalty back to the first stage, a move back (↺).
  const closing = svg.locator('g.move.closing');
  assert.equal(await closing.count(), 1);
  assert.equal(await closing.getAttribute('data-from'), 'loyalty');
  assert.equal(await closing.getAttribute('data-to'), 'out_of_market');
  assert.match(await closing.locator('title').textContent(), /^Loyalty → Out of market$/);
  assert.equal(await svg.locator('g.move.next').count(), 6);
  // The purchase decision: signed leads on, "chose another supplier" leaves to the centre ⊗.
  assert.match(await svg.locator('g.move[data-outcome="signed"]').getAttribute('class'), /\bforward\b/);
  assert.equal(await svg.locator('g.move[data-outcome="chose_rival"]').getAttribute('data-to'), 'exit');
  assert.equal(await svg.locator('.exit-marker.centre').count(), 1);
  await shot(page, 'diagram-circular');

  // Linear: the closing link is a backward arc below the stages.
  await page.getByTestId('diagram-view-linear').check();
  await svg.locator('.stage-box').first().waitFor();
  assert.equal(await svg.locator('.stage-box').count(), 7);
  assert.equal(await svg.locator('g.move.closing').getAttribute('data-to'), 'out_of_market');
  await shot(page, 'diagram-linear-scaleo');

  assert.deepEqual(errors, []);
  await context.close();
});

test('emotions and a spanning card from an imported map: a curve per persona with its scores as text', async () => {
  const a = await openApp(app.browser, app.server.url);
  await a.page.locator('button[data-template="hinge"]').click();
  await a.page.locator('li.stage').first().waitFor();
  await saved(a.page);
  const [download] = await Promise.all([
    a.page.waitForEvent('download'),
    a.page.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  const file = JSON.parse(await readFile(await download.path(), 'utf8'));
  await a.context.close();

  // Two personas: the CFO feels +2, −1, 0 in the first three stages; IT only −2 in the last.
  const map = file.map;
  map.name = 'Feelings: a test';
  map.personas = [
    { id: 'cfo', name: 'CFO', description: '' },
    { id: 'it', name: 'IT lead', description: '' },
  ];
  const stages = map.stages.map((s) => s.id);
  map.emotions = [
    { persona: 'cfo', stage: stages[0], score: 2 },
    { persona: 'cfo', stage: stages[1], score: -1 },
    { persona: 'cfo', stage: stages[2], score: 0 },
    { persona: 'it', stage: stages[3], score: -2 },
  ];
  // The first touchpoint covers the first two stages.
  const spanning = map.cards.find((c) => c.stage === stages[0] && c.lane === 'touchpoint');
  spanning.span = 2;
  const path = `${OUT}/diagram-emotions.journey.json`;
  await writeFile(path, JSON.stringify(file));

  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await page.getByTestId('import-input').setInputFiles(path);
  await page.getByTestId('notice').waitFor();
  await page.locator('.map-row', { hasText: 'Feelings' }).locator('.map-name').click();
  await page.locator('li.stage').first().waitFor();
  await page.getByTestId('diagram-tab').click();
  const svg = page.locator('svg#journey-diagram');
  await svg.waitFor();

  const cfo = svg.locator('.emotion-row[data-persona="cfo"]');
  assert.deepEqual(await cfo.locator('.emotion-point .score').allTextContents(), ['+2', '−1', '0']);
  assert.deepEqual(await svg.locator('.emotion-row[data-persona="it"] .emotion-point .score').allTextContents(), ['−2']);
  // Higher scores sit higher: +2 above 0 above −1, one point step apart.
  const ys = await cfo.locator('.emotion-point circle').evaluateAll((cs) => cs.map((c) => Number(c.getAttribute('cy'))));
  assert.ok(ys[0] < ys[2] && ys[2] < ys[1], `${ys}`);
  assert.equal(ys[1] - ys[2], (ys[2] - ys[0]) / 2);
  assert.equal((await cfo.locator('polyline').getAttribute('points')).split(' ').length, 3);

  // The spanning card is drawn across two columns.
  const card = svg.locator(`.card-box[data-card="${spanning.id}"]`);
  assert.equal(await card.getAttribute('data-columns'), '2');
  const [c0, c1] = await svg.locator('.stage-box rect').evaluateAll((rs) => rs.slice(0, 2).map((r) => r.getBBox().x));
  const width = await card.locator('rect').evaluate((r) => r.getBBox().width);
  assert.ok(width > (c1 - c0) * 1.5, `spans two columns: ${width} vs column ${c1 - c0}`);

  // Mermaid: the personas with a feeling are the actors, the feeling is the score.
  const mm = await readFile((await save(page, () => page.getByTestId('diagram-mermaid').click())).path, 'utf8');
  const firstSection = mm.split('  section ')[1];
  assert.match(firstSection, /: 5: CFO\n/);
  const lastSection = mm.split('  section ').at(-1);
  assert.match(lastSection, /: 1: IT lead\n/);
  await shot(page, 'diagram-emotions');
  assert.deepEqual(errors, []);
  await context.close();
});

test('Russian and Korean diagrams', async () => {
  for (const [locale, template, name] of [
    ['ru-RU', 'hinge', 'diagram-linear-ru'],
    ['ko-KR', 'scaleo', 'diagram-circular-ko'],
  ]) {
    const { context, page, errors } = await openApp(app.browser, app.server.url, { locale });
    await newMap(page, template);
    const svg = page.locator('svg#journey-diagram');
    if (template === 'hinge') {
      assert.equal((await svg.locator('g.move[data-outcome="not_now"] .move-label').textContent()).trim(), '↺ Не сейчас');
      assert.match(await svg.locator('g.move[data-outcome="no_way"] .move-label').textContent(), /Выход/);
      assert.deepEqual(await overlaps(svg.locator('.move-label')), []);
    } else {
      assert.deepEqual(await overlaps(svg.locator('.stage-node .stage-name')), []);
      assert.equal(await ownText(svg.locator('.stage-node .stage-name').first()), '시장 외');
    }
    await shot(page, name);
    assert.deepEqual(errors, []);
    await context.close();
  }
});
