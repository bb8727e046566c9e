import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import fc from 'fast-check';
import BpmnModdle, { type ParseResult } from 'bpmn-moddle';
import { sizeProblems } from '../../server/src/engine/bpmn-inspection.js';
import { xmlGuardProblems } from '../../server/src/engine/xml-guard.js';
import { mutated } from './bpmn-mutations.js';
import { PERMIT_FORM } from './fixtures.js';

const require = createRequire(import.meta.url);

/**
 * The descriptors modeler/src/features/moddle-extensions.ts hands bpmn-js, in its order; read
 * here by path, since the server's type check cannot import JSON the way Vite does.
 */
const modelerModdleExtensions = {
  mc: require('../../processes/_schema/motcua.moddle.json') as object,
  camunda: require('camunda-bpmn-moddle/resources/camunda.json') as object,
};

/** A diagram to check, with what its procedure gives the rules: legal duration and form. */
export interface LintFixture {
  name: string;
  bpmn: string;
  duration: number;
  durationUnit: 'days' | 'hours';
  formSchema: { type: 'object'; properties: Record<string, object>; required?: string[] };
}

/** The catalogue's procedures as they are deployed: diagram, legal duration and form. */
export function catalogueFixtures(): LintFixture[] {
  const root = path.resolve('processes');
  return fs
    .readdirSync(root)
    .filter((slug) => !slug.startsWith('_'))
    .map((slug) => {
      const read = (file: string) => fs.readFileSync(path.join(root, slug, file), 'utf8');
      const procedure = JSON.parse(read('procedure.json')) as {
        duration: number;
        durationUnit?: 'days' | 'hours';
      };
      return {
        name: `processes/${slug}`,
        bpmn: read('process.bpmn'),
        duration: procedure.duration,
        durationUnit: procedure.durationUnit ?? 'days',
        formSchema: JSON.parse(read('form.schema.json')) as LintFixture['formSchema'],
      };
    });
}

/**
 * Every .bpmn next to a server spec, with a 10-day procedure and the permit form the specs use:
 * the steps that name other fields break the field rule, which both places must report alike.
 */
export function serverSpecFixtures(): LintFixture[] {
  const root = path.resolve('test/server');
  const files = fs
    .readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.bpmn'));
  return files.sort().map((file) => ({
    name: `test/server/${file}`,
    bpmn: fs.readFileSync(path.join(root, file), 'utf8'),
    duration: 10,
    durationUnit: 'days',
    formSchema: PERMIT_FORM as LintFixture['formSchema'],
  }));
}

/** `runs` mutations of each catalogue diagram (test/support/bpmn-mutations.ts), drawn from a fixed seed. */
export function mutationFixtures(runs: number): LintFixture[] {
  return catalogueFixtures().flatMap((entry) =>
    fc.sample(mutated(entry.bpmn), { numRuns: runs, seed: 12 }).map(({ applied, xml }, i) => ({
      ...entry,
      name: `${entry.name} #${i} ${applied.join(' + ')}`,
      bpmn: xml,
    })),
  );
}

/**
 * The diagram as bpmn-js parses it in the modeler, when deploy gets as far as the rules with it:
 * null when the XML guard, the parser (an error or a warning) or the size limit refuses it first.
 */
export async function reachingTheRules(bpmn: string): Promise<ParseResult | null> {
  if (xmlGuardProblems(bpmn).length) return null;
  const parsed = await new BpmnModdle(modelerModdleExtensions).fromXML(bpmn).catch(() => null);
  if (!parsed || parsed.warnings.length || sizeProblems(parsed).length) return null;
  return parsed;
}
