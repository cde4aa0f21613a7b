import { describe, expect, it } from 'vitest';
import { untilReachable } from '../../electron/cli/reachable.js';
import { StoreError } from '../../electron/store/errors.js';

const quick = { tries: 3, pauseMs: 1 };

describe('opening a room that does not answer yet', () => {
  it('tries again while the room is unreachable, saying so, and returns once it answers', async () => {
    let calls = 0;
    const said: string[] = [];
    const out = await untilReachable(
      () => {
        if (++calls < 3) throw new StoreError('unreachable', 'Cannot reach room database x');
        return 'open';
      },
      (l) => said.push(l),
      quick,
    );
    expect(out).toBe('open');
    expect(calls).toBe(3);
    expect(said).toEqual([
      'Cannot reach room database x; trying again in 0.001 s (1/3)',
      'Cannot reach room database x; trying again in 0.001 s (2/3)',
    ]);
  });

  it('gives up after its tries with the last error', async () => {
    let calls = 0;
    const open = () => {
      calls++;
      throw new StoreError('unreachable', `attempt ${calls}`);
    };
    await expect(untilReachable(open, () => {}, quick)).rejects.toThrow('attempt 3');
    expect(calls).toBe(3);
  });

  it('does not retry any other failure', async () => {
    let calls = 0;
    const open = () => {
      calls++;
      throw new StoreError('newer_version', 'newer');
    };
    await expect(untilReachable(open, () => {}, quick)).rejects.toThrow('newer');
    expect(calls).toBe(1);
  });
});
