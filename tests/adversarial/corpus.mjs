// The adversarial corpus: inputs a user, a broken export or an attacker can give the app, each
// with what must happen. `tests/e2e/adversarial.test.mjs` runs every case through the release
// build in Chromium (the UI's Import, the rules editor, a shared link, engine.js) and checks that
// each gets a clear message or a correct result quickly, that nothing stored changes, and that
// the page keeps working after it.
//
// Inputs are made by code rather than kept as files: most are large or deeply nested, and a
// generator says what the input is better than 4 MB of brackets would.
//
// Kinds:
//   rules  { text, ok | error: RegExp (checkRules' message), ui: bool (also through the editor) }
//   map    { file: (good) => string | Buffer, imported: true | error: RegExp (the notice) }
//   share  { json: (good) => string | null, payload?: (good) => string, opens: true | error: RegExp }
//   csv    { bytes: () => string | Buffer, options?, check: 'ok' | RegExp (thrown message),
//            expect?: (result) => void }
//   engine { call: 'checkRules' | 'classifyCsv' | 'sampleCsv' | 'templateMap', args, error: RegExp }

import { deflateRawSync } from 'node:zlib';

const LIMIT = 64; // src/domain/rules/text.rs MAX_DEPTH
const TEXT_CHARS = 10_000;
const RULES_CHARS = 200_000;
const FILE_BYTES = 4 * 1024 * 1024;

const nest = (open, close, n, inner = 'x = 1') => `${open.repeat(n)}${inner}${close.repeat(n)}`;
const deep = /TooDeep \{ limit: 64 \}/;
const tooDeepUi = /too deeply: at most 64 levels/;

/** A copy of the good map file with `f` applied to its map. */
const withMap = (f) => (good) => {
  const file = structuredClone(good);
  f(file.map, file);
  return JSON.stringify(file);
};

const badRulesNotice = /classification rules have a mistake \(line 1, column \d+\)/;

