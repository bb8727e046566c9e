import { expect } from 'chai';
import { Linter } from 'bpmnlint';
import { openDatabase, type Database } from '../../../server/src/core/db.js';
import { AppError } from '../../../server/src/core/errors.js';
import { createProcedure } from '../../../server/src/procedures/procedures.service.js';
import { draftLinterOptions } from '../../../modeler/src/features/lint/lint-options.js';
import { listedProblems, type CanvasIssue } from '../../../modeler/src/features/lint/problems.js';
import { linkFlowNodes } from '../../../modeler/src/features/lint/rule-set.js';
import { freshDatabaseUrl } from '../../support/database.js';
import {
  catalogueFixtures,
  mutationFixtures,
  reachingTheRules,
  serverSpecFixtures,
  type LintFixture,
} from '../../support/lint-fixtures.js';

type Problem = { elementId: string | null; message: string };

/** What the modeler lists, computed as the browser does: bpmn-js's parse, our import hook, the same rule set. */
async function asTheBrowserRunsIt(fixture: LintFixture): Promise<Problem[] | 'not drawn'> {
  const parsed = await reachingTheRules(fixture.bpmn);
  if (!parsed) return 'not drawn';
  linkFlowNodes(parsed.rootElement);
  const results = await new Linter(
    draftLinterOptions({ facts: fixture, formSchema: fixture.formSchema }),
  ).lint(parsed.rootElement);
  const issues: Record<string, CanvasIssue[]> = {};
  for (const [rule, reports] of Object.entries(results)) {
    for (const report of reports) (issues[report.id ?? ''] ??= []).push({ ...report, rule });
  }
  return listedProblems(issues).map(({ elementId, message }) => ({ elementId, message }));
}

/** Deploy's answer: none for a 201, the 422's details for a refusal. */
async function deployed(database: Database, code: string, fixture: LintFixture): Promise<Problem[]> {
  const { bpmn, duration, durationUnit, formSchema } = fixture;
  try {
    await createProcedure(database.db, code, { name: code, bpmn, duration, durationUnit, formSchema }, null);
    return [];
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'invalid_bpmn') throw err;
    return err.details as Problem[];
  }
}

const sorted = (problems: Problem[]) =>
  problems
    .map((p) => `${p.elementId ?? '-'} ${p.message}`)
    .sort()
    .filter((line, i, all) => all.indexOf(line) === i);

describe('the rule module: the same problems in the browser as at deploy', () => {
  let database: Database;
  let counter = 0;

  before(async () => {
    database = await openDatabase(await freshDatabaseUrl('empty'), 2);
  });

  after(async () => {
    await database.close();
  });

  async function compare(fixture: LintFixture): Promise<'compared' | 'skipped'> {
    // given a diagram that reaches the rules at deploy (the XML guard and the parser come first)
    const browser = await asTheBrowserRunsIt(fixture);
    if (browser === 'not drawn') return 'skipped';

    // when deploy runs it
    const deploy = await deployed(database, `mot-bo-quy-tac-${++counter}`, fixture);
    // A value PostgreSQL cannot store is refused after the rules: no rule's business.
    if (deploy.some((p) => p.message.startsWith('A value in the diagram'))) return 'skipped';

    // then the browser lists the same element ids and messages
    expect(sorted(browser), fixture.name).to.deep.equal(sorted(deploy));
    return 'compared';
  }

  it('should find nothing in the clean catalogue diagrams, in the browser or at deploy', async () => {
    for (const fixture of catalogueFixtures()) {
      expect(await compare(fixture), fixture.name).to.equal('compared');
      expect(await asTheBrowserRunsIt(fixture), fixture.name).to.deep.equal([]);
    }
  });

  it('should give the same problems for every diagram beside the server specs', async () => {
    const fixtures = serverSpecFixtures();
    let withProblems = 0;
    for (const fixture of fixtures) {
      expect(await compare(fixture), fixture.name).to.equal('compared');
      const listed = await asTheBrowserRunsIt(fixture);
      if (listed !== 'not drawn' && listed.length) withProblems++;
    }
    // Steps naming fields the permit form lacks fail the field rule: it is exercised.
    expect(fixtures.length).to.be.greaterThan(5);
    expect(withProblems).to.be.greaterThan(0);
  });

  it('should give the same problems for mutations of the catalogue diagrams', async () => {
    const outcomes = { compared: 0, skipped: 0 };
    for (const fixture of mutationFixtures(100)) outcomes[await compare(fixture)]++;
    // Most mutations break the XML or a reference (refused before the rules); enough reach them.
    expect(outcomes.compared, JSON.stringify(outcomes)).to.be.greaterThan(40);
  });
});
