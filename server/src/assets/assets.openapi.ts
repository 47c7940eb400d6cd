import type { RouteDocs } from '../openapi/openapi.types.ts';

const script = (summary: string) => ({
  tag: 'Widget',
  access: 'public' as const,
  summary,
  responses: { 200: { description: 'JavaScript, for any origin.', contentType: 'application/javascript' } },
  errors: { 404: ['route.not_found' as const] },
});

export const assetsDocs: RouteDocs = {
  'GET /widget.js': script('The embeddable widget (`<script src=".../widget.js" async>`)'),
  'GET /embed.js': script('The script of the hosted checkout page'),
  'GET /stripe-loader.js': script("The widget's loader of Stripe.js, fetched when the buyer reaches payment"),
  'GET /checkout-steps.js': script(
    "The widget's steps after choosing (payment, confirmation), fetched when a buyer starts choosing",
  ),
  'GET /embed.html': {
    tag: 'Widget',
    access: 'public',
    summary: 'The hosted checkout page (iframe mode, and the `url` of server-side sessions)',
    responses: { 200: { description: 'The page; it may be framed by any site.', contentType: 'text/html' } },
    errors: { 404: ['route.not_found'] },
  },
  'GET /favicon.ico': {
    tag: 'Widget',
    access: 'public',
    summary: 'Nothing, so browsers stop asking',
    responses: { 204: { description: 'No content.' } },
  },
};
