import type { SonoranResource } from '../shared/operation';
import { community } from './community';
import { unit } from './unit';

export const resources: SonoranResource[] = [unit, community];
