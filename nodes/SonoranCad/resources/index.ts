import type { SonoranResource } from '../kinds/operation';
import { account } from './account';
import { call } from './call';
import { community } from './community';
import { identifier } from './identifier';
import { map } from './map';
import { panel } from './panel';
import { record } from './record';
import { serverConfiguration } from './serverConfiguration';
import { unit } from './unit';

export const resources: SonoranResource[] = [
	unit,
	call,
	account,
	identifier,
	record,
	panel,
	map,
	community,
	serverConfiguration,
];
