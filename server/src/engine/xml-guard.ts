import type { BpmnProblem } from './bpmn-inspection.js';
import { BPMN_NAMESPACES, KNOWN_ELEMENT_NAMES } from './xml-names.js';

/** Deeper than any real diagram (definitions › process › sub-processes › task › extensions). */
export const MAX_XML_DEPTH = 64;
/** Every XML element, layout included; a 2,000-step diagram with its layout stays well below. */
export const MAX_XML_ELEMENTS = 40_000;
/** Attributes of one element; the richest real ones (a Camunda user task with DI colours) carry about 15. */
export const MAX_ATTRIBUTES_PER_ELEMENT = 50;
/** Elements inside <extensionElements>; a Camunda export with forms and I/O mappings on every step has a few hundred. */
export const MAX_EXTENSION_ELEMENTS = 5_000;
/**
 * Elements the parser does not know where they stand. Each one costs the parser (saxen, via
 * bpmn-moddle) a warning whose line number it counts from the top of the document, so their
 * cost grows with their number times the document's length: 39,000 took 46 s.
 */
export const MAX_UNKNOWN_ELEMENTS = 100;

const EXTENSION_ELEMENTS = 'extensionElements';

interface Scan {
  depth: number;
  elements: number;
  extensionElements: number;
  unknownElements: number;
  /** Depth of the <extensionElements> being read, or Infinity outside one. */
  extensionDepth: number;
  ids: Set<string>;
}

/**
 * A cheap, linear scan of the XML before any parser sees it, so that what the parser is given
 * parses in linear time: refuses DTDs (entity expansion), character references to what XML
 * cannot hold (`&#0;`, half a surrogate pair), nesting deeper than MAX_XML_DEPTH, more than
 * MAX_XML_ELEMENTS elements, crowded elements, duplicate BPMN ids and too many extension or
 * unknown elements. Malformed XML that passes is left for the parser to name.
 */
export function xmlGuardProblems(xml: string): BpmnProblem[] {
  if (/<!(DOCTYPE|ENTITY)/i.test(xml)) {
    return problem('The XML declares a DOCTYPE or ENTITY; BPMN needs neither, so it is refused');
  }
  const reference = badCharacterReference(xml);
  if (reference)
    return problem(
      `The XML has the character reference ${reference}, which is not a character XML allows; remove it`,
    );
  const namespaces = namespaceBindings(xml);
  const scan: Scan = {
    depth: 0,
    elements: 0,
    extensionElements: 0,
    unknownElements: 0,
    extensionDepth: Infinity,
    ids: new Set(),
  };
  let at = xml.indexOf('<');
  while (at !== -1) {
    const end = tagEnd(xml, at);
    if (end === -1) break;
    const next = xml[at + 1];
    if (next === '/') closeTag(scan);
    else if (next !== '!' && next !== '?') {
      const found = openTag(xml.slice(at + 1, end), xml[end - 1] === '/', namespaces, scan);
      if (found) return problem(found);
    }
    at = xml.indexOf('<', end + 1);
  }
  return [];
}

function closeTag(scan: Scan): void {
  scan.depth -= 1;
  if (scan.depth < scan.extensionDepth) scan.extensionDepth = Infinity;
}

