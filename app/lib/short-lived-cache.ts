/**
 * A per-process cache of loads that may be a few seconds old, for data that public pages read on
 * every request and that hardly ever changes. Concurrent requests share one load; a failed load is
 * not kept, and neither is a value `keep` refuses (for example "not found", so a new row shows at once).
 */
export function shortLivedCache<Value>(ttlMs: number, options: { keep?: (value: Value) => boolean; maxEntries?: number } = {}) {
  const entries = new Map<string, { until: number; value: Promise<Value> }>();
  const maxEntries = options.maxEntries ?? 1000;
  return {
    get(key: string, load: () => Promise<Value>): Promise<Value> {
      const now = Date.now();
      const cached = entries.get(key);
      if (cached && cached.until > now) return cached.value;
      const value = load();
      const entry = { until: now + ttlMs, value };
      const forget = () => {
        if (entries.get(key) === entry) entries.delete(key);
      };
      value.then((result) => (options.keep && !options.keep(result) ? forget() : undefined), forget);
      if (entries.size >= maxEntries) entries.clear();
      entries.set(key, entry);
      return value;
    },
    clear(): void {
      entries.clear();
    },
  };
}
