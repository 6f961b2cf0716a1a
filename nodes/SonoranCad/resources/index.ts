import type { SonoranResource } from '../shared/operation';
import { unit } from './unit';

export const resources: SonoranResource[] = [unit];
