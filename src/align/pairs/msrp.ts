// Parser for the MSRP paraphrase corpus as stored in ../shared/eval/msrp (TSV with a header and no quoting: sentences
// contain '"', so a CSV reader with quoting on would merge lines). Pure: callers read the file.

/** One MSRP pair: `label` 1 = semantically equivalent (Dolan, Quirk & Brockett 2004). */
export interface MsrpPair {
  id: string;
  label: 0 | 1;
  a: string;
  b: string;
}

/**
 * Parses train.tsv / test.tsv text (columns pair_id, label, sent1_id, sent2_id, sentence1, sentence2, …).
 * @throws Error when the header lacks one of the needed columns.
 */
export function parseMsrp(tsv: string): MsrpPair[] {
  const lines = tsv.split('\n').filter((line) => line.trim() !== '');
  const header = lines[0].split('\t');
  const col = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`MSRP file has no ${name} column`);
    return i;
  };
  const [id, label, s1, s2] = [col('pair_id'), col('label'), col('sentence1'), col('sentence2')];
  return lines.slice(1).map((line) => {
    const f = line.split('\t');
    return { id: f[id], label: f[label] === '1' ? 1 : 0, a: f[s1], b: f[s2] };
  });
}
