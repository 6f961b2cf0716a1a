import type { SonoranResource } from '../shared/operation';
import { call } from './call';
import { community } from './community';
import { unit } from './unit';

export const resources: SonoranResource[] = [unit, call, community];