export const rules = [
  { name: '2,000 nested parentheses', text: `stage a when ${nest('(', ')', 2000)}`, error: deep, ui: true },
  { name: '3,000 nots', text: `stage a when ${'not '.repeat(3000)}x = 1`, error: deep, ui: true },
  { name: '100,000 open parentheses', text: `stage a when ${'('.repeat(100_000)}`, error: deep },
  { name: '1,000,000 open parentheses', text: `fit +1 when ${'('.repeat(1_000_000)}`, error: deep },
  { name: 'not ( 20,000 times', text: `warm at 1\nstage a when ${'not ('.repeat(20_000)}`, error: deep },
  { name: '65 parentheses (one past the limit)', text: `stage a when ${nest('(', ')', LIMIT + 1)}`, error: deep, ui: true },
  { name: '64 parentheses (at the limit)', text: `stage a when ${nest('(', ')', LIMIT)}`, ok: true },
  { name: '64 nots (at the limit)', text: `stage a when ${'not '.repeat(LIMIT)}x = 1`, ok: true },
  { name: 'deep nesting on line 500', text: `${'warm at 1\n'.repeat(499)}stage a when ${nest('(', ')', 500)}`, error: /line":\s*500|TooDeep/ },
  { name: 'flat and-chain of 50,000 tests', text: `stage a when ${Array(50_000).fill('x = 1').join(' and ')}`, ok: true },
  { name: 'flat or-chain of 50,000 tests', text: `stage a when ${Array(50_000).fill('x = 1').join(' or ')}`, ok: true },
  { name: '40,000 rule lines', text: 'engage +1 per "visit"\n'.repeat(40_000), ok: true },
  { name: 'rules text past 200,000 characters', text: '# c\n'.repeat(RULES_CHARS / 4 + 1), ok: true },
  { name: 'unterminated text', text: 'stage a when status = "Won', error: /UnterminatedString/ },
  { name: 'number past f64', text: `stage a when amount > 1${'0'.repeat(400)}`, error: /NumberTooLarge/ },
  { name: 'count past u32', text: 'stage a when count any >= 99999999999', error: /NumberTooLarge/ },
  { name: 'no such day', text: 'stage a when closed < 2024-02-30', error: /BadDate/ },
  { name: 'unknown rule keyword', text: 'promote a when x = 1', error: /UnknownRule/ },
  { name: 'a NUL character', text: 'stage a when x = 1\u0000', error: /UnexpectedChar/ },
  { name: 'an empty range', text: 'stage a when x range ..', error: /EmptyRange/ },
  { name: 'order on text', text: 'stage a when x < "b"', error: /OrderOnText/ },
  { name: 'right-to-left and emoji ids', text: 'stage "مرحلة 🚀" when field "حقل" = "✓"', ok: true },
  { name: 'only blank lines and comments', text: '\n\n# nothing\r\n   \n', ok: true },
  { name: 'a line of 100,000 closing parentheses', text: `stage a when x = 1${')'.repeat(100_000)}`, error: /EndOfLine/ },
];

export const maps = [
  { name: 'not JSON', file: () => '{"format": "journey-mapper/map", oops', error: /not valid JSON \(line 1, column \d+\)/ },
  { name: 'an empty file', file: () => '', error: /not valid JSON/ },
  { name: 'a byte-order mark only', file: () => '\ufeff', error: /not valid JSON/ },
  { name: 'a JSON array', file: () => '[1, 2, 3]', error: /not a Journey Mapper map file/ },
  { name: 'JSON null', file: () => 'null', error: /not a Journey Mapper map file/ },
  { name: 'another format', file: withMap((_, f) => { f.format = 'journey-mapper/other'; }), error: /not a Journey Mapper map file/ },
  { name: 'format version 2', file: withMap((_, f) => { f.version = 2; }), error: /newer version of Journey Mapper \(format version 2\)/ },
  { name: 'format version as text', file: withMap((_, f) => { f.version = '1'; }), error: /unsupported format version: "1"/ },
  { name: 'format version -1', file: withMap((_, f) => { f.version = -1; }), error: /unsupported format version: -1/ },
  { name: 'no map field', file: withMap((_, f) => { delete f.map; }), error: /not a Journey Mapper map file/ },
  { name: 'a name of 10,001 characters', file: withMap((m) => { m.name = 'n'.repeat(TEXT_CHARS + 1); }), error: /has 10001 characters; at most 10000/ },
  { name: 'a name of exactly 10,000 characters', file: withMap((m) => { m.name = 'n'.repeat(TEXT_CHARS); }), imported: true },
  { name: 'rules nested 2,000 deep (40 KB)', file: withMap((m) => { m.rules = `stage pre_purchase when ${nest('(', ')', 2000)}`; }), error: badRulesNotice },
  { name: 'rules of 3,000 nots', file: withMap((m) => { m.rules = `stage pre_purchase when ${'not '.repeat(3000)}x = 1`; }), error: badRulesNotice },
  { name: 'rules over 200,000 characters', file: withMap((m) => { m.rules = '# c\n'.repeat(RULES_CHARS / 4 + 1); }), error: /has 200004 characters; at most 200000/ },
  { name: 'a stage name of 10,001 characters', file: withMap((m) => { m.stages[0].name = 's'.repeat(TEXT_CHARS + 1); }), error: /at most 10000 are allowed/ },
  { name: '501 stages', file: withMap((m) => { m.stages = Array.from({ length: 501 }, (_, i) => ({ id: `s${i}`, name: `S${i}`, description: '' })); m.cards = []; m.content = []; m.emotions = []; m.departments = []; m.metrics = undefined; m.handoffs = []; }), error: /501 items of type stage; at most 500/ },
  { name: '20,001 cards', file: withMap((m) => { const c = m.cards[0]; m.cards = Array.from({ length: 20_001 }, (_, i) => ({ id: `c${i}`, stage: c.stage, lane: c.lane, title: 'x' })); }), error: /20001 items of type card; at most 20000/ },
  { name: 'two cards with one id', file: withMap((m) => { m.cards.push({ ...m.cards[0] }); }), error: /share the id/ },
  { name: 'a card in a stage that does not exist', file: withMap((m) => { m.cards[0].stage = 'nowhere'; }), error: /refers to a stage that does not exist: “nowhere”/ },
  { name: 'a card spanning 0 stages', file: withMap((m) => { m.cards[0].span = 0; }), error: /has the value 0; it must be between 1 and/ },
  { name: 'a card spanning 1,000 stages', file: withMap((m) => { m.cards[0].span = 1000; }), error: /has the value 1000; it must be between 1 and/ },
  { name: 'a span past u16', file: withMap((m) => { m.cards[0].span = 70000; }), error: /incomplete or has a wrong value/ },
  { name: 'an emotion of +5', file: withMap((m) => { m.personas = [{ id: 'p', name: 'P' }]; m.emotions = [{ persona: 'p', stage: m.stages[0].id, score: 5 }]; }), error: /has the value 5; it must be between -2 and 2/ },
  { name: 'a card with an empty id', file: withMap((m) => { m.cards[0].id = ''; }), error: /has no id/ },
  { name: 'arrays nested 5,000 deep', file: () => `{"format":"journey-mapper/map","version":1,"map":${'['.repeat(5000)}${']'.repeat(5000)}}`, error: /not valid JSON|recursion/ },
  { name: 'objects nested 5,000 deep in a card', file: withMap((m) => { m.cards[0].extra = 0; }), replace: ['"extra":0', `"extra":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`], error: /not valid JSON/ },
  { name: 'one byte past 4 MB', file: withMap((m) => { m.cards[0].detail = ' '; }), pad: FILE_BYTES + 1, error: /The file is \d+ KB; the largest map file accepted is 4096 KB/ },
  { name: 'HTML and script in every name', file: withMap((m) => { m.name = '<img src=x onerror="window.__pwned=1">'; m.stages[0].name = '<script>window.__pwned=1</script>'; m.cards[0].title = '"]{}<b>bold</b>'; }), imported: true, text: '<img src=x onerror="window.__pwned=1">' },
  { name: 'a card id made to break a CSS selector', file: withMap((m) => { m.cards[0].id = 'a"] , * [x="'; }), imported: true, open: true },
  { name: 'the id of a map already open', file: (good) => JSON.stringify(good), imported: true, again: true },
  { name: 'a lone surrogate escape', file: withMap((m) => { m.cards[0].title = 'x'; }), replace: ['"title":"x"', '"title":"\\ud800"'], error: /not valid JSON|incomplete or has a wrong value|lone leading surrogate/ },
  { name: 'a number past f64', file: withMap((m) => { m.cards[0].span = 1; }), replace: ['"span":1', '"span":1e400'], error: /not valid JSON|incomplete or has a wrong value/ },
  { name: 'a NUL inside a text', file: withMap((m) => { m.cards[0].title = 'a\u0000b'; }), imported: true },
  { name: 'binary (a PNG header)', file: () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), error: /not valid JSON/ },
  { name: 'a dangling outcome', file: withMap((m) => { const d = m.stages.find((s) => s.decision); d.decision.outcomes[0].leads_to = { kind: 'stage', stage: 'gone' }; }), error: /refers to a stage that does not exist: “gone”/ },
];

