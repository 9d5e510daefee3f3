import { type GroupSelection } from './group-selection';
import { type CapillaryReads } from './group-snapshot.reader';

const SEARCH_PAGE = 100;

/** GET /v2/userGroup2/search is the only way to list groups; an empty query is passed as is. */
export async function* groupIdsOf(selection: GroupSelection, client: CapillaryReads): AsyncGenerator<number> {
  if (selection.kind === 'ids') {
    yield* selection.ids;
    return;
  }
  const seen = new Set<number>();
  for (let offset = 0; ;) {
    const page = await client.searchGroups(selection.query, { offset, limit: SEARCH_PAGE });
    for (const group of page.groups) {
      if (!seen.has(group.groupId)) {
        seen.add(group.groupId);
        yield group.groupId;
      }
    }
    offset += page.groups.length;
    if (page.groups.length === 0 || offset >= page.total) {
      return;
    }
  }
}
