/** Messages of the cases screens. */
export const casesZh = {
  cases: {},
};
