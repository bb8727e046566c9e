import fs from 'node:fs/promises';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

interface CpuProfile {
  startTime: number;
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileRow {
  what: string;
  msPerLifecycle: number;
  /** Of all samples in the window, idle excluded. */
  share: number;
}

/**
 * Self time of the servers' V8 CPU profiles (`--profile DIR`), by who spent it: a package under
 * node_modules, a feature folder of ours (server/src/<feature>), node's own code, garbage
 * collection; per lifecycle. V8 samples wall time while the thread runs JavaScript or native
 * code, so time preempted inside a system call counts too (see bench/README.md). Only samples
 * inside `window` count (CLOCK_MONOTONIC µs, which both V8's profile and process.hrtime use), so
 * start-up, migrations and the deploy are left out.
 */
export async function summariseProfiles(
  dir: string,
  lifecycles: number,
  window: { fromUs: number; toUs: number },
): Promise<ProfileRow[]> {
  const totals = new Map<string, number>();
  for (const file of (await fs.readdir(dir)).filter((f) => f.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(await fs.readFile(path.join(dir, file), 'utf8')) as CpuProfile;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    let at = profile.startTime;
    profile.samples.forEach((id, i) => {
      at += profile.timeDeltas[i] ?? 0;
      if (at < window.fromUs || at > window.toUs) return;
      const what = ownerOf(byId.get(id)!.callFrame);
      totals.set(what, (totals.get(what) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    });
  }
  const busy = [...totals].filter(([what]) => what !== '(idle)');
  const all = busy.reduce((sum, [, ms]) => sum + ms, 0);
  return busy
    .map(([what, ms]) => ({
      what,
      msPerLifecycle: Number((ms / lifecycles).toFixed(2)),
      share: Number((ms / all).toFixed(3)),
    }))
    .sort((a, b) => b.msPerLifecycle - a.msPerLifecycle);
}

function ownerOf({ functionName, url }: ProfileNode['callFrame']): string {
  if (!url) return functionName.startsWith('(') ? functionName : `(native) ${functionName}`;
  // The innermost package: smqp sits in bpmn-elements' own node_modules.
  const pkg = [...url.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)].at(-1);
  if (pkg) return pkg[1]!;
  const ours = /server\/src\/([^/]+)/.exec(url);
  if (ours) return `server/src/${ours[1]!.replace(/\.ts$/, '')}`;
  return url.startsWith('node:') ? 'node (internal)' : url;
}
