// Village exchange files made without the app, for the roll-up journey and
// benchmark: the envelope of docs/file-format.md (schema version 2) with its
// SHA-256 checksum over the content's bytes as written, and answers chosen
// so that the expected results are known. `checksum` is schema version 1's:
// over the content written with sorted keys and no spaces.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));

/** JSON with keys sorted at every level and no white space. */
export function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function checksum(content) {
  return createHash('sha256').update(canonical(content), 'utf8').digest('hex');
}

/**
 * An exchange file of schema version 2: the envelope's fields `head`, and
 * `content` (a value, or JSON text kept as it is), its checksum over the
 * content's UTF-8 bytes exactly as they stand in the file.
 */
export function envelopeText(head, content) {
  const text = typeof content === 'string' ? content : JSON.stringify(content);
  const sum = createHash('sha256').update(text, 'utf8').digest('hex');
  const top = JSON.stringify({ format: 'antq', ...head, schema_version: 2, checksum: sum }, null, 2);
  return `${top.slice(0, -2)},\n  "content": ${text}\n}`;
}

/** A built-in criteria set, as its catalogue file holds it. */
export function catalogueSet(id) {
  const set = JSON.parse(readFileSync(join(here, '..', 'src', 'catalog', `${id}.json`), 'utf8'));
  delete set.format;
  delete set.schema_version;
  return set;
}

function passing(kind, year) {
  switch (kind.type) {
    case 'yes_no':
      return { type: 'yes_no', value: true, date: `${year}-02-15` };
    case 'count_zero':
      return { type: 'count', count: 0 };
    case 'percent':
    case 'derived':
      return { type: 'ratio', numerator: 10, denominator: 10 };
    case 'trend':
      return { type: 'trend', current: 1, previous: 5 };
    case 'rating':
      return { type: 'rating', level: 0, title: null };
    default:
      return null;
  }
}

function failing(kind) {
  return kind.type === 'count_zero' ? { type: 'count', count: 1 } : { type: 'yes_no', value: false };
}

/**
 * One village's assessment file.
 * `fail` lists indicator ids answered so that they fail; `recognised` adds
 * the commune's decision recognising the village; `unitId` is the id the
 * village's own browser gave it (another browser, another id); `name` and
 * `kind` make it another unit than a village; `notes`, the evidence noted
 * for its first indicator.
 */
export function villageFile({ set, index, year = 2025, fail = [], recognised = false, exportedAt = '2025-11-01T08:00:00Z', commune = 'u-xa-tan-lap', unitId, name, kind = 'khu-dan-cu', notes }) {
  const unit = {
    id: unitId ?? `u-thon-${index}`,
    name: name ?? `Thôn ${String(index).padStart(2, '0')}`,
    kind,
    above: 'xã Tân Lập',
    parent: commune,
  };
  const answers = {};
  for (const group of set.groups) {
    for (const criterion of group.criteria) {
      for (const indicator of criterion.indicators) {
        const answer = fail.includes(indicator.id) ? failing(indicator.kind) : passing(indicator.kind, year);
        if (answer) answers[indicator.id] = answer;
      }
    }
  }
  const on = `${year}-10-01`;
  const assessment = {
    id: `a-${index}-${year}`,
    unit: unit.id,
    set: { id: set.id, version: set.version },
    year,
    answers,
    evidence: notes ? { [set.groups[0].criteria[0].indicators[0].id]: { notes, documents: [] } } : {},
    status: recognised ? { state: 'decided', recognised: true, decision: `${index}/QĐ-UBND`, on } : { state: 'draft' },
    history: [],
    actions: [],
  };
  const content = { unit, assessment, criteria_set: set };
  const head = {
    kind: 'assessment',
    app_version: '0.1.0',
    exported_at: exportedAt,
    unit,
    year,
    criteria_set: { id: set.id, version: set.version },
  };
  return { name: `${year}_thon-${index}_tu-danh-gia.json`, text: envelopeText(head, content), unit };
}

/** The journey's plan for village `i`: which criteria it fails, whether it was recognised. */
export function villagePlan(i) {
  const fail = [];
  if (i % 3 === 0) fail.push('kdc-3a');
  if (i % 5 === 0) fail.push('kdc-2a');
  return { fail, recognised: i % 4 !== 0 };
}

/**
 * Writes files made here (`{ name, text }`) where a file input can take
 * them, each in a folder of its own so that two may share a name; returns
 * their paths, in order.
 */
export async function onDisk(files) {
  const dir = await mkdtemp(join(tmpdir(), 'antq-files-'));
  const paths = [];
  for (const [n, file] of files.entries()) {
    await mkdir(join(dir, String(n)));
    const path = join(dir, String(n), file.name);
    await writeFile(path, file.text);
    paths.push(path);
  }
  return paths;
}
