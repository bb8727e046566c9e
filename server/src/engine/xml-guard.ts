import type { BpmnProblem } from './bpmn-inspection.js';

/** Deeper than any real diagram (definitions › process › sub-processes › task › extensions). */
export const MAX_XML_DEPTH = 64;
/** Every XML element, layout included; a 2,000-step diagram with its layout stays well below. */
export const MAX_XML_ELEMENTS = 40_000;

/**
 * A cheap, linear scan of the XML before any parser sees it: refuses DTDs (entity expansion),
 * nesting deeper than MAX_XML_DEPTH and more than MAX_XML_ELEMENTS elements. Malformed XML
 * that passes is left for the parser to name.
 */
export function xmlGuardProblems(xml: string): BpmnProblem[] {
  if (/<!(DOCTYPE|ENTITY)/i.test(xml)) {
    return [
      {
        elementId: null,
        message: 'The XML declares a DOCTYPE or ENTITY; BPMN needs neither, so it is refused',
      },
    ];
  }
  let depth = 0;
  let elements = 0;
  let at = xml.indexOf('<');
  while (at !== -1) {
    const end = tagEnd(xml, at);
    if (end === -1) break;
    const next = xml[at + 1];
    if (next === '/') depth -= 1;
    else if (next !== '!' && next !== '?' && xml[end - 1] !== '/') depth += 1;
    if (next !== '/' && next !== '!' && next !== '?') elements += 1;
    if (depth > MAX_XML_DEPTH)
      return [{ elementId: null, message: `XML elements nest deeper than ${MAX_XML_DEPTH} levels` }];
    if (elements > MAX_XML_ELEMENTS)
      return [{ elementId: null, message: `The XML has more than ${MAX_XML_ELEMENTS} elements` }];
    at = xml.indexOf('<', end + 1);
  }
  return [];
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
