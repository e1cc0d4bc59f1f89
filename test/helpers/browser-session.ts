import type { Express } from 'express';
import request from 'supertest';
import { PASSWORD } from './accounts.js';

export type Agent = ReturnType<typeof request.agent>;

/** The CSRF token of the first form on a page. */
export function csrfFrom(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no CSRF token on the page');
  return match[1]!;
}

/** GETs a page and POSTs a form from it with its CSRF token, as a browser would. */
export async function submitForm(agent: Agent, pageUrl: string, actionUrl: string, fields: Record<string, string>) {
  const page = await agent.get(pageUrl);
  return agent.post(actionUrl).type('form').send({ _csrf: csrfFrom(page.text), ...fields });
}

export async function signIn(app: Express, email: string, password = PASSWORD): Promise<Agent> {
  const agent = request.agent(app);
  const res = await submitForm(agent, '/sign-in', '/sign-in', { email, password });
  if (res.status !== 303) throw new Error(`sign-in failed with ${res.status}`);
  return agent;
}