// Shared links: `#share=<base64url(deflate-raw(map file JSON))>`.
const payloadOf = (text) => deflateRawSync(Buffer.from(text)).toString('base64url');

export const shares = [
  { name: 'rules nested 2,000 deep in a link', json: withMap((m) => { m.rules = `stage pre_purchase when ${nest('(', ')', 2000)}`; }), error: /does not carry a valid map: The map's classification rules have a mistake/ },
  { name: 'a deflate bomb (40 KB of link, 40 MB inflated)', payload: () => deflateRawSync(Buffer.alloc(40 * 1024 * 1024, 32), { level: 9 }).toString('base64url'), error: /does not carry a valid map: The file is \d+ KB; the largest map file accepted is 4096 KB/ },
  { name: 'a bomb of a valid start', payload: (good) => payloadOf(JSON.stringify(good).slice(0, -1) + ' '.repeat(6 * 1024 * 1024) + '}'), error: /largest map file accepted is 4096 KB/ },
  { name: 'not base64url', payload: () => '!!!!', error: /incomplete or damaged/ },
  { name: 'empty', payload: () => '', error: /carries no map/ },
  { name: 'longer than any link', payload: () => 'A'.repeat(70_000), error: /longer than any link Journey Mapper makes/ },
  { name: 'not deflate', payload: () => Buffer.from('hello, this is not deflate').toString('base64url'), error: /incomplete or damaged/ },
  { name: 'deflate of bytes that are not UTF-8', payload: () => deflateRawSync(Buffer.from([0xff, 0xfe, 0xfd])).toString('base64url'), error: /incomplete or damaged/ },
  { name: 'deflate of JSON null', payload: () => payloadOf('null'), error: /not a Journey Mapper map file/ },
  { name: 'a name of 10,001 characters', json: withMap((m) => { m.name = 'n'.repeat(TEXT_CHARS + 1); }), error: /at most 10000 are allowed/ },
  { name: 'arrays nested 5,000 deep', payload: () => payloadOf(`{"format":"journey-mapper/map","version":1,"map":${'['.repeat(5000)}${']'.repeat(5000)}}`), error: /not valid JSON|recursion/ },
  { name: 'HTML in the names', json: withMap((m) => { m.name = '<img src=x onerror="window.__pwned=1">'; }), opens: true },
  // 100 stages and 3,000 cards in one lane, each spanning from its stage to the last: up to
  // 3,000 bars overlap, so every cell of the lane has 3,000 tracks (one placeholder each, before).
  { name: '3,000 overlapping cards spanning up to 100 stages', json: withMap((m) => {
    const stage = m.stages[0];
    const card = m.cards.find((c) => c.lane === m.cards[0].lane);
    m.stages = Array.from({ length: 100 }, (_, i) => ({ ...stage, id: `s${i}`, name: `Stage ${i}`, decision: null }));
    m.cards = Array.from({ length: 3000 }, (_, i) => ({ ...card, id: `w${i}`, stage: `s${i % 100}`, span: 100 - (i % 100), title: `Bar ${i}` }));
    m.emotions = [];
  }), opens: true, wide: true },
  { name: 'the good map', json: (good) => JSON.stringify(good), opens: true },
];

const header = 'contact,account,time,type\n';
const row = (i) => `c${i},a${i % 7},2024-03-${String((i % 28) + 1).padStart(2, '0')},page_view\n`;
const rows = (n) => Array.from({ length: n }, (_, i) => row(i)).join('');

export const csv = [
  { name: 'an empty file', bytes: () => '', check: /file: .*empty/i },
  { name: 'a byte-order mark only', bytes: () => '\ufeff', check: /file: /i },
  { name: 'a header only', bytes: () => header, check: 'ok', expect: (r) => r.contactCount === 0 },
  { name: 'a stray quote before 20,000 rows', bytes: () => header + rows(5) + 'c5,"a5,2024-03-06,page_view\n' + rows(20_000), check: 'ok', expect: (r) => r.contactCount === 5 && r.badRows.some((b) => b.problem.kind === 'too_long' || b.problem.kind === 'wrong_field_count') },
  { name: 'a stray quote with 3 MB after it', bytes: () => header + rows(3) + '"' + 'x,\n'.repeat(1_500_000), check: 'ok', expect: (r) => r.contactCount === 3 && r.badRows.some((b) => b.problem.kind === 'too_long' && b.problem.quote_line === 5) },
  { name: 'a stray quote in the header', bytes: () => '"contact,account,time,type\n' + 'x'.repeat(2 * 1024 * 1024), check: /header/i },
  { name: '13,000 columns', bytes: () => Array.from({ length: 13_000 }, (_, i) => `col_${i}`).join(',') + '\n' + Array(13_000).fill('v').join(',') + '\n', check: 'ok' },
  { name: 'duplicate headers among 13,000', bytes: () => Array.from({ length: 13_000 }, (_, i) => `col_${i % 12_999}`).join(',') + '\n', check: /col_0/ },
  { name: 'a NUL byte after 64 KiB', bytes: () => header + rows(3000) + 'c1,a,2024-03-01,x\u0000y\n', check: /not text/i },
  { name: 'a NUL byte at the start', bytes: () => '\u0000' + header, check: /not text/i },
  { name: 'binary (a PNG header)', bytes: () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]), check: /not text/i },
  { name: 'a 2 MB line without quotes', bytes: () => header + 'c1,' + 'y'.repeat(2 * 1024 * 1024) + ',2024-03-01,x\n' + rows(10), check: 'ok', expect: (r) => r.contactCount === 10 },
  { name: 'a million commas on one line', bytes: () => header + ','.repeat(1_000_000) + '\n' + rows(3), check: 'ok', expect: (r) => r.contactCount === 3 },
  { name: 'CR-only line ends', bytes: () => (header + rows(50)).replace(/\n/g, '\r'), check: 'ok', expect: (r) => r.contactCount === 50 },
  { name: 'UTF-16 LE without a BOM, chosen', bytes: () => Buffer.from(header + rows(10), 'utf16le'), options: { encoding: 'utf16_le' }, check: 'ok', expect: (r) => r.contactCount === 10 },
  { name: 'formula cells', bytes: () => header + '=HYPERLINK("x"),+1,2024-03-01,@SUM(A1)\n', check: 'ok', expect: (r) => r.contactCount === 1 },
  { name: 'dates out of range', bytes: () => header + 'c1,a,99999-01-01,x\nc2,a,0000-00-00,x\nc3,a,2024-03-01,x\n', check: 'ok', expect: (r) => r.contactCount === 1 && r.badRowCount === 2 },
  { name: 'an unknown option key (asof)', bytes: () => header + rows(3), options: { asof: '2024-01-01' }, check: /unknown field `asof`, expected one of .*asOf/ },
  { name: 'an unknown option key (date_order)', bytes: () => header + rows(3), options: { date_order: 'us' }, check: /unknown field `date_order`.*dateOrder/ },
  { name: 'an unknown encoding', bytes: () => header + rows(3), options: { encoding: 'ebcdic' }, check: /unknown variant `ebcdic`/ },
  { name: 'asOf 67536-01-01', bytes: () => header + rows(3), options: { asOf: '67536-01-01' }, check: /asOf: "67536-01-01" is not YYYY-MM-DD/ },
  { name: 'asOf not a date', bytes: () => header + rows(3), options: { asOf: 'yesterday' }, check: /asOf/ },
  { name: 'a map option nested 5,000 deep', bytes: () => header + rows(3), deepMap: 5000, check: /recursion limit|options/ },
  { name: 'a map option nested 100,000 deep', bytes: () => header + rows(3), deepMap: 100_000, check: /options/ },
  { name: 'rules nested 2,000 deep', bytes: () => header + rows(3), options: { rules: `stage a when ${nest('(', ')', 2000)}` }, check: deep },
  { name: '40,000 event days for one contact', bytes: () => header + Array.from({ length: 40_000 }, (_, i) => `solo,a,${new Date(Date.UTC(1990, 0, 1) + i * 86400000).toISOString().slice(0, 10)},visit\n`).join(''), options: { model: 'hinge' }, check: 'ok', expect: (r) => r.contactCount === 1 },
  { name: 'a contains rule over long values', bytes: () => 'contact,account,time,type,note\n' + Array.from({ length: 300 }, (_, i) => `c${i},a,2024-03-01,x,${'ab'.repeat(5000)}\n`).join(''), options: { rules: `stage a when note contains "${'ab'.repeat(2000)}c"` }, check: 'ok', expect: (r) => r.stages.every((s) => s.contacts === 0) },
];

