import { detectConflicts, restamp, type FieldStamps } from '../../server/sync/conflicts';

const A = 'device-a';
const B = 'device-b';

describe('field-level conflict detection', () => {
  const current = { name: '甲公司', address: '一号', phone: '1' };
  // name changed by B at seq 5, address by A at seq 3, phone at creation (seq 1, by A)
  const stamps: FieldStamps = {
    name: { s: 5, d: B },
    address: { s: 3, d: A },
    phone: { s: 1, d: A },
  };

  it('different fields merge without conflict', () => {
    const r = detectConflicts(current, stamps, { ...current, phone: '2' }, 2, A);
    expect(r.conflicts).toEqual([]);
    expect(r.merged).toEqual({ ...current, phone: '2' });
  });

  it('the same field changed by another device after the base is a conflict; the server value stays', () => {
    const r = detectConflicts(current, stamps, { ...current, name: '乙公司', phone: '2' }, 4, A);
    expect(r.conflicts).toEqual([
      { field: 'name', serverValue: '甲公司', clientValue: '乙公司', serverSeq: 5 },
    ]);
    expect(r.merged).toEqual({ ...current, phone: '2' });
  });

  it('no conflict when the client had seen the change (base ≥ field seq)', () => {
    expect(
      detectConflicts(current, stamps, { ...current, name: '乙公司' }, 5, A).conflicts,
    ).toEqual([]);
  });

  it("no conflict over the device's own later change", () => {
    expect(
      detectConflicts(current, stamps, { ...current, address: '二号' }, 1, A).conflicts,
    ).toEqual([]);
  });

  it('no conflict when the client wants the value the server already has', () => {
    expect(detectConflicts(current, stamps, { ...current }, 0, A).conflicts).toEqual([]);
  });

  it('a field the server added after the base is restored, not dropped, when the client removes it', () => {
    const s: FieldStamps = { ...stamps, extra: { s: 9, d: B } };
    const r = detectConflicts({ ...current, extra: 'x' }, s, { ...current }, 2, A);
    expect(r.conflicts.map((c) => c.field)).toEqual(['extra']);
    expect(r.merged).toEqual({ ...current, extra: 'x' });
  });

  it('restamp marks changed fields with the new seq and device', () => {
    expect(restamp(stamps, ['phone'], 9, B)).toEqual({ ...stamps, phone: { s: 9, d: B } });
  });
});
