/** The penalty as a notice or decision states it, each line with its amount in capitals. */
import type { PenaltyLinesView } from '../view';

export function penaltyItems(p: PenaltyLinesView): string[] {
  const items: string[] = [];
  const confiscation = p.confiscation.trim();
  if (confiscation) {
    items.push(confiscation.startsWith('没收') ? confiscation : `没收${confiscation}`);
  }
  if (p.illegalGains) {
    items.push(`没收违法所得人民币${p.illegalGains}（大写：${p.illegalGainsCapital}）`);
  }
  if (p.fine) items.push(`罚款人民币${p.fine}（大写：${p.fineCapital}）`);
  return items;
}
