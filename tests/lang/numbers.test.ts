import { describe, expect, it } from 'vitest';
import { packFor } from '../../src/lang/index.js';
import { parseHan } from '../../src/lang/numbers.js';

const values = (code: string, text: string) => packFor(code).numbers(text).map((n) => [n.text, n.value]);

describe('numbers as each locale writes them', () => {
  it('a number right after a Han character is read ("高15度")', () => {
    expect(values('zh', '高15度')).toEqual([['15', 15]]);
    // Every pack reads it: the source of a zh→en file is parsed with whatever pack it has.
    expect(values('en', '高15度')).toEqual([['15', 15]]);
    // After a Latin letter digits are part of a code.
    expect(values('en', 'an A320 jet')).toEqual([]);
  });
  it('Han numerals and myriad units', () => {
    expect(values('zh', '25万人')).toEqual([['25万', 250000]]);
    expect(values('zh', '两万元')).toEqual([['两万', 20000]]);
    expect(values('zh', '一亿二千万')).toEqual([['一亿二千万', 120000000]]);
    expect(values('zh', '二十五岁')).toEqual([['二十五', 25]]);
    expect(values('zh', '百科全书，一起，统一')).toEqual([]); // words, not numbers
    expect(values('zh', '第二版')).toEqual([['二', 2]]);
    expect(parseHan('三百零五')).toBe(305);
    expect(parseHan('一万亿')).toBe(1e12);
    expect(parseHan('二〇二四')).toBe(2024);
    expect(parseHan('1.5亿')).toBe(150000000);
  });
  it('locale separators: German 1.234,5, French 1 234,5, English 1,234.5', () => {
    expect(values('de', '1.234,5')).toEqual([['1.234,5', 1234.5]]);
    expect(values('de', '3.000 Euro')).toEqual([['3.000', 3000]]);
    expect(values('fr', '1 234,5')).toEqual([['1 234,5', 1234.5]]);
    expect(values('fr', '1\u202f234,5')).toEqual([['1\u202f234,5', 1234.5]]);
    expect(values('en', '1,234.5')).toEqual([['1,234.5', 1234.5]]);
    // One separator before three digits: the locale decides.
    expect(values('en', '1.234')).toEqual([['1.234', 1.234]]);
    expect(values('de', '1.234')).toEqual([['1.234', 1234]]);
    // Without a pack: a separator before three digits groups.
    expect(values('sw', '1.234')).toEqual([['1.234', 1234]]);
  });
  it('parseNumber reads one number or number word', () => {
    expect(packFor('de').parseNumber('1.234,5')).toBe(1234.5);
    expect(packFor('zh').parseNumber('两万')).toBe(20000);
    expect(packFor('en').parseNumber('twelve')).toBe(12);
    expect(packFor('en').parseNumber('banana')).toBeUndefined();
  });
});
