// A sound and a buzz for every result, so a steward hears and feels it without looking: two
// bright beeps to let in, one low tone to look again, a long buzz to stop.

import type { Tone } from './words.ts';

const SOUNDS: Record<Tone, { hz: number; ms: number; wave: OscillatorType; times: number }> = {
  valid: { hz: 1320, ms: 90, wave: 'sine', times: 2 },
  warning: { hz: 520, ms: 260, wave: 'triangle', times: 1 },
  invalid: { hz: 180, ms: 480, wave: 'square', times: 1 },
};

const BUZZ: Record<Tone, number[]> = {
  valid: [80],
  warning: [160, 90, 160],
  invalid: [450],
};

let audio: AudioContext | null = null;

/** Browsers let a page make sound only after a tap: called from the tap that starts scanning. */
export function unlockSound(): void {
  audio ??= typeof AudioContext === 'undefined' ? null : new AudioContext();
  void audio?.resume();
}

export function signal(tone: Tone): void {
  navigator.vibrate?.(BUZZ[tone]);
  if (!audio) return;
  const { hz, ms, wave, times } = SOUNDS[tone];
  for (let i = 0; i < times; i++) {
    const start = audio.currentTime + (i * ms * 1.6) / 1000;
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = wave;
    oscillator.frequency.value = hz;
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.3, start + 0.01);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + ms / 1000);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(start);
    oscillator.stop(start + ms / 1000 + 0.02);
  }
}
