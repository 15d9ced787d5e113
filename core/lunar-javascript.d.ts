// The part of lunar-javascript's API the holiday computation uses (the package ships no types).
declare module 'lunar-javascript' {
  interface Solar {
    /** 'YYYY-MM-DD' */
    toYmd(): string;
  }
  interface Lunar {
    getSolar(): Solar;
    /** The lunar day `days` later (negative: earlier). */
    next(days: number): Lunar;
    /** The 24 solar terms around the lunar year, by their Chinese names ('清明', …). */
    getJieQiTable(): Record<string, Solar>;
  }
  const lunar: {
    Lunar: { fromYmd(lunarYear: number, lunarMonth: number, lunarDay: number): Lunar };
  };
  export default lunar;
}
