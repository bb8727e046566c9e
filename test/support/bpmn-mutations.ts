import fc from 'fast-check';

/** One edit of a diagram's XML text that a careless tool or a hostile client could make. */
export type Mutation = (xml: string, pick: number, other: number) => string;

const REFERENCE_ATTRIBUTES = [
  'sourceRef',
  'targetRef',
  'bpmnElement',
  'attachedToRef',
  'default',
  'messageRef',
  'processRef',
  'calledElement',
];

/** The `n % count`-th match of `pattern` replaced by `replace(match)`; the text unchanged when none matches. */
function atMatch(
  xml: string,
  pattern: RegExp,
  n: number,
  replace: (match: RegExpExecArray) => string,
): string {
  const matches = [...xml.matchAll(new RegExp(pattern.source, 'g'))];
  if (!matches.length) return xml;
  const m = matches[n % matches.length]!;
  return xml.slice(0, m.index) + replace(m as RegExpExecArray) + xml.slice(m.index + m[0].length);
}

function idsOf(xml: string): string[] {
  return [...xml.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!);
}

/** Start of a random element tag, where a new child or sibling can go. */
function insertAtTag(xml: string, n: number, text: string): string {
  return atMatch(xml, /<(?![?!/])/, n, () => `${text}<`);
}

export const MUTATIONS: Record<string, Mutation> = {
  dropId: (xml, n) => atMatch(xml, /\sid="[^"]*"/, n, () => ''),
  duplicateId: (xml, n, o) => {
    const ids = idsOf(xml);
    return ids.length ? atMatch(xml, /\sid="[^"]*"/, n, () => ` id="${ids[o % ids.length]}"`) : xml;
  },
  danglingReference: (xml, n, o) => {
    const name = REFERENCE_ATTRIBUTES[o % REFERENCE_ATTRIBUTES.length]!;
    return atMatch(xml, new RegExp(`\\s${name}="[^"]*"`), n, () => ` ${name}="nowhere_${o}"`);
  },
  danglingTextReference: (xml, n, o) =>
    atMatch(
      xml,
      /<(bpmn:(?:incoming|outgoing|flowNodeRef|sourceRef|targetRef))>[^<]*<\/bpmn:[a-zA-Z]+>/,
      n,
      (m) => `<${m[1]}>nowhere_${o}</${m[1]}>`,
    ),
  unknownElement: (xml, n, o) =>
    insertAtTag(
      xml,
      n,
      [
        '<bpmn:unknownThing id="u1" />',
        '<foo:bar xmlns:foo="urn:foo" x="1"/>',
        '<bpmn:userTask/>',
        '<bpmn:extensionElements><zz:q xmlns:zz="urn:zz"/></bpmn:extensionElements>',
        '<bpmn:boundaryEvent id="b9" attachedToRef="nope"><bpmn:timerEventDefinition/></bpmn:boundaryEvent>',
      ][o % 5]!,
    ),
  undeclaredPrefix: (xml, n) => atMatch(xml, /<(?![?!/])[a-zA-Z:]+/, n, (m) => `${m[0]} undeclared:attr="1"`),
  unknownNamespace: (xml, n, o) =>
    atMatch(xml, /xmlns:([a-z]+)="[^"]*"/, n, (m) => (o % 2 ? `xmlns:${m[1]}="urn:unknown"` : '')),
  brokenDi: (xml, n, o) =>
    atMatch(
      xml,
      /\s(x|y|width|height)="[^"]*"/,
      n,
      (m) => [` ${m[1]}="NaN"`, ` ${m[1]}=""`, '', ` ${m[1]}="1e999"`][o % 4]!,
    ),
  dropDiShape: (xml, n) =>
    atMatch(xml, /<bpmndi:BPMN(?:Shape|Edge)\b[\s\S]*?<\/bpmndi:BPMN(?:Shape|Edge)>/, n, () => ''),
  emptyAttribute: (xml, n) => atMatch(xml, /\s([a-zA-Z:]+)="[^"]+"/, n, (m) => ` ${m[1]}=""`),
  oddMcValue: (xml, n, o) =>
    atMatch(
      xml,
      /\smc:([a-zA-Z]+)="[^"]*"/,
      n,
      (m) => ` mc:${m[1]}="${['', ',,,', 'abc', '-1', '999999999999', 'P1D', '=1/0'][o % 7]}"`,
    ),
  oddCondition: (xml, n, o) =>
    atMatch(
      xml,
      /(<bpmn:conditionExpression[^>]*>)[\s\S]*?(<\/bpmn:conditionExpression>)/,
      n,
      (m) => `${m[1]}${['', '=', '=(((', '${x}', '=a[1000000000]', '&lt;script&gt;'][o % 6]}${m[2]}`,
    ),
  characterReference: (xml, n, o) =>
    atMatch(
      xml,
      /\sname="/,
      n,
      (m) => `${m[0]}${['&#0;', '&#xD800;', '&#xFFFF;', '&bogus;', '&#x110000;'][o % 5]}`,
    ),
  deleteSelfClosing: (xml, n) => atMatch(xml, /<(?![?!/])[^>]*\/>/, n, () => ''),
  deleteClosingTag: (xml, n) => atMatch(xml, /<\/[^>]+>/, n, () => ''),
  truncate: (xml, n) => xml.slice(0, n % xml.length),
  retype: (xml, n, o) =>
    atMatch(
      xml,
      /<bpmn:(userTask|exclusiveGateway|endEvent|startEvent)\b/,
      n,
      () =>
        `<bpmn:${['subProcess', 'callActivity', 'parallelGateway', 'eventBasedGateway', 'intermediateThrowEvent', 'manualTask'][o % 6]}`,
    ),
};

/**
 * One to three mutations in a row, with the names of those that changed the text, for the
 * failure message. A mutation finds nothing to change once an earlier one removed it (after a
 * truncation, say): it is left out of the names, and a case that changed nothing is not drawn,
 * so no run passes on the unchanged diagram.
 */
export const mutated = (xml: string) =>
  fc
    .array(fc.tuple(fc.constantFrom(...Object.keys(MUTATIONS)), fc.nat(), fc.nat()), {
      minLength: 1,
      maxLength: 3,
    })
    .map((steps) =>
      steps.reduce(
        (done, [name, n, o]) => {
          const next = MUTATIONS[name]!(done.xml, n, o);
          return next === done.xml ? done : { applied: [...done.applied, name], xml: next };
        },
        { applied: [] as string[], xml },
      ),
    )
    .filter((m) => m.applied.length > 0);
