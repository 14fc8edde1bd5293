import { InputError } from '../errors.js';
import { TagChars, xmlPiece } from './piece.js';
import type { FileUnit } from './types.js';
import { refuseDuplicates } from './xliff.js';
import { childElements, decodeRun, firstChild, parseXml, type XmlDocument, type XmlElement } from './xml.js';

// TMX 1.4: tmx → header@srclang, body → tu@tuid → tuv@xml:lang → seg. The source is the tuv in the source
// language (tu@srclang, else header@srclang). Of the other tuvs, one is the target; when a file carries both the
// MT and its correction, they are told apart by a <prop> on the tuv (`mt`, `machine-translation` versus
// `corrected`, `post-edit`…) or by language codes given on the command line (--mt-lang / --target-lang).

export interface TmxOptions {
  mtLang?: string;
  targetLang?: string;
}

const MT_ROLE = /^(mt|nmt|raw-mt|machine|machine[ -]translation)$/i;
const PE_ROLE = /^(corrected|correction|post-?edit(ed)?|pe|human|reviewed|final)$/i;

export interface TmxFile {
  units: FileUnit[];
  /** header@srclang (unless *all*) and the xml:lang of the first target tuv read. */
  sourceLang?: string;
  targetLang?: string;
}

export function readTmx(text: string, file: string, chars: TagChars, opts: TmxOptions = {}): TmxFile {
  const doc = parseXml(text, file);
  const line = (e: XmlElement) => doc.lines.position(e.start).line;
  if (doc.root.local !== 'tmx') throw new InputError(`${file}:${line(doc.root)}: not a TMX file (the root element is <${doc.root.name}>)`);
  const header = firstChild(doc.root, 'header');
  const body = firstChild(doc.root, 'body');
  if (!body) throw new InputError(`${file}: a TMX file without <body>`);
  const headerSrc = header?.attrs.get('srclang');
  const units: FileUnit[] = [];
  let targetLang: string | undefined;
  childElements(body, 'tu').forEach((tu, index) => {
    const key = tu.attrs.get('tuid') ?? `#${index + 1}`;
    const srclang = tu.attrs.get('srclang') ?? headerSrc;
    const tuvs = childElements(tu, 'tuv').map((tuv) => {
      const lang = tuv.attrs.get('xml:lang') ?? tuv.attrs.get('lang');
      if (lang === undefined) throw new InputError(`${file}:${line(tuv)}: a <tuv> without xml:lang`);
      const seg = firstChild(tuv, 'seg');
      if (!seg) throw new InputError(`${file}:${line(tuv)}: a <tuv> without <seg>`);
      return { tuv, lang, seg, role: role(doc, tuv) };
    });
    const same = (a: string, b: string | undefined) => b !== undefined && a.toLowerCase() === b.toLowerCase();
    const sourceTuv = srclang === '*all*' || srclang === undefined ? tuvs[0] : tuvs.find((t) => same(t.lang, srclang));
    const others = tuvs.filter((t) => t !== sourceTuv);
    const mt = others.find((t) => t.role === 'mt' || (opts.mtLang !== undefined && same(t.lang, opts.mtLang) && t.role !== 'corrected'));
    const target =
      others.find((t) => t !== mt && (t.role === 'corrected' || (opts.targetLang !== undefined && same(t.lang, opts.targetLang)))) ??
      others.find((t) => t !== mt && t.role !== 'mt' && (opts.targetLang === undefined || same(t.lang, opts.targetLang)));
    const unit: FileUnit = { key, line: line(tu) };
    if (sourceTuv) unit.source = xmlPiece(text, sourceTuv.seg, chars);
    if (target) unit.target = xmlPiece(text, target.seg, chars);
    targetLang ??= target?.lang ?? mt?.lang;
    if (mt) unit.mt = xmlPiece(text, mt.seg, chars);
    if (!target && !mt) throw new InputError(`${file}:${line(tu)}: translation unit "${key}" has no target-language <tuv>${srclang ? ` (source language ${srclang})` : ''}`);
    units.push(unit);
  });
  refuseDuplicates(units, file);
  if (units.length === 0) throw new InputError(`${file}: no translation units (<tu>) in this TMX file`);
  const sourceLang = headerSrc && headerSrc !== '*all*' ? headerSrc : undefined;
  return { units, ...(sourceLang ? { sourceLang } : {}), ...(targetLang ? { targetLang } : {}) };
}

/** The role a tuv's <prop> elements give it: 'mt', 'corrected' or none. */
function role(doc: XmlDocument, tuv: XmlElement): 'mt' | 'corrected' | undefined {
  for (const p of childElements(tuv, 'prop')) {
    let value = '';
    for (const c of p.children) if (c.kind === 'text') decodeRun(doc.text, c.start, c.end, c.cdata, { push: (ch) => (value += ch) });
    value = value.trim();
    if (MT_ROLE.test(value)) return 'mt';
    if (PE_ROLE.test(value)) return 'corrected';
  }
  return undefined;
}
