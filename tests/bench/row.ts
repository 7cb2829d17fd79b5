/** One line of `npm run bench`: a figure, and where there is one, the baseline it is compared with. */
export interface BenchRow {
  area: string;
  name: string;
  value: number;
  unit: string;
  /** The same measure taken in the same run on a baseline (e.g. native tesseract), if any. */
  baseline?: { name: string; value: number };
  /** The goal, as text ("< 50 ms"), and whether this run met it. */
  target?: string;
  met?: boolean;
}

export type Bench = () => Promise<BenchRow[]>;
