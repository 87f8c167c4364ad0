/** Messages of the documents screens. */
export const documentsZh = {
  documents: {},
};
