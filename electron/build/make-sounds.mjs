// Writes the console's alert sounds (resources/sounds/*.wav): synthesised tones, so that the app
// ships its own audio with no licence or download. Run once when a sound changes:
//   node electron/build/make-sounds.mjs
// P1: a two-tone alarm that cannot be mistaken for anything else; notice: a rising chime; info: one soft note.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const RATE = 22050;

/** Notes as [frequency Hz, seconds]; each fades in and out over 10 ms so it does not click. */
function render(notes, gain) {
  const total = notes.reduce((s, [, d]) => s + Math.round(d * RATE), 0);
  const pcm = new Int16Array(total);
  let i = 0;
  for (const [freq, seconds] of notes) {
    const n = Math.round(seconds * RATE);
    const fade = Math.round(0.01 * RATE);
    for (let k = 0; k < n; k++, i++) {
      const env = Math.min(1, k / fade, (n - k) / fade);
      // A fundamental with a little third harmonic: it carries in a noisy room without being shrill.
      const t = k / RATE;
      const v = freq ? Math.sin(2 * Math.PI * freq * t) + 0.25 * Math.sin(6 * Math.PI * freq * t) : 0;
      pcm[i] = Math.round((v / 1.25) * env * gain * 32767);
    }
  }
  return pcm;
}

function wav(pcm) {
  const data = Buffer.from(pcm.buffer);
  const h = Buffer.alloc(44);
  h.write('RIFF', 0);
  h.writeUInt32LE(36 + data.length, 4);
  h.write('WAVEfmt ', 8);
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20); // PCM
  h.writeUInt16LE(1, 22); // mono
  h.writeUInt32LE(RATE, 24);
  h.writeUInt32LE(RATE * 2, 28);
  h.writeUInt16LE(2, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36);
  h.writeUInt32LE(data.length, 40);
  return Buffer.concat([h, data]);
}

const SOUNDS = {
  p1: [
    [960, 0.18],
    [720, 0.18],
    [960, 0.18],
    [720, 0.18],
    [960, 0.18],
    [720, 0.18],
    [0, 0.1],
  ],
  notice: [
    [660, 0.16],
    [880, 0.16],
    [990, 0.3],
    [0, 0.05],
  ],
  info: [
    [587, 0.25],
    [0, 0.05],
  ],
};

const dir = fileURLToPath(new URL('../../resources/sounds/', import.meta.url));
for (const [name, notes] of Object.entries(SOUNDS)) {
  writeFileSync(`${dir}${name}.wav`, wav(render(notes, name === 'p1' ? 0.9 : 0.7)));
}
