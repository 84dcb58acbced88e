/** The stdio framing guard: whole, well-formed frames pass unchanged however the bytes are chunked; broken ones are skipped. */
import assert from 'node:assert/strict';
import { FrameGuard } from '../../server/src/lsp/stdioFraming';
import { rng } from '../../bench/generate';

function frame(body: string): string {
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

async function through(chunks: Buffer[]): Promise<{ out: string; dropped: number }> {
  const g = new FrameGuard();
  const parts: Buffer[] = [];
  g.on('data', (d: Buffer) => parts.push(d));
  const ended = new Promise((r) => g.on('end', r));
  for (const c of chunks) g.write(c);
  g.end();
  await ended;
  return { out: Buffer.concat(parts).toString('utf8'), dropped: g.dropped };
}

function chunked(text: string, next: () => number): Buffer[] {
  const bytes = Buffer.from(text);
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; ) {
    const n = 1 + Math.floor(next() * 40);
    out.push(bytes.subarray(i, i + n));
    i += n;
  }
  return out;
}

describe('stdio framing guard', () => {
  const good = [frame('{"jsonrpc":"2.0","id":1,"method":"a"}'), frame('{"jsonrpc":"2.0","method":"b","params":{"text":"Content-Length: 5 é \\r\\n"}}'), `Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n${frame('{"id":3}')}`];

  it('passes well-formed frames unchanged in any chunking', async () => {
    const next = rng(11);
    for (let round = 0; round < 50; round++) {
      const { out, dropped } = await through(chunked(good.join(''), next));
      assert.equal(out, good.join(''));
      assert.equal(dropped, 0);
    }
  });

  it('skips broken frames and keeps the ones around them, in any chunking', async () => {
    const next = rng(12);
    const broken = ['Content-Length: 10\r\n\r\n{"jsonrpc":"2.0","id":9}', 'Content-Length: x\r\n\r\n{}', 'Content-Length: 999999\r\n\r\n{"id":8}', 'garbage\r\n\r\n', 'no header at all '];
    for (const b of broken) {
      for (let round = 0; round < 20; round++) {
        const { out } = await through(chunked(good[0] + b + good[1] + good[2], next));
        assert.ok(out.startsWith(good[0]), JSON.stringify(b));
        assert.ok(out.endsWith(good[1] + good[2]), `${JSON.stringify(b)}: ${JSON.stringify(out)}`);
        assert.ok(!out.includes('999999') && !out.includes('garbage') && !out.includes('no header'), JSON.stringify(out));
      }
    }
  });
});
