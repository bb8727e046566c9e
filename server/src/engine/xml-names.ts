import { createRequire } from 'node:module';
import { moddleExtensions } from './moddle.js';

const require = createRequire(import.meta.url);

interface Package {
  uri: string;
  types: { name: string; properties?: { name: string }[] }[];
}

const PACKAGES: Package[] = [
  ...['bpmn', 'bpmndi', 'dc', 'di'].map(
    (name) => require(`bpmn-moddle/resources/bpmn/json/${name}.json`) as Package,
  ),
  ...(Object.values(moddleExtensions) as Package[]),
];

/** The BPMN namespaces proper; elements of any other one are extensions. */
export const BPMN_NAMESPACES = new Set(PACKAGES.slice(0, 4).map((p) => p.uri));

/**
 * Element names the parser knows, by namespace URI: every type and property of the packages
 * diagrams are read with, in the spellings moddle writes them (`userTask`, `BPMNShape`,
 * `incoming`). Wider than what is valid where, which is all a bound on unknown names needs.
 */
export const KNOWN_ELEMENT_NAMES: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  PACKAGES.map((p) => [
    p.uri,
    new Set(p.types.flatMap((t) => [t.name, ...(t.properties ?? []).map((q) => q.name)]).flatMap(spellings)),
  ]),
);

function spellings(name: string): string[] {
  return [name, name[0]!.toLowerCase() + name.slice(1), name[0]!.toUpperCase() + name.slice(1)];
}
