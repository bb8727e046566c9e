import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import BpmnModdle, { type ModdleElement } from 'bpmn-moddle';
import { moddleExtensions } from '../../../server/src/engine/moddle.js';
import {
  budgetHours,
  flowGraph,
  longestPath,
  startToEndPaths,
  taskBudget,
  type FlowGraph,
} from '../../../server/src/engine/budget-paths.js';
import { readFixture } from '../../support/fixtures.js';

const catalogue = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../processes');
const hoursOf = (node: ModdleElement) => budgetHours(taskBudget(node));

async function graphOf(xml: string): Promise<FlowGraph> {
  const { rootElement } = await new BpmnModdle(moddleExtensions).fromXML(xml);
  const processes = (rootElement.rootElements as ModdleElement[]).filter((r) => r.$type === 'bpmn:Process');
  expect(processes).to.have.length(1);
  return flowGraph(processes[0]!);
}

function catalogueGraph(slug: string): Promise<FlowGraph> {
  return graphOf(fs.readFileSync(path.join(catalogue, slug, 'process.bpmn'), 'utf8'));
}

/** The sums below are added up by hand from each diagram's mc:budget (1d = 8 working hours). */
const CATALOGUE: { slug: string; returned: [number, string[]]; refused: [number, string[]] }[] = [
  {
    // 5d + 3d + 1d + 2d + 3d + 1d = 15d; refused after the 5d check
    slug: 'cap-gcn-quyen-su-dung-dat-lan-dau',
    returned: [
      120,
      [
        'Start_received',
        'Task_verify',
        'Gateway_verify',
        'Task_send_tax',
        'Event_tax_notice',
        'Task_payment',
        'Task_prepare',
        'Task_sign',
        'Gateway_sign',
        'Task_return',
        'End_returned',
      ],
    ],
    refused: [40, ['Start_received', 'Task_verify', 'Gateway_verify', 'End_refused']],
  },
  {
    // 0.5d + 7d + 3d + 2d + 0.5d = 13d; refused after 0.5d + 7d
    slug: 'cap-giay-phep-xay-dung',
    returned: [
      104,
      [
        'Start_received',
        'Task_assign',
        'Task_inspect',
        'Gateway_inspect',
        'Task_draft',
        'Task_sign',
        'Gateway_sign',
        'Task_return',
        'End_returned',
      ],
    ],
    refused: [60, ['Start_received', 'Task_assign', 'Task_inspect', 'Gateway_inspect', 'End_refused']],
  },
  {
    // 1h + 0.5h + 0.25h; refused after the 1h comparison
    slug: 'chung-thuc-ban-sao-tu-ban-chinh',
    returned: [
      1.75,
      [
        'Start_received',
        'Task_compare',
        'Gateway_compare',
        'Task_sign',
        'Gateway_sign',
        'Task_return',
        'End_returned',
      ],
    ],
    refused: [1, ['Start_received', 'Task_compare', 'Gateway_compare', 'End_refused']],
  },
  {
    // 1.5d + 1d + 0.5d = 3d, exactly the legal duration; refused after 1.5d
    slug: 'dang-ky-ho-kinh-doanh',
    returned: [
      24,
      [
        'Start_received',
        'Task_review',
        'Gateway_review',
        'Task_sign',
        'Gateway_sign',
        'Task_return',
        'End_returned',
      ],
    ],
    refused: [12, ['Start_received', 'Task_review', 'Gateway_review', 'End_refused']],
  },
  {
    // 1h + 0.5h + 0.25h; refused after the 1h record
    slug: 'dang-ky-khai-sinh',
    returned: [
      1.75,
      [
        'Start_received',
        'Task_record',
        'Gateway_record',
        'Task_sign',
        'Gateway_sign',
        'Task_return',
        'End_returned',
      ],
    ],
    refused: [1, ['Start_received', 'Task_record', 'Gateway_record', 'End_refused']],
  },
];

