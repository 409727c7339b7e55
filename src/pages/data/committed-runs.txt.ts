import type { APIRoute } from 'astro';
import { RESULTS } from '../../components/experiments/data';
import { packCommitted } from '../../components/experiments/committed';

/**
 * The committed outcome of every grid run, packed (committed.ts), as a static file the live figure fetches once it
 * is on screen — 1 470 runs are too many to serialise into the article's HTML as island props.
 */
export const GET: APIRoute = () =>
  new Response(packCommitted(RESULTS.runs), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
