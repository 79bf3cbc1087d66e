/**
 * Choosing deadlines: a root or local task from its template's spec, a child task within its
 * parent's deadline (the same or tighter, as drafters do), and the two deadline defects
 * (later than the parent; weakened to no end).
 */
import { addDays, type Calendar, daysBetween, quarterEnd, quarterStart } from './dates.js';
import { catalogue, CONTINUOUS, type DOpt, PERIODIC, yearlyText } from './deadline-texts.js';
import type { Rng } from './prng.js';

/** A template's own deadline: window ending with quarter k, open-ended from quarter k, or a class. */
export type DSpec = { w: number } | { o: number } | 'cont' | 'per' | 'own' | 'sub' | 'none';

const pickW = (rng: Rng, xs: readonly DOpt[]): DOpt => rng.weighted(xs.map((x) => ({ value: x, weight: x.weight })));

/** The deadline a task takes from its own spec (the root plan, or a task no parent states). */
export function fromSpec(spec: DSpec, cal: Calendar, rng: Rng): DOpt | null {
  const cat = catalogue(cal.year);
  if (spec === 'none' || spec === 'own' || spec === 'sub') return null;
  if (spec === 'cont') return pickW(rng, CONTINUOUS);
  if (spec === 'per') return pickW(rng, PERIODIC);
  if ('w' in spec) {
    const end = quarterEnd(cal, spec.w);
    return pickW(rng, cat.windows.filter((x) => x.cls === 'window' && x.end === end));
  }
  const start = quarterStart(cal, spec.o);
  const fits = cat.opens.filter((x) => x.cls === 'open' && x.fromStart <= start && x.fromEnd >= start);
  return pickW(rng, fits);
}

/**
 * A child's deadline within `bound` (the parent's): mostly the same end, sometimes tighter,
 * preferring an end after the child's own issue date so the plan reads as plausible.
 */
export function within(bound: DOpt, year: number, issued: string, rng: Rng): DOpt {
  const cat = catalogue(year);
  if (rng.chance(0.3)) return bound;
  switch (bound.cls) {
    case 'window': {
      // Tighten by a few weeks at most, never to before the child's own issue date; a window
      // already past when the child is issued is only reworded (same end).
      const tight = addDays(bound.end, -45);
      const floor = bound.end < issued ? bound.end : tight > issued ? tight : issued;
      const fits = cat.windows.filter((x) => x.cls === 'window' && x.end <= bound.end && x.end >= floor);
      if (!fits.length) return bound;
      return rng.weighted(fits.map((x) => ({ value: x, weight: x.weight * (x.cls === 'window' && x.end === bound.end ? 5 : 1) })));
    }
    case 'open': {
      const fits = cat.opens.filter((x) => x.cls === 'open' && x.fromStart >= bound.fromStart && x.fromStart <= bound.fromEnd);
      return fits.length ? pickW(rng, fits) : bound;
    }
    case 'continuous':
      return pickW(rng, CONTINUOUS);
    case 'periodic':
      return pickW(rng, PERIODIC);
    default:
      return bound;
  }
}

/** The tightest of several parent deadlines (one child task may carry several parent tasks). */
export function tightest(bounds: readonly DOpt[]): DOpt | null {
  const usable = bounds.filter((b) => b.cls !== 'unreadable');
  if (!usable.length) return null;
  const windows = usable.filter((b): b is Extract<DOpt, { cls: 'window' }> => b.cls === 'window');
  if (windows.length) return windows.reduce((a, b) => (b.end < a.end ? b : a));
  return usable[0]!;
}

/** `late-deadline`: a deadline ending after the parent's (or starting after its open period). */
export function later(bound: DOpt, year: number, rng: Rng): DOpt | null {
  const cat = catalogue(year);
  if (bound.cls === 'window') {
    const fits = cat.windows.filter((x) => x.cls === 'window' && x.end > bound.end && daysBetween(bound.end, x.end) <= 400);
    return fits.length ? pickW(rng, fits) : null;
  }
  if (bound.cls === 'open') {
    const fits = cat.opens.filter((x) => x.cls === 'open' && x.fromStart > bound.fromEnd);
    return fits.length ? pickW(rng, fits) : null;
  }
  if (bound.cls === 'yearly' && bound.due > 0) return yearlyText(bound.due - rng.int(1, Math.min(2, bound.due)), rng.int(0, 2));
  return null;
}

/** `weakened-deadline`: a finite parent deadline answered with no end at all. */
export function weakened(bound: DOpt, year: number, rng: Rng): DOpt | null {
  if (bound.cls !== 'window') return null;
  const opens = catalogue(year).opens.filter((x) => x.cls === 'open' && x.fromStart <= bound.end && x.fromEnd >= addDays(bound.end, -365));
  return pickW(rng, [...CONTINUOUS, ...PERIODIC, ...opens]);
}
