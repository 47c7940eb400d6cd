import { z } from 'zod';

export const ticketIdParam = z.string().min(1).max(100);
