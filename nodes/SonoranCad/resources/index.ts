import type { SonoranResource } from '../kinds/operation';
import { account } from './account';
import { call } from './call';
import { community } from './community';
import { identifier } from './identifier';
import { panel } from './panel';
import { record } from './record';
import { unit } from './unit';

export const resources: SonoranResource[] = [
	unit,
	call,
	account,
	identifier,
	record,
	panel,
	community,
];
