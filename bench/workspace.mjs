// The workspaces the benchmarks load, built without the app: a commune with
// villages, years of assessments and festival plans. A native test checks
// that they decode (tests/native/tidy.rs). Run directly, it prints the 1 MiB one.
import { fileURLToPath } from 'node:url';

/** A workspace document: a commune, `villages` villages with `years` assessments each, `plans` festival plans. */
export function workspace({ villages, years, plans, notes = '' }) {
  const units = [{ id: 'u-xa', name: 'Xã Tân Lập', kind: 'xa', above: 'tỉnh Phú Thọ', parent: null }];
  const assessments = [];
  for (let v = 1; v <= villages; v += 1) {
    units.push({ id: `u-t${v}`, name: `Thôn ${v}`, kind: 'khu-dan-cu', above: 'xã Tân Lập', parent: 'u-xa' });
    for (let y = 0; y < years; y += 1) {
      const answers = {
        'kdc-1a': { type: 'yes_no', value: true, date: `${2021 + y}-02-15` },
        'kdc-1b': { type: 'yes_no', value: true, date: `${2021 + y}-03-10` },
        'kdc-1c': { type: 'ratio', numerator: 120, denominator: 125 },
        'kdc-2a': { type: 'yes_no', value: true },
        'kdc-4a': { type: 'trend', current: 3, previous: 5 },
        'kdc-5a': { type: 'rating', level: 2, title: null },
      };
      for (const p of ['a', 'b', 'c', 'd', 'dd', 'e', 'g']) answers[`kdc-3${p}`] = { type: 'count', count: 0 };
      for (const p of ['4b', '4c1', '4c2', '4d', '5b']) answers[`kdc-${p}`] = { type: 'count', count: 0 };
      const evidence = notes ? { 'kdc-1a': { notes, documents: [] } } : {};
      assessments.push({
        id: `a-${v}-${y}`, unit: `u-t${v}`, set: { id: 'tt124-khu-dan-cu', version: 1 }, year: 2021 + y,
        answers, evidence, status: { state: 'draft' }, history: [], actions: [], report: {},
      });
    }
  }
  const festival_plans = [];
  for (let p = 0; p < plans; p += 1) {
    festival_plans.push({ id: `nh-${p}`, unit: 'u-xa', year: 2021 + p, title: `Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm ${2021 + p}` });
  }
  return JSON.stringify({ format: 'antq.workspace', schema_version: 1, active_unit: 'u-xa', units, criteria_sets: [], assessments, festival_plans });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(workspace({ villages: 30, years: 5, plans: 5, notes: 'x'.repeat(6500) }));
}

/**
 * The typing figure's workspace: 50 units with 5 years each, and the
 * commune's own assessments on the largest built-in set (tt124-xa-phuong,
 * 21 indicators), its count field `xa-2-3a` holding 0.
 */
export function typingWorkspace() {
  const doc = JSON.parse(workspace({ villages: 49, years: 5, plans: 5 }));
  for (let y = 0; y < 5; y += 1) {
    doc.assessments.push({
      id: `a-xa-${y}`, unit: 'u-xa', set: { id: 'tt124-xa-phuong', version: 1 }, year: 2021 + y,
      answers: { 'xa-2-3a': { type: 'count', count: 0 } }, evidence: {}, status: { state: 'draft' }, history: [], actions: [], report: {},
    });
  }
  return doc;
}
