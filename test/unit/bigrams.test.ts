import {
  normalizeSearchText,
  searchRuns,
  toBigramDocument,
  toBigramQuery,
} from '../../db/search/bigrams';

describe('bigram tokenizer', () => {
  it('emits bigrams in order plus the last character of each run', () => {
    expect(toBigramDocument('婴幼儿配方奶粉')).toBe('婴幼 幼儿 儿配 配方 方奶 奶粉 粉');
  });

  it('splits runs at whitespace and punctuation', () => {
    expect(searchRuns('GB 6675.1-2014，玩具')).toEqual([
      ['g', 'b'],
      ['6', '6', '7', '5'],
      ['1'],
      ['2', '0', '1', '4'],
      ['玩', '具'],
    ]);
    expect(toBigramDocument('水泥、钢筋')).toBe('水泥 泥 钢筋 筋');
  });

  it('lowercases and folds full-width characters', () => {
    expect(normalizeSearchText('ＧＢ１７５ HRB400E')).toBe('gb175 hrb400e');
    expect(toBigramDocument('HRB')).toBe('hr rb b');
  });

  it('turns a single character into a one-token document', () => {
    expect(toBigramDocument('奶')).toBe('奶');
    expect(toBigramDocument('')).toBe('');
    expect(toBigramDocument(' ，。')).toBe('');
  });

  it('builds a phrase for runs of two or more and a prefix query for one character', () => {
    expect(toBigramQuery('奶粉')).toEqual({ match: '"奶粉"', needles: ['奶粉'] });
    expect(toBigramQuery('婴幼儿')).toEqual({ match: '"婴幼 幼儿"', needles: ['婴幼儿'] });
    expect(toBigramQuery('粉')).toEqual({ match: '"粉"*', needles: ['粉'] });
  });

  it('ANDs the runs of a query with several words', () => {
    expect(toBigramQuery('飞鹤  奶粉 A')).toEqual({
      match: '"飞鹤" AND "奶粉" AND "a"*',
      needles: ['飞鹤', '奶粉', 'a'],
    });
  });

  it('returns null when nothing is searchable, and never lets quotes through', () => {
    expect(toBigramQuery('  ，、 ')).toBeNull();
    expect(toBigramQuery('"')).toBeNull();
    expect(toBigramQuery('a"b')?.match).toBe('"a"* AND "b"*');
  });
});
