import { IsInt, Min } from 'class-validator';
import { violationsOf } from '../../test/violations-of';
import { IdField, NestedField, TextField } from './field.decorators';
import { parseMessage } from './parse-message';

class Item {
  @IdField() id!: number;
}

/** Consumers may validate their own records with plain class-validator decorators. */
class Counter {
  @IsInt() @Min(0) count!: number;
}

class Order {
  @TextField({ nonEmpty: true }) name!: string;
  @NestedField(() => Item, { each: true }) items!: Item[];
  @NestedField(() => Item, { optional: true }) main?: Item | null;
}

describe(parseMessage.name, () => {
  it('builds class instances, normalises ids and keeps unknown fields', () => {
    const order = parseMessage(Order, { name: 'o', items: [{ id: '7.0', note: 'keep' }], extra: 1 }, 'order');
    expect(order).toBeInstanceOf(Order);
    expect(order.items[0]).toBeInstanceOf(Item);
    expect(order).toEqual({ name: 'o', items: [{ id: 7, note: 'keep' }], extra: 1 });
  });

  it('keeps undeclared keys verbatim, even prototype names, without touching prototypes', () => {
    const text =
      '{"name":"o","items":[{"id":1,"toString":null,"__proto__":{"polluted":true}}],"constructor":1,"__proto__":{"x":1}}';
    const order = parseMessage(Order, JSON.parse(text), 'order');
    expect(Object.getPrototypeOf(order)).toBe(Order.prototype);
    expect(Object.getPrototypeOf(order.items[0])).toBe(Item.prototype);
    expect(Object.hasOwn(order, '__proto__')).toBe(true);
    expect(JSON.parse(JSON.stringify(order))).toEqual(JSON.parse(text));
  });

  it('serves classes decorated with plain class-validator decorators too', () => {
    expect(parseMessage(Counter, { count: 2, note: 'kept' }, 'counter')).toEqual({ count: 2, note: 'kept' });
    expect(violationsOf(() => parseMessage(Counter, { count: -1 }, 'counter'))).toEqual([
      { path: 'count', message: 'count must not be less than 0' },
    ]);
  });

  it('flattens nested violations into paths with array indexes', () => {
    expect(
      violationsOf(() =>
        parseMessage(Order, { name: '', items: [{ id: 1 }, { id: 'x' }, 'y'], main: { id: 0 } }, 'order'),
      ),
    ).toEqual([
      { path: 'items[1].id', message: 'must be a positive integer id' },
      { path: 'items[2]', message: 'must be an object' },
      { path: 'main.id', message: 'must be a positive integer id' },
      { path: 'name', message: 'must not be empty' },
    ]);
  });

  it('reports a wrong container once instead of its children', () => {
    expect(
      violationsOf(() =>
        parseMessage(Order, { name: 'o', items: { id: 'x' }, main: [{ id: 'x' }] }, 'order'),
      ),
    ).toEqual([
      { path: 'items', message: 'must be an array' },
      { path: 'main', message: 'must be an object' },
    ]);
  });

  it('names what it parsed in the error', () => {
    expect(() => parseMessage(Order, {}, 'order')).toThrow(
      /^invalid order: items: is required; name: is required$/,
    );
  });

  it.each([null, undefined, 'text', 3, [], true])('rejects the non-object %p at (root)', (raw) => {
    expect(violationsOf(() => parseMessage(Order, raw, 'order'))).toEqual([
      { path: '(root)', message: 'must be an object' },
    ]);
  });
});