describe('Budget paths (shared by the deploy rule and the modeler)', () => {
  for (const { slug, returned, refused } of CATALOGUE) {
    it(`should list the two start→end paths of ${slug}, the supplement and rework loops not taken`, async () => {
      // given the catalogue diagram
      const graph = await catalogueGraph(slug);
      // when its paths are listed
      const listing = startToEndPaths(graph, hoursOf);
      // then there are exactly the returned and the refused path, longest first
      expect(listing.complete).to.equal(true);
      expect(listing.count).to.equal(2);
      expect(listing.paths.map((p) => [p.hours, p.path])).to.deep.equal([returned, refused]);
      // and the deploy rule's longest path is the first one listed
      expect(longestPath(graph, hoursOf)).to.deep.equal({ hours: returned[0], path: returned[1] });
    });
  }

  it('should follow a boundary timer, read camunda:dueDate, and never take the loop back', async () => {
    // given A (2d) → B (4h, with a timer to E, no budget) or D (PT6H) → C (1d), and a rework flow back to A
    const graph = await graphOf(readFixture('engine/budget-loop.bpmn'));
    // when
    const listing = startToEndPaths(graph, hoursOf);
    // then 16 + 6 + 8, 16 + 4 + 8, and 16 + 4 along the timer's path
    expect(listing.paths.map((p) => [p.hours, p.path.join(' ')])).to.deep.equal([
      [30, 'Start Task_a Gateway_split Task_d Gateway_join Task_c End'],
      [28, 'Start Task_a Gateway_split Task_b Gateway_join Task_c End'],
      [20, 'Start Task_a Gateway_split Task_b Timer_b Task_escalate End_escalated'],
    ]);
    expect(listing.count).to.equal(3);
    expect(longestPath(graph, hoursOf).hours).to.equal(30);
    expect(
      graph.nodes.filter((n) => n.$type === 'bpmn:UserTask' && !taskBudget(n)).map((n) => n.id),
    ).to.deep.equal(['Task_escalate']);
  });

  it('should stop at maxCount paths and say the listing is not complete', async () => {
    // given 11 forks in a row, each with a 1h and a 2h branch: 2^11 = 2048 paths, the longest 22h
    const graph = await graphOf(forks(11));
    // when
    const listing = startToEndPaths(graph, hoursOf, { keep: 5, maxCount: 1000 });
    // then
    expect(listing.complete).to.equal(false);
    expect(listing.count).to.equal(1000);
    expect(listing.paths).to.have.length(5);
    expect(longestPath(graph, hoursOf).hours).to.equal(22);
  });

  it('should list every path of a graph under the limits', async () => {
    // given 3 forks: 8 paths from 3h to 6h
    const graph = await graphOf(forks(3));
    // when
    const listing = startToEndPaths(graph, hoursOf, { keep: 20 });
    // then
    expect(listing.complete).to.equal(true);
    expect(listing.paths.map((p) => p.hours)).to.deep.equal([6, 5, 5, 5, 4, 4, 4, 3]);
  });
});

/** A process of `n` forks in a row, each an exclusive split into a 1h and a 2h task and a join. */
function forks(n: number): string {
  const parts: string[] = ['<bpmn:startEvent id="S"><bpmn:outgoing>f_s</bpmn:outgoing></bpmn:startEvent>'];
  let previous = 'f_s';
  const flow = (id: string, from: string, to: string) =>
    parts.push(`<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`);
  flow('f_s', 'S', 'split0');
  for (let i = 0; i < n; i++) {
    parts.push(
      `<bpmn:exclusiveGateway id="split${i}"><bpmn:incoming>${previous}</bpmn:incoming><bpmn:outgoing>a${i}</bpmn:outgoing><bpmn:outgoing>b${i}</bpmn:outgoing></bpmn:exclusiveGateway>`,
      `<bpmn:userTask id="one${i}" mc:budget="1h"><bpmn:incoming>a${i}</bpmn:incoming><bpmn:outgoing>a${i}j</bpmn:outgoing></bpmn:userTask>`,
      `<bpmn:userTask id="two${i}" mc:budget="2h"><bpmn:incoming>b${i}</bpmn:incoming><bpmn:outgoing>b${i}j</bpmn:outgoing></bpmn:userTask>`,
      `<bpmn:exclusiveGateway id="join${i}"><bpmn:incoming>a${i}j</bpmn:incoming><bpmn:incoming>b${i}j</bpmn:incoming><bpmn:outgoing>next${i}</bpmn:outgoing></bpmn:exclusiveGateway>`,
    );
    flow(`a${i}`, `split${i}`, `one${i}`);
    flow(`b${i}`, `split${i}`, `two${i}`);
    flow(`a${i}j`, `one${i}`, `join${i}`);
    flow(`b${i}j`, `two${i}`, `join${i}`);
    flow(`next${i}`, `join${i}`, i + 1 < n ? `split${i + 1}` : 'E');
    previous = `next${i}`;
  }
  parts.push(`<bpmn:endEvent id="E"><bpmn:incoming>${previous}</bpmn:incoming></bpmn:endEvent>`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:mc="https://motcua.vn/schema/bpmn/1.0" id="D" targetNamespace="https://motcua.vn/test">
  <bpmn:process id="forks" isExecutable="true">${parts.join('\n')}</bpmn:process>
</bpmn:definitions>`;
}
