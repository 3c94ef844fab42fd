/** One row of the bench table. `ratio` = ours / peer where a peer was measured in the same run. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  peer?: string;
  peerValue?: number;
  ratio?: number;
  note?: string;
}
