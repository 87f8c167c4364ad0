import { threeWayMerge } from '../../renderer/lib/threeWayMerge';

const base = {
  basic: { taskSource: 'plan', samplingDate: '2024-05-01' },
  sample: { name: '面粉', batchNumber: 'B1', quantity: '2' },
  samplers: [{ name: '张三', credential: 'Z1' }],
};

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('threeWayMerge', () => {
  it('keeps a change made only elsewhere (theirs)', () => {
    const theirs = clone(base);
    theirs.sample.batchNumber = 'B2';
    expect(threeWayMerge(base, clone(base), theirs)).toEqual(theirs);
  });

  it('keeps a change made only here (mine)', () => {
    const mine = clone(base);
    mine.sample.name = '大米';
    expect(threeWayMerge(base, mine, clone(base))).toEqual(mine);
  });

  it('combines changes to different fields; untouched fields follow theirs', () => {
    const mine = clone(base);
    mine.sample.name = '大米';
    const theirs = clone(base);
    theirs.sample.batchNumber = 'B2';
    theirs.basic.samplingDate = '2024-05-02';
    const merged = threeWayMerge(base, mine, theirs);
    expect(merged.sample).toEqual({ name: '大米', batchNumber: 'B2', quantity: '2' });
    expect(merged.basic).toEqual({ taskSource: 'plan', samplingDate: '2024-05-02' });
    expect(merged.samplers).toEqual(base.samplers);
  });

  it('lets mine win for a field both changed', () => {
    const mine = clone(base);
    mine.sample.quantity = '3';
    const theirs = clone(base);
    theirs.sample.quantity = '5';
    theirs.sample.batchNumber = 'B2';
    expect(threeWayMerge(base, mine, theirs).sample).toEqual({
      name: '面粉',
      batchNumber: 'B2',
      quantity: '3',
    });
  });

  it('treats the samplers list as one field', () => {
    const mine = clone(base);
    mine.samplers.push({ name: '李四', credential: 'L2' });
    const theirs = clone(base);
    theirs.samplers[0] = { name: '王五', credential: 'W3' };
    theirs.sample.name = '大米';
    const merged = threeWayMerge(base, mine, theirs);
    expect(merged.samplers).toEqual(mine.samplers);
    expect(merged.sample.name).toBe('大米');
  });

  it('does not modify its inputs', () => {
    const mine = clone(base);
    mine.sample.name = '大米';
    const theirs = clone(base);
    const snapshot = clone({ base, mine, theirs });
    threeWayMerge(base, mine, theirs);
    expect({ base, mine, theirs }).toEqual(snapshot);
  });

  it('with nothing changed anywhere, returns an equal copy', () => {
    const merged = threeWayMerge(base, clone(base), clone(base));
    expect(merged).toEqual(base);
    expect(merged).not.toBe(base);
  });
});