/** Counts one start tag (`body` is what stands between `<` and `>`); answers the first limit it breaks. */
function openTag(
  body: string,
  selfClosing: boolean,
  namespaces: Map<string, string | null>,
  scan: Scan,
): string | null {
  const name = /^[^\s/>]+/.exec(body)?.[0] ?? '';
  const colon = name.indexOf(':');
  const uri = namespaces.get(colon === -1 ? '' : name.slice(0, colon)) ?? null;
  const local = name.slice(colon + 1);
  const inExtension = scan.depth > scan.extensionDepth;
  scan.elements += 1;
  if (!selfClosing) scan.depth += 1;
  if (scan.depth > MAX_XML_DEPTH) return `XML elements nest deeper than ${MAX_XML_DEPTH} levels`;
  if (scan.elements > MAX_XML_ELEMENTS) return `The XML has more than ${MAX_XML_ELEMENTS} elements`;
  if (inExtension) scan.extensionElements += 1;
  else if (local === EXTENSION_ELEMENTS && !selfClosing) scan.extensionDepth = scan.depth - 1;
  if (scan.extensionElements > MAX_EXTENSION_ELEMENTS) {
    return `The XML has more than ${MAX_EXTENSION_ELEMENTS} elements inside <extensionElements>; remove the ones no step needs`;
  }
  const known = uri === null ? undefined : KNOWN_ELEMENT_NAMES.get(uri);
  if (known ? !known.has(local) : !inExtension) scan.unknownElements += 1;
  if (scan.unknownElements > MAX_UNKNOWN_ELEMENTS) {
    return `The XML has more than ${MAX_UNKNOWN_ELEMENTS} elements BPMN does not define where they stand (such as <${name}>); remove them or move extensions into <extensionElements>`;
  }
  return attributeProblem(body, name, uri, scan);
}

function attributeProblem(body: string, name: string, uri: string | null, scan: Scan): string | null {
  let count = 0;
  for (const match of body.matchAll(/([^\s=/<>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    count += 1;
    if (count > MAX_ATTRIBUTES_PER_ELEMENT)
      return `<${name}> has more than ${MAX_ATTRIBUTES_PER_ELEMENT} attributes`;
    if (match[1] !== 'id' || uri === null || !BPMN_NAMESPACES.has(uri)) continue;
    const id = match[2] ?? match[3] ?? '';
    if (scan.ids.has(id)) return `Two elements have the id "${id.slice(0, 100)}"; every id must be unique`;
    scan.ids.add(id);
  }
  return null;
}

/**
 * Prefix → namespace URI, from every declaration in the document; a prefix bound to two URIs
 * maps to null, which counts its elements as unknown (the scan does not track scopes).
 */
function namespaceBindings(xml: string): Map<string, string | null> {
  const bindings = new Map<string, string | null>();
  for (const m of xml.matchAll(/\sxmlns(?::([^\s=/<>]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const prefix = m[1] ?? '';
    const uri = m[2] ?? m[3] ?? '';
    bindings.set(prefix, bindings.has(prefix) && bindings.get(prefix) !== uri ? null : uri);
  }
  return bindings;
}

/** The first `&#…;` naming a code point outside XML 1.0's Char production, or null. */
function badCharacterReference(xml: string): string | null {
  for (const m of xml.matchAll(/&#(x[0-9a-fA-F]+|[0-9]+);/g)) {
    const digits = m[1]!;
    const code = digits[0] === 'x' ? parseInt(digits.slice(1), 16) : parseInt(digits, 10);
    const allowed =
      code === 0x9 ||
      code === 0xa ||
      code === 0xd ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      (code >= 0x10000 && code <= 0x10ffff);
    if (!allowed) return m[0].slice(0, 20);
  }
  return null;
}

function problem(message: string): BpmnProblem[] {
  return [{ elementId: null, message }];
}

/** Index of the `>` that closes the markup starting at `at`, skipping comments, CDATA and quoted attributes. */
function tagEnd(xml: string, at: number): number {
  if (xml.startsWith('<!--', at)) return endOf(xml, '-->', at);
  if (xml.startsWith('<![CDATA[', at)) return endOf(xml, ']]>', at);
  if (xml.startsWith('<?', at)) return endOf(xml, '?>', at);
  let quote: string | null = null;
  for (let i = at + 1; i < xml.length; i++) {
    const c = xml[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '>') {
      return i;
    }
  }
  return -1;
}

function endOf(xml: string, terminator: string, from: number): number {
  const found = xml.indexOf(terminator, from);
  return found === -1 ? -1 : found + terminator.length - 1;
}
