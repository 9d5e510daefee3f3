/** An unknown form throws, so a new kind of condition in the docs is read here before it is trusted. */
export function isRequired(requiredWhen: string, value: (name: string) => string | undefined): boolean {
  if (requiredWhen === 'always') {
    return true;
  }
  if (requiredWhen === '—' || requiredWhen === '') {
    return false;
  }
  if (/^for [a-z-]+(?: and [a-z-]+)*$/.test(requiredWhen)) {
    return true;
  }
  const unless = /^unless (.+)$/.exec(requiredWhen);
  if (unless?.[1] !== undefined) {
    return !holds(unless[1], value);
  }
  return holds(requiredWhen, value);
}

function holds(condition: string, value: (name: string) => string | undefined): boolean {
  return condition.split(' and ').every((term) => {
    const equals = /^([A-Z][A-Z0-9_]*)=(\S+)$/.exec(term);
    if (equals) {
      return value(equals[1] ?? '') === equals[2];
    }
    const set = /^([A-Z][A-Z0-9_]*) is set$/.exec(term);
    if (set) {
      return value(set[1] ?? '') !== undefined;
    }
    const oneOf = /^([A-Z][A-Z0-9_]*) is (\S+(?: or \S+)*)$/.exec(term);
    if (oneOf) {
      return (oneOf[2] ?? '').split(' or ').includes(value(oneOf[1] ?? '') ?? '');
    }
    throw new Error(`docs/configuration.md: cannot read the condition "${term}"`);
  });
}
