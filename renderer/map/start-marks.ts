// User Timing marks of the map's start (vigie:map-…), read by a profiler or a probe from
// performance.getEntriesByType('mark'): where the time to a settled map goes (the chunk, the
// construction, the style, the first frame, the data, the first settled idle). A mark costs
// nothing worth counting; each is made once per page.
const made = new Set<string>();

export function startMark(name: string): void {
  if (made.has(name)) return;
  made.add(name);
  performance.mark(`vigie:map-${name}`);
}
