import { z } from 'zod';

/** An email address as the API takes it: checkout's customer, a corrected buyer, a lost-tickets request. */
export const emailAddress = z.email('must be an email address').max(254);
