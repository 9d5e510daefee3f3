import { renderTable } from './table';

describe(renderTable.name, () => {
  it('aligns columns and shows missing values as "-"', () => {
    expect(
      renderTable(
        ['id', 'name'],
        [
          [1, 'Gold'],
          [22, null],
        ],
      ),
    ).toBe('id  name\n1   Gold\n22  -');
  });
});
