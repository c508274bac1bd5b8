// The office suite's reading of the app's Word and Excel files: LibreOffice
// headless converts them (to PDF, or each sheet to CSV) and poppler's
// pdfinfo and pdftotext read the PDF (scripts/setup.sh installs both).
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Runs LibreOffice headless on `files` with its own profile; returns the output folder. */
async function soffice(files, convertTo) {
  const out = await mkdtemp(join(tmpdir(), 'antq-office-'));
  const profile = pathToFileURL(await mkdtemp(join(tmpdir(), 'antq-lo-profile-'))).href;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', convertTo, '--outdir', out, ...files], {
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 180_000,
  });
  return out;
}

/** Converts each file to PDF; returns the PDFs' paths by the files' names. */
export async function toPdf(files) {
  const out = await soffice(files, 'pdf');
  return Object.fromEntries(files.map((f) => [basename(f), join(out, basename(f).replace(/\.[^.]+$/, '.pdf'))]));
}

/** Page count and size (points) of a PDF, as pdfinfo reads them. */
export function pdfInfo(pdf) {
  const text = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(text)[1]);
  const [, w, h] = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(text);
  return { pages, width: Number(w), height: Number(h) };
}

/** The text of a PDF, or of one page of it. */
export function pdfText(pdf, page) {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  return execFileSync('pdftotext', [...range, '-layout', pdf, '-'], { encoding: 'utf8' });
}

/** Each sheet of a workbook as CSV rows, by sheet name, as LibreOffice computes it. */
export async function sheets(xlsx) {
  // Filter options: comma, double quote, UTF-8, from line 1, …, every sheet (-1).
  const out = await soffice([xlsx], 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1');
  const stem = basename(xlsx).replace(/\.xlsx$/, '');
  const result = {};
  for (const name of await readdir(out)) {
    const sheet = name.slice(stem.length + 1).replace(/\.csv$/, '');
    result[sheet] = parseCsv(await readFile(join(out, name), 'utf8'));
  }
  return result;
}

function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else if (c !== '\r') cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

/**
 * A copy of a workbook as somebody would edit it: every `from` result
 * turned into `to`, and every formula's stored value dropped, so that
 * what the suite shows is what the formulas compute from the edited cells.
 */
export async function edited(xlsx, from, to) {
  const dir = await mkdtemp(join(tmpdir(), 'antq-edited-'));
  const copy = join(dir, basename(xlsx));
  const script = `
import re, sys, zipfile
src, dst, old, new = sys.argv[1:5]
with zipfile.ZipFile(src) as z_in, zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED) as z_out:
    for item in z_in.infolist():
        data = z_in.read(item.filename)
        if item.filename == 'xl/sharedStrings.xml':
            data = data.decode().replace('<t>' + old + '</t>', '<t>' + new + '</t>').encode()
        elif item.filename.startswith('xl/worksheets/sheet'):
            data = re.sub(r'(</f>)<v>[^<]*</v>', r'\\1', data.decode()).encode()
        z_out.writestr(item, data)
`;
  execFileSync('python3', ['-c', script, xlsx, copy, from, to]);
  return copy;
}
