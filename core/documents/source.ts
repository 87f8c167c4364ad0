/**
 * Gathers what a record's forms are filled from: the record, the agency (the one the record
 * names, so every device prints the same heading; this device's unit for older records),
 * officers' credential numbers from the people register, issued document numbers, and for a
 * spot check its product category's name.
 */
import type { DocumentSource } from '../../shared/documents/build';
import type { DocumentOwnerType } from '../../shared/documents/kinds';
import type { Store } from '../../db/store';
import { numberLookup } from './numbers';

function categoryName(store: Store, code: string): string {
  if (!code) return '';
  const category = store.catalog.categories().find((c) => c.code === code);
  return category?.zh ?? '';
}

/** Null when this device has no such record. */
export function loadSource(
  store: Store,
  ownerType: DocumentOwnerType,
  ownerId: string,
): DocumentSource | null {
  const agencyName = store.profile.get()?.unitName ?? '';
  if (ownerType === 'spotCheck') {
    const record = store.spotChecks.get(ownerId);
    if (!record) return null;
    return {
      ownerType,
      input: {
        record,
        agencyName: record.data.basic.organizingDepartment || agencyName,
        categoryName: categoryName(store, record.data.basic.categoryCode),
      },
    };
  }
  const record = store.cases.get(ownerId);
  if (!record) return null;
  return {
    ownerType,
    input: {
      record,
      agencyName: record.data.agencyName || agencyName,
      numberOf: numberLookup(record.data),
      credentialOf: (userId) => store.people.get(userId)?.credentialNumber ?? '',
    },
  };
}
