/** Document numbers (文书字号) and signatures: the part of the API contract they add. */
export const NUMBER_API = {} as const;
