import { afterEach, describe, expect, it, vi } from "vitest";
import { shortLivedCache } from "~/lib/short-lived-cache";

afterEach(() => {
  vi.useRealTimers();
});

describe("short-lived cache", () => {
  it("shares one load until the time is up, then loads again", async () => {
    vi.useFakeTimers();
    const cache = shortLivedCache<number>(1000);
    let loads = 0;
    const load = async () => ++loads;
    expect(await Promise.all([cache.get("a", load), cache.get("a", load)])).toEqual([1, 1]);
    vi.advanceTimersByTime(999);
    expect(await cache.get("a", load)).toBe(1);
    vi.advanceTimersByTime(2);
    expect(await cache.get("a", load)).toBe(2);
  });

  it("keeps neither failures nor values that keep refuses, and forgets everything on clear", async () => {
    const cache = shortLivedCache<string | null>(60_000, { keep: (value) => value !== null });
    await expect(cache.get("x", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await cache.get("x", async () => null)).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await cache.get("x", async () => "found")).toBe("found");
    expect(await cache.get("x", async () => "newer")).toBe("found");
    cache.clear();
    expect(await cache.get("x", async () => "newer")).toBe("newer");
  });
});
