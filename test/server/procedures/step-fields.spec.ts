import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { ApiClient } from '../../support/api-client.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { PERMIT_FORM, edited, intakeBody, readFixture } from '../../support/fixtures.js';
import { CATALOGUE, PROCESSES, deliverAwaitedMessage, workerOf } from '../../support/catalogue-walk.js';
import type { ProcedureDetail } from '../../../server/src/procedures/procedures.schema.js';
import { validSample, type FlatSchema } from '../validators/form-samples.js';
import { DossierDriver } from '../../support/dossier-driver.js';
import { outcomeRoutes, type OutcomeRoute } from '../../support/outcome-routes.js';

const START = '<bpmn:startEvent id="start" name="Tiếp nhận">';
const REVIEW = 'mc:editableFields="reviewNote"';

describe('procedures: each step declares the form fields it edits and requires', function () {
  this.timeout(120_000);
  let server: TestServer;
  let designer: ApiClient;
  let admin: ApiClient;

  before(async () => {
    server = await startTestServer();
    designer = await ApiClient.as(server.baseUrl, 'thietke');
    admin = await ApiClient.as(server.baseUrl, 'admin');
  });

  after(() => server.close());

  const clients = new Map<string, Promise<ApiClient>>();
  const clientOf = (username: string) => {
    if (!clients.has(username)) clients.set(username, ApiClient.as(server.baseUrl, username));
    return clients.get(username)!;
  };

  const deploy = (code: string, bpmn: string, formSchema: object = PERMIT_FORM) =>
    designer.post('/api/procedures', { code, name: 'Thủ tục thử các trường', duration: 5, formSchema, bpmn });
  const diagram = (...edits: [string, string][]) =>
    edited(readFixture('engine/three-departments.bpmn'), ...edits);

  it('should refuse a diagram whose steps name fields the form lacks, require what they do not edit, or outcomes they lack', async () => {
    // given three faulty declarations in one diagram
    const bpmn = diagram(
      [
        START,
        '<bpmn:startEvent id="start" name="Tiếp nhận" mc:editableFields="area,purpose,height" mc:requiredFields="area,purpose">',
      ],
      [REVIEW, 'mc:editableFields="reviewNote" mc:requiredFields="purpose,reviewNote:publish"'],
    );
    // when
    const res = await deploy('truong-sai', bpmn);
    // then each is named with its element
    expect(res.status).to.equal(422);
    const problems = res.body.error.details.map((d: any) => `${d.elementId}: ${d.message}`);
    expect(problems).to.include('start: mc:editableFields names "height", which the form has no field for');
    expect(
      problems.some((p: string) =>
        p.startsWith('review: mc:requiredFields names "purpose", which this user task does not edit'),
      ),
    ).to.equal(true);
    expect(problems).to.include(
      'review: mc:requiredFields requires "reviewNote" for outcome "publish", which is not one of approve, refuse',
    );
  });

  it('should refuse a diagram where no step fills in a field the form requires', async () => {
    // given a start event that leaves out the required purpose, which no later step edits
    const bpmn = diagram([
      START,
      '<bpmn:startEvent id="start" name="Tiếp nhận" mc:editableFields="area" mc:requiredFields="area">',
    ]);
    // when
    const res = await deploy('thieu-truong', bpmn);
    // then
    expect(res.status).to.equal(422);
    expect(res.body.error.details.map((d: any) => d.message).join('\n')).to.contain(
      'The form requires "purpose", but no step fills it in',
    );
  });

  it('should give a start event without declarations every field no later step edits, with a warning', async () => {
    // when the fixture deploys as it is (its start event declares nothing)
    const res = await deploy('khong-khai-bao-tiep-nhan', diagram());
    // then the desk takes in area and purpose, not the reviewer's note, and is told why
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    expect(res.body.steps.intake).to.deep.include({
      id: 'start',
      editableFields: ['area', 'purpose'],
      requiredFields: [
        { field: 'area', outcomes: [] },
        { field: 'purpose', outcomes: [] },
      ],
    });
    expect(res.body.warnings.map((w: any) => w.elementId)).to.include('start');
    // and an intake with the reviewer's note is refused, naming it
    const reception = await ApiClient.as(server.baseUrl, 'tiepnhan');
    const intake = await reception.post(
      '/api/dossiers',
      intakeBody('khong-khai-bao-tiep-nhan', { area: 50, purpose: 'Nhà ở', reviewNote: 'Đạt' }),
    );
    expect(intake.status).to.equal(422);
    expect(intake.body.error.details[0].path).to.equal('/data/reviewNote');
  });

  for (const code of CATALOGUE) {
    it(`should refuse each step of ${code} that leaves out a field it requires, naming the field`, async () => {
      // given a dossier of the procedure at each of its steps in turn, the way forward
      const procedure = (await admin.get<ProcedureDetail>(`/api/procedures/${code}`)).body;
      const routes = await outcomeRoutes(fs.readFileSync(path.join(PROCESSES, code, 'process.bpmn'), 'utf8'));
      const sample = validSample(procedure.formSchema as FlatSchema);
      const requiring = Object.values(procedure.steps.userTasks).filter((s) => s.requiredFields?.length);
      expect(requiring.length, `${code} requires results somewhere`).to.be.greaterThan(0);
      for (const step of requiring) {
        for (const required of step.requiredFields!) {
          const outcome = required.outcomes[0] ?? step.outcomes[0];
          const dossier = await dossierAt(procedure, routes, step.id, sample);
          const worker = await clientOf(workerOf(step));
          const detail = await dossier.detail();
          // (a field an earlier step filled stays filled: leaving it out keeps it)
          expect(detail.data, `${code} ${step.id}: ${required.field} still to fill`).not.to.have.property(
            required.field,
          );
          const task = detail.openTasks.find((t: any) => t.elementId === step.id);
          await worker.post(`/api/tasks/${task.id}/claim`);
          const data = Object.fromEntries(
            (step.editableFields ?? []).filter((f) => f !== required.field).map((f) => [f, sample[f]]),
          );
          // when the step is completed without it
          const res = await worker.post(`/api/tasks/${task.id}/complete`, { outcome, data });
          // then it is refused, naming the field
          expect(res.status, `${code} ${step.id} without ${required.field}`).to.equal(422);
          expect(res.body.error.details.map((d: any) => d.path)).to.include(`/data/${required.field}`);
        }
      }
    });
  }

  /**
   * A new dossier of the procedure worked, every field of each step filled, by the outcomes
   * nearest to `stepId` until it is open.
   */
  async function dossierAt(
    procedure: ProcedureDetail,
    routes: OutcomeRoute[],
    stepId: string,
    sample: Record<string, unknown>,
  ) {
    const reception = await clientOf('tiepnhan');
    const intake = procedure.steps.intake!.editableFields!;
    const dossier = await DossierDriver.receive(
      reception,
      procedure.code,
      Object.fromEntries(intake.map((f) => [f, sample[f]])),
    );
    for (let round = 0; round < 20; round++) {
      const detail = await dossier.detail();
      const open = detail.openTasks[0];
      if (!open) {
        await deliverAwaitedMessage(server.baseUrl, procedure, dossier.code, sample);
        continue;
      }
      if (open.elementId === stepId) return dossier;
      const step = procedure.steps.userTasks[open.elementId]!;
      const worker = await clientOf(workerOf(step));
      const data = Object.fromEntries((step.editableFields ?? []).map((f) => [f, sample[f]]));
      const toward = routes
        .filter((r) => r.step === step.id && stepId in r.distances)
        .sort((a, b) => a.distances[stepId]! - b.distances[stepId]!)[0];
      const reason = step.reasonOutcomes?.includes(toward?.outcome ?? '')
        ? 'Cần làm lại bước trước'
        : undefined;
      await dossier.step(worker, step.id, toward?.outcome, data, reason);
    }
    throw new Error(`${procedure.code}: ${stepId} never opened`);
  }
});
