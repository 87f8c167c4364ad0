/** A message table's shape with every string widened, so a translation must have each key. */
export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
