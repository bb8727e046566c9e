import { expect } from 'chai';
import type { ApiClient } from './api-client.js';
import { intakeBody } from './fixtures.js';

/** The result handed to the applicant in person, as the desk records it at the last step. */
export const HANDOVER_IN_PERSON = {
  method: 'in_person',
  collector: 'applicant',
  collectorName: 'Nguyễn Văn Bình',
  collectorIdNumber: '001099012345',
} as const;

/**
 * Drives one dossier through the API the way the desk and the departments would: each step
 * finds the dossier's only open task in the inbox of whoever must act, checks it is the step
 * the test expects, and completes it.
 */
export class DossierDriver {
  private constructor(
    readonly code: string,
    readonly intake: any,
    private readonly watcher: ApiClient,
  ) {}

  /** Receives a dossier at the desk (of `departmentCode` when the receptionist has several), in person unless `channel` says otherwise. */
  static async receive(
    reception: ApiClient,
    procedureCode: string,
    data: object,
    departmentCode?: string,
    channel?: 'in_person' | 'online' | 'post',
  ): Promise<DossierDriver> {
    const body = {
      ...intakeBody(procedureCode, data as Record<string, unknown>),
      ...(departmentCode ? { departmentCode } : {}),
      ...(channel ? { channel } : {}),
    };
    const res = await reception.post('/api/dossiers', body);
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    return new DossierDriver(res.body.code, res.body, reception);
  }

  /**
   * Completes the open step `elementId` as `client`, with an outcome and data, and a reason when
   * given (decisions that send work back or refuse need one); answers the completion.
   */
  step(client: ApiClient, elementId: string, outcome?: string, data?: object, reason?: string): Promise<any> {
    return this.complete(client, elementId, {
      ...(outcome ? { outcome } : {}),
      ...(data ? { data } : {}),
      ...(reason ? { reason } : {}),
    });
  }

  /** Completes the step returning the result (status 9) with how it was handed over, in person by default. */
  returnResult(
    client: ApiClient,
    elementId = 'Task_return',
    { data, handover = HANDOVER_IN_PERSON }: { data?: object; handover?: object } = {},
  ): Promise<any> {
    return this.complete(client, elementId, { handover, ...(data ? { data } : {}) });
  }

  private async complete(client: ApiClient, elementId: string, body: object): Promise<any> {
    const inbox = await client.get('/api/tasks?scope=department&pageSize=200');
    const mine = inbox.body.items.filter((t: any) => t.dossier.code === this.code);
    expect(
      mine.map((t: any) => t.elementId),
      `open steps of ${this.code}`,
    ).to.deep.equal([elementId]);
    const res = await client.post(`/api/tasks/${mine[0].id}/complete`, body);
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    return res.body;
  }

  /** The same dossier, watched through `watcher` (e.g. a client of a server restored from a backup). */
  at(watcher: ApiClient): DossierDriver {
    return new DossierDriver(this.code, this.intake, watcher);
  }

  async detail(): Promise<any> {
    const res = await this.watcher.get(`/api/dossiers/${this.code}`);
    expect(res.status).to.equal(200);
    return res.body;
  }

  /** The control slip as [type, stepId, outcome] rows. */
  async slip(): Promise<[string, string | null, string | null][]> {
    return (await this.detail()).events.map((e: any) => [e.type, e.stepId, e.outcome]);
  }
}
