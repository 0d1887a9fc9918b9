/**
 * Strings that some YAML reader takes for another type, or cannot carry raw, in groups.
 * Each must be written so that every reader reads it back unchanged.
 */
export const TRICKY_STRINGS: Record<string, readonly string[]> = {
  'booleans of YAML 1.1 and 1.2': ['on', 'On', 'ON', 'off', 'y', 'Y', 'n', 'N', 'yes', 'Yes', 'YES', 'no', 'NO', 'true', 'True', 'TRUE', 'false', 'False'],
  'null forms': ['~', 'null', 'Null', 'NULL', ''],
  'integers in every base': ['0o644', '0O644', '0o10', '0x1F', '0X1F', '0b101', '0B101', '-0b11', '0644', '012', '08', '09', '+12', '-0', '1_000', '1_', '0_1', '0x_1F', '99999999999999999999'],
  'floats': ['1e3', '1E3', '1e+3', '.5', '.5e3', '.5_0', '1.', '+.5', '1_0.5', '.inf', '.Inf', '-.inf', '+.inf', '.nan', '.NaN', '1e400'],
  'base 60 and timestamps': ['12:30:00', '1:20', '190:20:30.15', '2001-12-14', '2001-12-14T21:59:43.10-05:00', '2001-12-14 21:59:43.10'],
  'value and merge keys': ['=', '<<'],
  'line and paragraph separators, NEL, BOM': ['a\u2028b', 'a\u2029b', '\u2028', 'a\u0085b', '\u0085', '\uFEFFx', 'x\uFEFF'],
  'controls': ['a\u0000b', 'a\u0007b', 'a\u001Bb', 'a\rb', 'a\r\nb', 'a\u007Fb', 'a\u0080b', 'a\u009Fb', 'a\tb', '\tx', 'x\t'],
  'line breaks and blanks': ['a\nb', 'a\n', '\na', 'a\n\n', ' a', 'a ', ' ', 'x\n\u2028y', 'a \nb'],
  'indicators': ['- a', '-', 'a: b', '#x', 'x #y', '@a', '`a', '!a', '%a', '&a', '*a', '|', '>', '?', '? a', '---', '...', '"a', "'a", '[a]', '{a}', 'a,b'],
  'text that stays plain': ['v1', 'x-lane', 'nan', 'NaN', 'Infinity', '0x', '0o', 'yes please', 'registry.example.com/app:1.0'],
};

/** Every string of {@link TRICKY_STRINGS}, once. */
export const ALL_TRICKY_STRINGS: readonly string[] = [...new Set(Object.values(TRICKY_STRINGS).flat())];
