// Test files shared by the end-to-end tests, made by fixed generators.

// A deals export as a public CRM sample writes it (sales_pipeline.csv: 8,800 opportunities):
// snake_case headers no preset knows. 240 deals made by a fixed generator, with the figures
// the Hinge template's default rules give worked out here, independently of the app.
export function dealsExport() {
  let seed = 7;
  const next = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const day = (d) => new Date(Date.UTC(2017, 0, 1) + d * 86400000).toISOString().slice(0, 10);
  const LAST = 360; // the latest date in the file: 2017-12-27, a won deal's close date
  const agents = ['Moses Frase', 'Darcel Schlecht', 'Vicki Laflamme', 'Anna Snelling'];
  const products = ['GTX Pro', 'MG Special', 'GTK 500'];
  const accounts = Array.from({ length: 30 }, (_, i) => `Account ${String(i + 1).padStart(2, '0')}`);
  const lines = ['opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value'];
  const deals = [];
  for (let i = 0; i < 240; i++) {
    const stage = ['Won', 'Won', 'Won', 'Lost', 'Lost', 'Engaging', 'Prospecting'][next(7)];
    const account = next(10) === 0 ? '' : accounts[next(accounts.length)];
    let engage = next(300);
    let close = null;
    if (stage === 'Won' || stage === 'Lost') {
      close = Math.min(engage + 5 + next(120), LAST - 1);
      // Keep clear of the 180-day line the rules draw, so a day's rounding cannot move a deal.
      if (Math.abs(LAST - close - 180) <= 3) close -= 8;
      engage = Math.min(engage, close - 1);
    }
    if (stage === 'Prospecting') engage = null;
    if (i === 0) { engage = LAST - 30; close = LAST; }
    const st = i === 0 ? 'Won' : stage;
    const value = st === 'Won' ? 1000 + next(5000) : st === 'Lost' ? 0 : '';
    const id = `ZZ${(1000 + i).toString(36).toUpperCase()}`;
    lines.push([id, agents[next(4)], products[next(3)], account, st,
      engage === null ? '' : day(engage), close === null ? '' : day(close), value].join(','));
    deals.push({ id, account, stage: st, close });
  }
  // Hinge's defaults: a win closed within 180 days of the latest date is a client now; an
  // older win is between engagements; everything else with a status is pre-purchase. Lost
  // deals are "no way"; clients are "hired". Accounts go to their furthest deal (rule order).
  const stageOf = (d) => d.stage === 'Won' ? (LAST - d.close <= 180 ? 'client_experience' : 'between_engagements') : 'pre_purchase';
  const rank = ['former_client', 'client_experience', 'between_engagements', 'pre_purchase'];
  const expect = { pre_purchase: [0, 0], client_experience: [0, 0], between_engagements: [0, 0], former_client: [0, 0], unplaced: [0, 0] };
  const accountStage = new Map();
  for (const d of deals) {
    const s = stageOf(d);
    expect[s][0] += 1;
    if (d.account && (!accountStage.has(d.account) || rank.indexOf(s) < rank.indexOf(accountStage.get(d.account)))) {
      accountStage.set(d.account, s);
    }
  }
  for (const s of accountStage.values()) expect[s][1] += 1;
  const outcomes = {
    hired: expect.client_experience[0],
    no_way: deals.filter((d) => d.stage === 'Lost').length,
  };
  return { csv: lines.join('\n') + '\n', expect, outcomes, accounts: accountStage.size };
}