// CSV files picked in the data view: the mapping step, the bad rows and the file's problem, as
// the user reads them.
export const uiCsv = [
  { name: '13,000 columns in the mapping step', bytes: () => Array.from({ length: 13_000 }, (_, i) => `col_${i}`).join(',') + '\n' + Array(13_000).fill('v').join(',') + '\n', wizard: 13_000 },
  { name: 'a stray quote with 3 MB after it', bytes: () => header + rows(3) + '"' + 'x,\n'.repeat(1_500_000), badRow: /Line 5: longer than 1 MiB: a quote opened on line 5 is not closed until line 1500004/ },
  { name: 'a NUL byte after 64 KiB', bytes: () => header + rows(3000) + 'c1,a,2024-03-01,x\u0000y\n', problem: /This is not a text \(CSV\) file/ },
  { name: 'a stray quote in the header', bytes: () => '"contact,account,time,type\n' + 'x\n'.repeat(1024 * 1024), problem: /The header row is longer than 1 MiB: a quote opened on line 1 is never closed|The file has no header row/ },
];

export const engine = [
  { name: 'sampleCsv of 4,294,967,295 contacts', call: 'sampleCsv', args: ['hinge', 4294967295, 1], error: /more than the 1000000/ },
  { name: 'sampleCsv of an unknown model', call: 'sampleCsv', args: ['nope', 10, 1], error: /unknown model/ },
  { name: 'templateMap of an unknown model', call: 'templateMap', args: ['<script>'], error: /unknown model/ },
  { name: 'classifyCsv of a number', call: 'classifyCsv', args: [42, { model: 'hinge' }], error: /give the CSV as a string/ },
  { name: 'options that are a string', call: 'classifyCsv', args: [header, 'hinge'], error: /options/ },
  { name: 'options with a circular reference', call: 'classifyCsv', args: [header, '__circular__'], error: /options: cannot be read as JSON/ },
];

/** Every case, counted. */
export const count = rules.length + maps.length + shares.length + csv.length + uiCsv.length + engine.length;
