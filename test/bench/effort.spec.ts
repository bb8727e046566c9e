import { expect } from 'chai';
import pg from 'pg';
import { benchEffort } from '../../bench/effort/run.js';
import { SECONDS_PER_KEYSTROKE } from '../../bench/effort/clerk.js';
import { APPLICANT, typedValues } from '../../bench/effort/typed-values.js';
import { freshDatabaseUrl } from '../support/database.js';
import type { ProcedureSteps } from '../../server/src/db/procedure-content.schema.js';
import type { FlatSchema } from '../server/validators/form-samples.js';

const CODE = 'dang-ky-ho-kinh-doanh';

describe('bench:effort (smoke size)', function () {
  this.timeout(180_000);

  it('should count the clicks and keystrokes of one procedure’s intake and of every step it worked', async () => {
    // given a seeded database and one procedure of the catalogue
    const databaseUrl = await freshDatabaseUrl();
    const lines: string[] = [];

    // when the scripted clerk takes it in and works it to its end in the browser
    const result = await benchEffort({ procedures: [CODE], databaseUrl, log: (l) => lines.push(l) });

    // then the dossier ended, and each step the bench counted is a task completed, in that order
    const [walked] = result.procedures;
    const { procedure, finished, completed } = await tally(databaseUrl);
    expect(finished).to.deep.equal([{ code: walked!.dossierCode, status: 10 }]);
    expect(walked!.steps.map((s) => [s.step, s.outcome])).to.deep.equal(
      completed.map((t) => [t.element_id, t.outcome]),
    );
    // and the loop back from the leader was walked, so one step was worked twice
    expect(walked!.steps.length).to.be.greaterThan(new Set(walked!.steps.map((s) => s.step)).size);

    // and the intake's keystrokes are every character typed plus the Tabs between fields (or a click each)
    const values = typedValues(procedure.form_schema);
    const intakeFields = procedure.steps.intake!.editableFields!;
    const typed = [...intakeFields.map((f) => String(values[f])), ...Object.values(APPLICANT)].join(
      '',
    ).length;
    const fieldMoves = intakeFields.length + Object.keys(APPLICANT).length - 1;
    const { intake } = walked!;
    expect(intake.keystrokes - typed + (intake.clicks - 2)).to.be.within(fieldMoves, 3 * fieldMoves);
    // and every step took at least "open" and its outcome, and each second counted covers the typing
    for (const step of [intake, ...walked!.steps.map((s) => s.effort)]) {
      expect(step.seconds).to.be.at.least(step.keystrokes * SECONDS_PER_KEYSTROKE - 0.05);
    }
    for (const step of walked!.steps) expect(step.effort.clicks).to.be.at.least(2);
    // and the summary counts what it printed, one line per step, and ends with the JSON line
    expect(result.steps).to.equal(walked!.steps.length);
    expect(result.intakes).to.equal(1);
    expect(lines.filter((l) => l.startsWith('  step '))).to.have.length(walked!.steps.length);
    expect(JSON.parse(lines.at(-1)!)).to.include({ bench: 'effort', steps: walked!.steps.length });
  });
});

/** What the database holds after the run: the procedure as deployed, the dossiers ended, the tasks completed in order. */
async function tally(databaseUrl: string) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    const versions = await pool.query<{ form_schema: FlatSchema; steps: ProcedureSteps }>(
      'select form_schema, steps from procedure_versions where procedure_code = $1',
      [CODE],
    );
    const finished = await pool.query<{ code: string; status: number }>(
      'select code, status from dossiers where finished_at is not null',
    );
    const completed = await pool.query<{ element_id: string; outcome: string | null }>(
      `select element_id, outcome from tasks where status = 'completed' order by completed_at`,
    );
    return { procedure: versions.rows[0]!, finished: finished.rows, completed: completed.rows };
  } finally {
    await pool.end();
  }
}
