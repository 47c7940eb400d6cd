import { z } from 'zod';
import { emailAddress } from '../lib/email.ts';

export const ticketLinkQuery = z.object({ token: z.string().max(200).default('') });

export const ticketLinksBody = z.object({ email: emailAddress });
