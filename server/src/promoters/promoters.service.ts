import { insertMembership } from '../accounts/accounts.store.ts';
import type { Database, Executor } from '../db/database.ts';
import { ApiError } from '../http/errors.ts';
import { type Page, type PageRequest, pageOf } from '../http/pagination.ts';
import { type Promoter, toPromoter } from './promoters.mapper.ts';
import type { CreatePromoterInput } from './promoters.schema.ts';
import { findPromoter, insertPromoter, listManagedPromoters } from './promoters.store.ts';

/** Who makes a promoter: the agency that will manage it (none: on its own), and who will own it. */
export interface PromoterCreator {
  agencyId: string | null;
  /** A signed-in person, who becomes the new promoter's owner. */
  personId: string | null;
}

/**
 * A new promoter, managed by the creator's promoter when there is one (its admin keys then act for
 * it), with the signed-in creator as its owner. Agencies are one level deep: a promoter that is
 * managed manages none, so "the promoters an agency manages" is always one plain list.
 */
export async function createPromoter(
  db: Database,
  creator: PromoterCreator,
  input: CreatePromoterInput,
): Promise<Promoter> {
  if (creator.agencyId) {
    const agency = await findPromoter(db, creator.agencyId);
    if (agency?.agency_id) {
      throw new ApiError(
        409,
        'promoter.agency_managed',
        `${agency.id} is managed by ${agency.agency_id}, so it cannot manage promoters of its own: create the promoter as ${agency.agency_id}.`,
      );
    }
  }
  return db.transaction().execute(async (tx) => {
    const id = await insertPromoter(tx, { name: input.name, agencyId: creator.agencyId });
    if (creator.personId)
      await insertMembership(tx, { personId: creator.personId, promoterId: id, role: 'owner' });
    const row = await findPromoter(tx, id);
    if (!row) throw new Error(`promoter ${id} vanished in its own transaction`);
    return toPromoter(row);
  });
}

/** The promoters `agencyId` manages, oldest first. */
export async function listPromotersManagedBy(
  db: Executor,
  agencyId: string,
  page: PageRequest,
): Promise<Page<Promoter>> {
  return pageOf(page, await listManagedPromoters(db, agencyId, page), toPromoter);
}
